import { createContext, useContext } from 'react';
import { type Lang, useT } from './i18n.ts';

/** The reporting zone until the server has said otherwise (config.timezone's default). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const TimeZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, timeZone: string, timeOnly: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${timeOnly}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions = timeOnly
      ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    try {
      found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      // A zone this browser does not know: fall back to the browser's own zone rather than fail the page.
      found = new Intl.DateTimeFormat(locale, options);
    }
    formatters.set(key, found);
  }
  return found;
}

/** A timestamp (ISO string or Date) as date and time in the reporting zone, e.g. "2026/03/01 14:05". */
export function formatDateTime(value: string | Date, lang: Lang, timeZone: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? String(value) : formatter(lang, timeZone, false).format(date);
}

/** Only the clock time in the reporting zone, e.g. "14:05", for ranges within one alert. */
export function formatClock(value: string | Date, lang: Lang, timeZone: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? String(value) : formatter(lang, timeZone, true).format(date);
}

/** Formatters bound to the current language and the configured reporting zone. */
export function useTimeFormat() {
  const { lang } = useT();
  const timeZone = useContext(TimeZoneContext);
  return {
    timeZone,
    dateTime: (value: string | Date) => formatDateTime(value, lang, timeZone),
    clock: (value: string | Date) => formatClock(value, lang, timeZone),
  };
}
