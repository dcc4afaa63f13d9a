/**
 * The statistical half of language detection: eld (Efficient Language Detector, n-grams of UTF-8
 * bytes over 60 languages; chosen over tinyld and franc-min by `npm run bench:language`), restricted
 * to the languages the caller finds plausible so that a short text cannot land on an exotic one.
 */
import { eld } from 'eld/small';

/** A statistical guess among `languages` (ISO 639-1; '' when the detector has no answer) and whether it is clear. */
export type StatisticalGuess = (text: string, languages: readonly string[]) => { language: string; reliable: boolean };

let subsetOf: readonly string[] | null = null;

export const eldGuess: StatisticalGuess = (text, languages) => {
  // Setting the subset walks eld's language table: done again only when the caller's list changes.
  if (languages !== subsetOf) {
    eld.setLanguageSubset([...languages]);
    subsetOf = languages;
  }
  const result = eld.detect(text);
  return { language: result.language, reliable: result.isReliable() };
};
