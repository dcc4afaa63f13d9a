/**
 * The statistical half of language detection: eld (Efficient Language Detector, n-grams of UTF-8
 * bytes over 60 languages; chosen over tinyld and franc-min by `npm run bench:language`), restricted
 * to the languages the caller finds plausible so that a short text cannot land on an exotic one.
 */
import { eld } from 'eld/small';

/** A statistical guess among `languages` (ISO 639-1; '' when the detector has no answer) and whether it is clear. */
export type StatisticalGuess = ((text: string, languages: readonly string[]) => { language: string; reliable: boolean }) & {
  /** True when the guess for `text` is known to be unclear without running it (a short text whose guess would be ignored). */
  surelyUnreliable?: (text: string) => boolean;
};

let subsetOf: readonly string[] | null = null;

export const eldGuess: StatisticalGuess = (text: string, languages: readonly string[]) => {
  // Setting the subset walks eld's language table: done again only when the caller's list changes.
  if (languages !== subsetOf) {
    eld.setLanguageSubset([...languages]);
    subsetOf = languages;
  }
  const result = eld.detect(text);
  return { language: result.language, reliable: result.isReliable() };
};

/**
 * eld calls no guess reliable from fewer than three byte n-grams, and a word of up to four letters
 * gives it one, of five to seven two (four-byte grams, stride three, plus the word's end). In an
 * ASCII text without apostrophes its words are exactly the runs of letters, so "pale", "exit ."
 * or "bad day" can be ruled out before eld normalises, encodes and scores them: one word in
 * twenty of the held-out English texts, which would otherwise cost more than scoring them.
 */
eldGuess.surelyUnreliable = (text: string): boolean => {
  let ngrams = 0;
  let run = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (c >= 0x80 || c === 0x27 || c === 0x60) return false;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      run += 1;
      continue;
    }
    if (run > 0) ngrams += run <= 4 ? 1 : run <= 7 ? 2 : 3;
    if (ngrams >= 3) return false;
    run = 0;
  }
  return true;
};
