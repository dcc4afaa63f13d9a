import { createHmac } from 'node:crypto';

// Order matters: e-mail first (its local part may hold digits), then the 18-character ID number
// (it contains runs that look like phone numbers), passports, mobiles, and landlines last.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// Region (6) + birth date (8, plausible year/month/day) + sequence (3) + check digit or X; people
// often space the three parts apart to read them out.
const ID_NUMBER = /(?<![0-9A-Za-z])[1-9]\d{5}[\s-]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[\s-]?\d{3}[\dXx](?![0-9A-Za-z])/g;

// 外国人永久居留身份证 of the 2004 format: three-letter nationality code and twelve digits (the 2023
// format has eighteen digits and is an ID_NUMBER).
const PERMANENT_RESIDENCE_ID = /(?<![A-Za-z0-9])[A-Z]{3}\d{12}(?![A-Za-z0-9])/g;

// A code with digits right after the word passport / 护照 ("passport number is …", "护照号是 …") is
// a passport whatever its shape.
const LABELLED_PASSPORT = /((?:passport|护照)\s*(?:no\.?|number|#|号码?|编号)?\s*(?:is\s+|是)?[:：]?\s*)(?=[A-Za-z]*\d)[A-Za-z0-9]{5,12}(?![A-Za-z0-9])/gi;

// Unlabelled: one or two capital letters then 7–9 digits (E12345678, EA1234567, G1234567).
// Words, years and short codes (G20, Q3 2024, COVID19) never have seven digits after the letters.
const PASSPORT = /(?<![A-Za-z0-9])[A-Z]{1,2}\d{7,9}(?![A-Za-z0-9])/g;

// 1[3-9]xxxxxxxxx, optionally after +86 / 0086, digits optionally grouped 3-4-4 by spaces or dashes.
const MOBILE = /(?<![\d+])(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g;

// Area code (010, 02x, 0xxx; in parentheses or not; after +86 without its 0) then a 7–8 digit local number.
const LANDLINE = /(?<![\d+])(?:(?:\+|00)86[\s-]?\(?[1-9]\d{1,2}\)?|\(0[1-9]\d{1,2}\)|0[1-9]\d{1,2})[\s-]?[2-9]\d{2,3}[\s-]?\d{4}(?!\d)/g;

// Any other country's number in international form: + and a country code, then digit groups
// (+44 20 7946 0958, +1 (415) 555-0100, +33 1 23 45 67 89). Only 8–15 digits in all (E.164) make a
// phone number, so "+20%" or "+300 points" stay.
const INTERNATIONAL = /(?<![\w+])\+[1-9]\d{0,2}(?:[\s.-]?\(?\d{1,4}\)?){2,6}(?![\d])/g;
const E164_DIGITS = { min: 8, max: 15 };

// North American numbers as written without +1: (415) 555-0100, 415-555-0100, 415.555.0100. Spaces
// alone are not enough ("300 500 1000 yuan" is three amounts); 400-/800- numbers are companies'
// service lines (携程 800-820-6666), nobody's own.
const NORTH_AMERICAN = /(?<![\d+.-])(?![(]?[48]00[).-])(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[.-])[2-9]\d{2}[.-]\d{4}(?![\d-])/g;

/**
 * Replaces personal data in free text with placeholders, so the raw values are never stored.
 * Service numbers such as the 12345 hotline, dates and amounts are left alone.
 */
export function redactPersonalData(text: string): string {
  return text
    .replace(EMAIL, '[EMAIL]')
    .replace(ID_NUMBER, '[ID]')
    .replace(PERMANENT_RESIDENCE_ID, '[ID]')
    .replace(LABELLED_PASSPORT, (_match, label: string) => `${label}[PASSPORT]`)
    .replace(PASSPORT, '[PASSPORT]')
    // Foreign numbers before the mainland patterns, which would take the tail of +49 151 12345678
    // for a mobile; +86 ones are left to them, and redacted below if they are no known shape.
    .replace(INTERNATIONAL, (match) => (!match.startsWith('+86') && isE164Length(match) ? '[PHONE]' : match))
    .replace(MOBILE, '[PHONE]')
    .replace(LANDLINE, '[PHONE]')
    .replace(INTERNATIONAL, (match) => (isE164Length(match) ? '[PHONE]' : match))
    .replace(NORTH_AMERICAN, '[PHONE]');
}

function isE164Length(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return digits >= E164_DIGITS.min && digits <= E164_DIGITS.max;
}

/** A stable pseudonym: the same person keeps the same key across imports, and nobody can reverse it without the key. */
export function pseudonymise(key: string, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex').slice(0, 16);
}
