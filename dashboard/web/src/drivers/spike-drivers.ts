/**
 * The drivers of a negative-spike alert, as pipeline/steps/check-negative-spike.ts writes them.
 * They arrive as JSON from the database, so every field is checked before it is shown; a field of
 * the wrong shape is left to the generic key: value list rather than dropped or crashing the page.
 */
export interface SpikeDrivers {
  window: { from: string; to: string; minutes: number };
  count: number;
  baseline: { expected: number; sd: number | null; z: number; windows: number | null };
  same_time_yesterday: number | null;
  same_time_last_week: number | null;
  top_terms: string[];
  sources: string[];
  clauses: string[];
  reach: number | null;
  mentions: SpikeMention[];
}

export interface SpikeMention {
  id: number | string;
  title: string;
  url: string;
  source: string;
  score: number | null;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const numberOrNull = (v: unknown): number | null => (isNumber(v) ? v : null);

function readMention(v: unknown): SpikeMention | null {
  if (!isObject(v) || typeof v.url !== 'string' || (typeof v.id !== 'number' && typeof v.id !== 'string')) return null;
  const title = typeof v.title === 'string' && v.title.trim() ? v.title : v.url;
  return { id: v.id, title, url: v.url, source: typeof v.source === 'string' ? v.source : '', score: numberOrNull(v.score) };
}

/**
 * Splits drivers into the spike fields and the rest. Returns null when the core of a spike (count,
 * window, baseline expectation and z) is missing: then the whole object is shown generically.
 */
export function readSpikeDrivers(drivers: Json): { spike: SpikeDrivers; rest: Json } | null {
  const { window, count, baseline } = drivers;
  if (!isNumber(count) || !isObject(window) || !isNumber(window.minutes) || !isObject(baseline) || !isNumber(baseline.expected) || !isNumber(baseline.z)) {
    return null;
  }
  const used = new Set(['window', 'count', 'baseline']);
  const take = <T>(key: string, read: (v: unknown) => T | null, fallback: T): T => {
    const value = key in drivers ? read(drivers[key]) : null;
    if (value === null) return fallback;
    used.add(key);
    return value;
  };
  const strings = (v: unknown) => (isStrings(v) ? v : null);
  const mentionList = (v: unknown) => {
    const list = Array.isArray(v) ? v.map(readMention) : [null];
    return list.every((m): m is SpikeMention => m !== null) ? list : null;
  };
  const spike: SpikeDrivers = {
    window: { from: typeof window.from === 'string' ? window.from : '', to: typeof window.to === 'string' ? window.to : '', minutes: window.minutes },
    count,
    baseline: { expected: baseline.expected, sd: numberOrNull(baseline.sd), z: baseline.z, windows: numberOrNull(baseline.windows) },
    same_time_yesterday: take('same_time_yesterday', numberOrNull, null),
    same_time_last_week: take('same_time_last_week', numberOrNull, null),
    top_terms: take('top_terms', strings, []),
    sources: take('sources', strings, []),
    clauses: take('clauses', strings, []),
    reach: take('reach', numberOrNull, null),
    mentions: take('mentions', mentionList, []),
  };
  const rest = Object.fromEntries(Object.entries(drivers).filter(([key]) => !used.has(key)));
  return { spike, rest };
}

/** Only http(s) links are followed: a crawled URL like "javascript:…" must never become a link. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
