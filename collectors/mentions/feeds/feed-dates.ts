/**
 * Dates as feeds really write them: RFC 822 (two-digit years, named and military zones, missing
 * weekday or seconds), W3CDTF / ISO 8601 (reduced precision, compact form, space instead of T)
 * and a few common variants. A date without a zone is taken as UTC. Returns null rather than
 * guessing when the text is not a date.
 */
export function parseFeedDate(text: string | null | undefined): Date | null {
  const value = text?.trim().replace(/\s+/g, ' ');
  if (!value) return null;
  return parseIso(value) ?? parseRfc822(value) ?? parseLoose(value);
}

// Named zones in RFC 822 and its successors, plus those seen in the wild; "CST" stays US Central as the RFC says.
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120, EET: 120, EEST: 180, MSK: 180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, AKDT: -480,
  HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150, IST: 330, JST: 540, KST: 540, HKT: 480, SGT: 480, AEST: 600, AEDT: 660,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)? ?(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/i;

function parseIso(value: string): Date | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return build(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms, zoneOffset(zone));
}

const RFC822 =
  /^(?:[A-Za-z]+,? ?)?(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{2,4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)? ?([A-Za-z]{1,5}|[+-]\d{1,2}:?\d{2}|(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?)?$/;
// The month-first order of ctime and JavaScript's toString: "Thu Jan 01 2004 19:48:21 GMT+0000".
const MONTH_FIRST =
  /^(?:[A-Za-z]+,? )?([A-Za-z]+)\.? (\d{1,2}),? (\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?)? ?([A-Za-z]{1,5}|[+-]\d{2}:?\d{2}|(?:GMT|UTC)[+-]\d{2}:?\d{2})?(?: \(.*\))?$/;

function parseRfc822(value: string): Date | null {
  let m = RFC822.exec(value);
  let day: string | undefined, month: string | undefined, year: string | undefined;
  if (m) [, day, month, year] = m;
  else {
    m = MONTH_FIRST.exec(value);
    if (!m) return null;
    [, month, day, year] = m;
  }
  const monthIndex = MONTHS.indexOf((month ?? '').slice(0, 3).toLowerCase());
  if (monthIndex < 0) return null;
  let fullYear = Number(year);
  // RFC 822 two-digit years; the window follows RFC 2822 section 4.3.
  if ((year ?? '').length === 2) fullYear += fullYear < 50 ? 2000 : 1900;
  const offset = zoneOffset(m[7]);
  if (offset === undefined) return null;
  return build(fullYear, monthIndex + 1, Number(day), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, offset);
}

// Chinese sites often write 2024年3月5日 10:30 or 2024/03/05 10:30:00.
const LOOSE = /^(\d{4})[年/.](\d{1,2})[月/.](\d{1,2})日?(?:[ T]?(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}))?秒?)? ?(Z|[+-]\d{2}:?\d{2})?$/;

function parseLoose(value: string): Date | null {
  const m = LOOSE.exec(value);
  if (!m) return null;
  return build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, zoneOffset(m[7]));
}

/** Minutes east of UTC; undefined for a zone we do not know (the date is then rejected, not misplaced). */
function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const upper = zone.toUpperCase();
  if (upper in ZONES) return ZONES[upper];
  const numeric = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/.exec(upper);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
  // RFC 822 military zones; RFC 1123 notes their signs were published backwards, so they are treated as UTC.
  if (/^[A-IK-Z]$/.test(upper)) return 0;
  return undefined;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number | undefined): Date | null {
  if (offsetMinutes === undefined || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 61) return null;
  const time = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offsetMinutes * 60_000;
  const date = new Date(time);
  // Reject overflowing days such as 31 February instead of rolling into March.
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  return Number.isNaN(date.valueOf()) ? null : date;
}
