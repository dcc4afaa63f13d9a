import { parseLocalDateTime } from './local-time.ts';

const TOKENS: Record<string, string> = {
  YYYY: '(?<year>\\d{4})',
  MM: '(?<month>\\d{1,2})',
  M: '(?<month>\\d{1,2})',
  DD: '(?<day>\\d{1,2})',
  D: '(?<day>\\d{1,2})',
  HH: '(?<hour>\\d{1,2})',
  H: '(?<hour>\\d{1,2})',
  hh: '(?<hour12>\\d{1,2})',
  h: '(?<hour12>\\d{1,2})',
  mm: '(?<minute>\\d{2})',
  ss: '(?<second>\\d{2})',
  A: '(?<meridiem>[AaPp][Mm])',
};

/**
 * A reader for times written in a fixed pattern such as "MM/DD/YYYY hh:mm:ss A" (US exports), as
 * wall-clock times in the zone. Returns undefined for text that does not fit or an impossible date.
 */
export function datePatternReader(pattern: string, timeZone: string): (text: string) => Date | undefined {
  const source = pattern.replace(/YYYY|MM|M|DD|D|HH|H|hh|h|mm|ss|A|[^YMDHhmsA]+|./g, (part) => TOKENS[part] ?? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const regex = new RegExp(`^${source}$`);
  return (text) => {
    const groups = regex.exec(text.trim())?.groups;
    if (!groups) return undefined;
    let hour = Number(groups.hour ?? 0);
    if (groups.hour12 !== undefined) {
      const twelve = Number(groups.hour12);
      if (twelve < 1 || twelve > 12) return undefined;
      hour = (twelve % 12) + (groups.meridiem?.toUpperCase() === 'PM' ? 12 : 0);
    }
    const pad = (value: string | number | undefined) => String(value ?? 0).padStart(2, '0');
    return parseLocalDateTime(`${groups.year}-${pad(groups.month)}-${pad(groups.day)} ${pad(hour)}:${pad(groups.minute)}:${pad(groups.second)}`, timeZone);
  };
}

const readers = new Map<string, (text: string) => Date | undefined>();

/**
 * How an export's times are read: in its `date_format` pattern when it gives one, else ISO or
 * 'YYYY-MM-DD HH:mm[:ss]'; wall-clock times in the zone. One reader per pattern and zone, kept.
 */
export function exportTimeReader(pattern: string | undefined, timeZone: string): (text: string) => Date | undefined {
  const key = `${pattern ?? ''}\u0000${timeZone}`;
  let reader = readers.get(key);
  if (!reader) {
    reader = pattern ? datePatternReader(pattern, timeZone) : (text) => parseLocalDateTime(text, timeZone);
    readers.set(key, reader);
  }
  return reader;
}
