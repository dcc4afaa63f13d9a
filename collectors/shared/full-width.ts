// Full-width forms (ＡＢＣ, １２３, ＠, （）, the ideographic space) are what Chinese input methods
// type in full-width mode. They map one to one onto ASCII, as NFKC maps them, but unlike NFKC in
// general (㎡ → m2, ① → 1, … → ...) this never changes the length, so an offset in the mapped text
// is the same offset in the text as written.
const FULL_WIDTH_FORMS = /[\uFF01-\uFF5E\u3000]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

// Full-width letters, digits or @, or a full-width bracket, plus, hyphen, point or space against a
// digit. Most Chinese text has full-width commas and colons, which never hide a number: such text
// is matched as written, without a mapped copy. One character class first, so the test scans fast.
const ALPHANUMERIC = '\\uFF10-\\uFF19\\uFF20-\\uFF3A\\uFF41-\\uFF5A';
const NUMBER_PUNCTUATION = '\\uFF08\\uFF09\\uFF0B\\uFF0D\\uFF0E\\u3000';
const HIDES_ASCII = new RegExp(`[${NUMBER_PUNCTUATION}${ALPHANUMERIC}](?:(?<=[${ALPHANUMERIC}])|(?<=\\d.)|(?=\\d))`);

/** Whether the text may read differently once full-width forms are mapped to ASCII. */
export function hidesAsciiInFullWidth(text: string): boolean {
  return HIDES_ASCII.test(text);
}

/** The text with full-width forms as their ASCII counterparts, character for character. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_FORMS, (char) => (char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET)));
}
