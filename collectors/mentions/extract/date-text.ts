import { parseLocalDateTime } from '../../shared/local-time.ts';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})$/i;
// 2019年03月05日 10:20, 2019年3月5日10时20分
const CHINESE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/;
// 2019-03-05, 2019/03/05 10:20:30, 2019.03.05 (a trailing zone is honoured)
const NUMERIC = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:[T\s]+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;
const HAS_ZONE = /(?:\b(?:GMT|UTC)\b|[+-]\d{2}:?\d{2}\b|\dZ\b)/i;

/**
 * Reads a publication date as pages print it: ISO 8601, RFC 2822, "2019年03月05日 10:20",
 * "2019-03-05 10:20" or "2019/3/5". A date without a zone is a wall-clock time in `timeZone`.
 * `anywhere` also finds a date inside longer text (a byline); otherwise the whole value must be one.
 */
export function parseDateText(text: string, timeZone: string, anywhere = false): Date | undefined {
  const value = text.trim();
  if (ISO_WITH_ZONE.test(value)) return plausible(new Date(value.replace(' ', 'T').replace(/\s+/g, '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2')));
  const chinese = CHINESE.exec(value);
  const numeric = chinese ? null : NUMERIC.exec(value);
  const match = chinese ?? numeric;
  if (match && (anywhere || match.index === 0)) {
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => (part ? part.padStart(2, '0') : undefined));
    const wall = `${year}-${month}-${day}${hour ? ` ${hour}:${minute}${second ? `:${second}` : ''}` : ''}`;
    const zone = numeric?.[7];
    if (zone && hour) return plausible(new Date(`${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`));
    return plausible(parseLocalDateTime(wall, timeZone));
  }
  if (anywhere || !/[a-z]{3}/i.test(value)) return undefined;
  // "Fri, 24 Jul 2015 05:36:09 GMT", "April 28, 2019 6:01 am": the engine reads these; without a zone it
  // reads the runtime's local clock, so take its wall-clock fields and place them in the page's zone.
  const parsed = new Date(value.replace(/\b(am|pm)\b/i, ' $1'));
  if (Number.isNaN(parsed.getTime())) return undefined;
  if (HAS_ZONE.test(value)) return plausible(parsed);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const wall = `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())} ${pad(parsed.getHours())}:${pad(parsed.getMinutes())}:${pad(parsed.getSeconds())}`;
  return plausible(parseLocalDateTime(wall, timeZone));
}

// Web publishing starts in the 1990s; a date far in the future is a parse of something else.
function plausible(date: Date | undefined): Date | undefined {
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  return year >= 1990 && date.getTime() <= Date.now() + 2 * 86_400_000 ? date : undefined;
}
