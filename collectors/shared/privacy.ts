import { createHmac } from 'node:crypto';
import { hidesAsciiInFullWidth, toHalfWidth } from './full-width.ts';
import { PERSONAL_DATA_RULES, type PersonalDataRule } from './personal-data-patterns.ts';

/**
 * Replaces personal data in free text with placeholders, so the raw values are never stored.
 * Service numbers such as the 12345 hotline, dates and amounts are left alone. Numbers typed in
 * full-width forms (１３８…, ａｎｎａ＠…) are found as if typed in ASCII, and the text around them
 * keeps the forms it was written in.
 */
export function redactPersonalData(text: string): string {
  if (!hidesAsciiInFullWidth(text)) return PERSONAL_DATA_RULES.reduce((redacted, rule) => redact(rule, redacted, redacted)[1], text);
  let seen = toHalfWidth(text);
  let shown = text;
  for (const rule of PERSONAL_DATA_RULES) [seen, shown] = redact(rule, seen, shown);
  return shown;
}

/**
 * One rule over the text as matched (`seen`) and as it will be stored (`shown`): the same length,
 * they differ only in full-width forms, so each match replaces the same stretch of both.
 */
function redact(rule: PersonalDataRule, seen: string, shown: string): [seen: string, shown: string] {
  if (rule.marker !== undefined && !seen.includes(rule.marker)) return [seen, shown];
  let nextSeen = '';
  let nextShown = '';
  let from = 0;
  // exec on the rule's own pattern: matchAll would copy the RegExp for every text.
  rule.pattern.lastIndex = 0;
  for (let match = rule.pattern.exec(seen); match; match = rule.pattern.exec(seen)) {
    if (rule.accept && !rule.accept(match[0])) continue;
    const start = match.index + (match.groups?.label?.length ?? 0);
    nextSeen += seen.slice(from, start) + rule.placeholder;
    nextShown += shown.slice(from, start) + rule.placeholder;
    from = match.index + match[0].length;
  }
  if (from === 0) return [seen, shown];
  return [nextSeen + seen.slice(from), nextShown + shown.slice(from)];
}

/** A stable pseudonym: the same person keeps the same key across imports, and nobody can reverse it without the key. */
export function pseudonymise(key: string, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex').slice(0, 16);
}
