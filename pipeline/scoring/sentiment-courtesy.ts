/**
 * Courtesy formulas: the polite openings residents write to the hotline and the forums (不好意思,
 * 麻烦您, 请问, 打扰一下; "sorry to bother you", "excuse me"). Read character by character or word
 * by word they look like complaints (不 negates 好, 麻烦 is a hassle, "sorry" is regret), so the
 * tokenizer reads each formula as one token that, like a topic word, carries no sentiment. Only
 * a whole formula is read so: 太麻烦了, 手续很麻烦, 服务不好 and "sorry, but nobody answered" keep their words.
 */

/** Chinese formulas, matched where they stand (the longest cue at a character wins, so 不好意思 is not 不 + 好意思). */
export const zhCourtesy: readonly string[] = [
  '不好意思', '请问', '劳驾', '打扰一下', '打扰您', '打扰你', '抱歉打扰', '冒昧打扰',
  '麻烦您', '麻烦你', '麻烦你们', '麻烦问一下', '麻烦问下', '麻烦帮我', '麻烦帮忙', '麻烦一下',
  '给您添麻烦', '给你添麻烦', '给你们添麻烦',
];

/**
 * Formulas that are courtesy only where a clause ends after them: 打扰了，请问… is one, but in
 * 噪音打扰了居民休息 the noise disturbs the residents, a complaint.
 */
export const zhCourtesyBeforeBreak: readonly string[] = ['打扰了'];

/**
 * English words that may open a formula. The tokenizer reads the formula from such a word (see
 * enCourtesyLength); where none follows, the word stays a plain word: "sorry to say", "sorry, but
 * this is the third time", "excuse" alone.
 */
export const enCourtesyHeads: readonly string[] = ['sorry', 'excuse', 'pardon', 'apologies', 'apologise', 'apologize'];

// From a head word. "sorry, but" only before a request (could you, can I, please): "sorry, but
// this is the third time nobody answered" is a complaint that "but" leads into.
const enFormulas = [
  '(?:excuse|pardon)\\s+me',
  'sorry\\s+(?:to\\s+(?:bother|trouble|disturb|interrupt)(?:\\s+you)?|for\\s+(?:bothering|troubling|disturbing|interrupting)(?:\\s+you)?|for\\s+(?:the|any)\\s+(?:trouble|inconvenience|bother))(?:\\s+again)?',
  'sorry,?\\s+but(?=\\s+(?:could|can|would|will|may|might|please)\\b)',
  'apolog(?:ies|ise|ize)\\s+for\\s+(?:the|any)\\s+(?:trouble|inconvenience|bother)',
].map((formula) => `(?:${formula})\\b`).join('|');
const enFormula = new RegExp(enFormulas, 'iy');

/** Length of the English courtesy formula starting at text[start] (a head word), else 0. */
export function enCourtesyLength(text: string, start: number): number {
  enFormula.lastIndex = start;
  return enFormula.exec(text)?.[0].length ?? 0;
}

// Anywhere in a text, as the tokenizer finds them: the longest Chinese formula first.
const han = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const zhFormulaAnywhere = new RegExp(`${[...zhCourtesy].sort((a, b) => b.length - a.length).join('|')}|(?:${zhCourtesyBeforeBreak.join('|')})(?![${han}])`, 'g');
const enFormulaAnywhere = new RegExp(`(?<![A-Za-z'])(?:${enFormulas})`, 'gi');

/**
 * `text` with the courtesy formulas of `lang` blanked, one space per code unit: what is left for
 * that language's model to read. Mixed text asks it whether a part holds more than a formula.
 */
export function withoutCourtesy(text: string, lang: 'zh' | 'en'): string {
  return text.replace(lang === 'zh' ? zhFormulaAnywhere : enFormulaAnywhere, (formula) => ' '.repeat(formula.length));
}
