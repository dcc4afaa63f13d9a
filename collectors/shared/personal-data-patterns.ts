/** A kind of personal data: where it is in the text, and what stands in its place. */
export interface PersonalDataRule {
  /** A group named `label` ("passport no. ") is context, kept as written before the placeholder. */
  pattern: RegExp;
  placeholder: string;
  /** A character every match holds: text without it is not searched (a cheap test, for costly patterns). */
  marker?: string;
  /** Looks at a match before it is replaced; a match it refuses stays as written. */
  accept?: (match: string) => boolean;
}

// The local part never starts with a dot: a sentence's full stop before an address stays.
const EMAIL = /[A-Za-z0-9_%+-][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// Region (6) + birth date (8, plausible year/month/day) + sequence (3) + check digit or X; people
// often space the three parts apart to read them out.
const ID_NUMBER = /(?<![0-9A-Za-z])[1-9]\d{5}[\s-]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[\s-]?\d{3}[\dXx](?![0-9A-Za-z])/g;

// 外国人永久居留身份证 of the 2004 format: three-letter nationality code and twelve digits (the 2023
// format has eighteen digits and is an ID_NUMBER).
const PERMANENT_RESIDENCE_ID = /(?<![A-Za-z0-9])[A-Z]{3}\d{12}(?![A-Za-z0-9])/g;

// Bank cards: 16–19 digits. Labelled ones (卡号, 银行卡, card number …) are cards whatever their
// digits, since people mistype and the label says what it is. Unlabelled ones must start like a
// card (Mastercard 22–27 and 5, JCB 35, Visa 4, UnionPay 62 and 81, Discover 6) and either be
// written in fours as cards are printed, or, written in one run, pass the Luhn check every card
// network uses: a label alone would miss the bare numbers residents paste, and runs of digits are
// where ordinary ids live (ticket and order numbers, timestamps), nine in ten of which fail Luhn.
// Date-led ids (2024…) never start like a card; numbers in URLs and decimals are left.
const LABELLED_CARD = /(?<label>(?:卡号|银行卡|信用卡|储蓄卡|借记卡|\bcard)\s*(?:no\.?|number|#|号码?)?\s*(?:is\s+|是|为)?[:：]?\s*)\d(?:[ -]?\d){15,18}(?![ -]?\d)/gi;
// Four groups of four and up to three more digits, one separator throughout (none: a run).
const CARD = /(?<![\w/=+-]|\d[.,])[2-68]\d{3}([ -]?)\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?(?!\w|[.,-]\d)/g;
const CARD_START = /^(?:2[2-7]|35|[456]|81)/;

// A code with digits right after the word passport / 护照 ("passport number is …", "护照号是 …") is
// a passport whatever its shape, also read out in groups ("E 1234 5678").
const LABELLED_PASSPORT = /(?<label>(?:passport|护照)\s*(?:no\.?|number|#|号码?|编号)?\s*(?:is\s+|是)?[:：]?\s*)(?:(?:[A-Za-z]{1,2} ?)?\d{1,5}(?: \d{2,5}){1,2}|(?=[A-Za-z]*\d)[A-Za-z0-9]{5,12})(?![A-Za-z0-9])/gi;

// Unlabelled: one or two capital letters then 7–9 digits (E12345678, EA1234567, G1234567).
// Words, years and short codes (G20, Q3 2024, COVID19) never have seven digits after the letters.
const PASSPORT = /(?<![A-Za-z0-9])[A-Z]{1,2}\d{7,9}(?![A-Za-z0-9])/g;

// 1[3-9]xxxxxxxxx, optionally after +86 / 0086, digits optionally grouped 3-4-4 by spaces or dashes.
const MOBILE = /(?<![\d+])(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g;

// Area code (010, 02x, 0xxx; in parentheses or not; after +86 without its 0) then a 7–8 digit local number.
const LANDLINE = /(?<![\d+])(?:(?:\+|00)86[\s-]?\(?[1-9]\d{1,2}\)?|\(0[1-9]\d{1,2}\)|0[1-9]\d{1,2})[\s-]?[2-9]\d{2,3}[\s-]?\d{4}(?!\d)/g;

// Any other country's number in international form: + or 00 and a country code, then digit groups
// (+44 20 7946 0958, 0044 20 7946 0958, +1 (415) 555-0100). Only 8–15 digits after the prefix
// (E.164) make a phone number, so "+20%" or "+300 points" stay; a 00 after a point or comma is a
// decimal's.
const INTERNATIONAL = /(?:(?<![\w+])\+|(?<![\w+]|\d[.,])00)[1-9]\d{0,2}(?:[\s.-]?\(?\d{1,4}\)?){2,6}(?!\d)/g;
const E164_DIGITS = { min: 8, max: 15 };

// North American numbers as written without +1: (415) 555-0100, 415-555-0100, 415.555.0100. Spaces
// alone are not enough ("300 500 1000 yuan" is three amounts); 400-/800- numbers are companies'
// service lines (携程 800-820-6666), nobody's own.
const NORTH_AMERICAN = /(?<![\d+.-])(?![(]?[48]00[).-])(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[.-])[2-9]\d{2}[.-]\d{4}(?![\d-])/g;

/**
 * In order: e-mail first (its local part may hold digits), then the 18-character ID number (it
 * contains runs that look like phone numbers), cards (their groups look like landlines), passports,
 * foreign numbers before the mainland patterns (which would take the tail of +49 151 12345678 for a
 * mobile; +86 ones are left to them, and taken by the second pass if they are no known shape),
 * landlines last.
 */
export const PERSONAL_DATA_RULES: readonly PersonalDataRule[] = [
  { pattern: EMAIL, placeholder: '[EMAIL]', marker: '@' },
  { pattern: ID_NUMBER, placeholder: '[ID]' },
  { pattern: PERMANENT_RESIDENCE_ID, placeholder: '[ID]' },
  { pattern: LABELLED_CARD, placeholder: '[CARD]' },
  { pattern: CARD, placeholder: '[CARD]', accept: isCardNumber },
  { pattern: LABELLED_PASSPORT, placeholder: '[PASSPORT]' },
  { pattern: PASSPORT, placeholder: '[PASSPORT]' },
  { pattern: INTERNATIONAL, placeholder: '[PHONE]', accept: (match) => !/^(?:\+|00)86/.test(match) && isE164Length(match) },
  { pattern: MOBILE, placeholder: '[PHONE]' },
  { pattern: LANDLINE, placeholder: '[PHONE]' },
  { pattern: INTERNATIONAL, placeholder: '[PHONE]', accept: isE164Length },
  { pattern: NORTH_AMERICAN, placeholder: '[PHONE]' },
];

function isCardNumber(match: string): boolean {
  return CARD_START.test(match) && (/[ -]/.test(match) || passesLuhn(match));
}

function isE164Length(text: string): boolean {
  const digits = text.replace(/\D/g, '').length - (text.startsWith('00') ? 2 : 0);
  return digits >= E164_DIGITS.min && digits <= E164_DIGITS.max;
}

/** The check digit of card numbers: doubling every second digit from the right, the sum ends in 0. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    const digit = digits.charCodeAt(i) - 48;
    sum += double ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
  }
  return sum % 10 === 0;
}
