import { createHmac } from 'node:crypto';

// Order matters: e-mail first (its local part may hold digits), then the 18-character ID number
// (it contains runs that look like phone numbers), passports, mobiles, and landlines last.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// Region (6) + birth date (8, plausible year/month/day) + sequence (3) + check digit or X.
const ID_NUMBER = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;

// A code with digits right after the word passport / 护照 is a passport whatever its shape.
const LABELLED_PASSPORT = /((?:passport|护照)\s*(?:no\.?|number|#|号码?|编号)?\s*[:：]?\s*)(?=[A-Za-z]*\d)[A-Za-z0-9]{5,12}(?![A-Za-z0-9])/gi;

// Unlabelled: one or two capital letters then 7–9 digits (E12345678, EA1234567, G1234567).
// Words, years and short codes (G20, Q3 2024, COVID19) never have seven digits after the letters.
const PASSPORT = /(?<![A-Za-z0-9])[A-Z]{1,2}\d{7,9}(?![A-Za-z0-9])/g;

// 1[3-9]xxxxxxxxx, optionally after +86 / 0086, digits optionally grouped 3-4-4 by spaces or dashes.
const MOBILE = /(?<![\d+])(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g;

// Area code (010, 02x, 0xxx; in parentheses or not; after +86 without its 0) then a 7–8 digit local number.
const LANDLINE = /(?<![\d+])(?:(?:\+|00)86[\s-]?\(?[1-9]\d{1,2}\)?|\(0[1-9]\d{1,2}\)|0[1-9]\d{1,2})[\s-]?[2-9]\d{2,3}[\s-]?\d{4}(?!\d)/g;

/**
 * Replaces personal data in free text with placeholders, so the raw values are never stored.
 * Service numbers such as the 12345 hotline, dates and amounts are left alone.
 */
export function redactPersonalData(text: string): string {
  return text
    .replace(EMAIL, '[EMAIL]')
    .replace(ID_NUMBER, '[ID]')
    .replace(LABELLED_PASSPORT, (_match, label: string) => `${label}[PASSPORT]`)
    .replace(PASSPORT, '[PASSPORT]')
    .replace(MOBILE, '[PHONE]')
    .replace(LANDLINE, '[PHONE]');
}

/** A stable pseudonym: the same person keeps the same key across imports, and nobody can reverse it without the key. */
export function pseudonymise(key: string, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex').slice(0, 16);
}
