/**
 * Splitting text into the units the lexicon is matched over: characters for Chinese (no word
 * splitting, the lexicon's longest match does that), words and punctuation for English.
 */

/** Marks that end a sentence: contrast and '!' intensity reach no further. */
export const sentenceEnds: ReadonlySet<string> = new Set(['。', '！', '？', '!', '?', '.', '\n', '；', ';', '…']);
/** Marks that end a clause: a pending negation or degree adverb does not cross them. */
export const clauseBreaks: ReadonlySet<string> = new Set(['，', ',', '、', '：', ':', '(', ')', '（', '）', '"', '“', '”']);
export const exclamations: ReadonlySet<string> = new Set(['!', '！']);

export function isSpace(unit: string): boolean {
  return unit === ' ' || unit === '\t' || unit === '\r' || unit === '\u3000' || unit === '\u00a0';
}

/** Chinese: one unit per character, lower-cased so embedded Latin words match too. */
export function chineseUnits(text: string): string[] {
  return Array.from(text.toLowerCase());
}

function isWordChar(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0xc0 && code <= 0x24f);
}

/** English: lower-case words (keeping inner apostrophes, so "don't" stays one word) and punctuation marks. */
export function englishUnits(text: string): string[] {
  const units: string[] = [];
  let word = '';
  for (const raw of text.toLowerCase()) {
    const char = raw === '’' || raw === '‘' ? "'" : raw;
    if (isWordChar(char) || (char === "'" && word !== '')) {
      word += char;
      continue;
    }
    if (word !== '') units.push(trimApostrophes(word));
    word = '';
    if (sentenceEnds.has(char) || clauseBreaks.has(char)) units.push(char);
  }
  if (word !== '') units.push(trimApostrophes(word));
  return units;
}

function trimApostrophes(word: string): string {
  let end = word.length;
  while (end > 0 && word[end - 1] === "'") end -= 1;
  return word.slice(0, end);
}
