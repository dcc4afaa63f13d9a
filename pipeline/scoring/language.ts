/**
 * Language of a text, as an ISO 639-1 code ('und' when it has no letters or no answer). Scripts
 * that name their language settle it at once (Han without kana → zh, kana → ja, Hangul → ko, Thai
 * → th); clear English is recognised by its common words; everything else goes to a statistical
 * detector restricted to the languages plausible here, with a bias to English for short Latin text.
 */
import { type WordEvidence, wordEvidence } from './english-words.ts';
import { eldGuess, type StatisticalGuess } from './eld-guess.ts';
import { Script, countScripts, createScriptCounts, scriptOf } from './scripts.ts';

/** The languages of Jinan's international community: what a text may be detected as by default. */
export const DEFAULT_LANGUAGES: readonly string[] = Object.freeze(['zh', 'en', 'ja', 'ko', 'ru', 'fr', 'de', 'es', 'it', 'pt', 'ar', 'vi', 'th', 'ms', 'hi', 'ur', 'tr', 'nl', 'pl', 'uk', 'fa']);

export interface LanguageOptions {
  /** Plausible languages (ISO 639-1): no text is detected as any other. DEFAULT_LANGUAGES unless given. */
  languages?: readonly string[];
}

/** At most this many words make a short text, which English words keep English. */
const SHORT_WORDS = 5;
// What a script means when the statistical detector has no answer.
const scriptDefault: Partial<Record<Script, string>> = { [Script.Cyrillic]: 'ru', [Script.Arabic]: 'ar', [Script.Devanagari]: 'hi' };

// Shared by calls without options, so that the default costs no allocation per text.
const NO_OPTIONS: LanguageOptions = Object.freeze({});

// Reused between calls (detection is synchronous).
const scripts = createScriptCounts();

/** A detector over the given statistical guess; detectLanguage below uses eld. */
export function createLanguageDetector(guess: StatisticalGuess) {
  return function detect(text: string, options: LanguageOptions = NO_OPTIONS): string {
    const languages = options.languages ?? DEFAULT_LANGUAGES;
    // Word evidence first: most texts are ASCII, whose letters can only be Latin, and then the
    // count of letters per script has nothing to add.
    const evidence = wordEvidence(text);
    if (evidence.ascii) return evidence.letters ? latin(text, evidence, languages, guess) : 'und';
    const { counts, order, latinWords } = countScripts(text, scripts);
    const han = counts[Script.Han] ?? 0;
    const kana = counts[Script.Kana] ?? 0;
    // Japanese mixes kanji with kana; a Chinese text never has more than a stray kana.
    if (kana > 0 && kana * 5 >= han) return allowed('ja', languages);
    let top: Script = Script.None;
    let topCount = 0;
    let maxOther = 0;
    for (const script of order) {
      const count = counts[script] ?? 0;
      if (script === Script.Han || script === Script.Kana) continue;
      if (script !== Script.Latin) maxOther = Math.max(maxOther, count);
      if (count > topCount) {
        top = script;
        topCount = count;
      }
    }
    // Chinese and Latin words together: the language of most of the text, counting a Han character
    // (a syllable, most of a word) against a Latin word, so that Chinese with English words in it
    // ("我的 visa 还没下来，really frustrating") is Chinese and English naming a place (济南) English.
    if (han > 0 && han >= latinWords && han >= maxOther) return allowed('zh', languages);
    if (top === Script.None) return han > 0 ? allowed('zh', languages) : 'und';
    if (top === Script.Hangul) return allowed('ko', languages);
    if (top === Script.Thai) return allowed('th', languages);
    if (top !== Script.Latin) return allowed(guess(text, languages).language || (scriptDefault[top] ?? 'und'), languages);
    return latin(text, evidence, languages, guess);
  };
}

/**
 * Whether `text` has Han characters and no letter of any other script, nor an apostrophe (which
 * word evidence reads as part of a word): the texts detectLanguage calls 'zh' (when allowed) from
 * the script alone, found in one pass without weighing words or counting scripts. Most Chinese
 * texts are such, and they have no word for another language's model either.
 */
export function isHanOnly(text: string): boolean {
  let han = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      han = true;
      continue;
    }
    if (c === 0x27 || c === 0x2019) return false;
    const script = scriptOf(c);
    if (script === Script.Han) han = true;
    else if (script !== Script.None) return false;
  }
  return han;
}

const allowed = (lang: string, languages: readonly string[]) => (languages.includes(lang) ? lang : 'und');

/** A text written mostly in Latin letters: English by its words when they are plain enough, else the statistical guess. */
function latin(text: string, evidence: WordEvidence, languages: readonly string[], guess: StatisticalGuess): string {
  const english = languages.includes('en');
  if (english && evidence.english >= 2 && evidence.english >= 4 * evidence.foreign) return 'en';
  // A short text with no foreign function word: English, the community's working language, unless the detector is sure.
  const shortUnmarked = english && evidence.foreign === 0 && evidence.words <= SHORT_WORDS;
  if (shortUnmarked && evidence.english >= 1) return 'en';
  // The same answer as asking the detector, when it is known that its guess would not be sure.
  if (shortUnmarked && guess.surelyUnreliable?.(text) === true) return 'en';
  const { language, reliable } = guess(text, languages);
  if (shortUnmarked && !reliable) return 'en';
  return allowed(language || 'und', languages);
}

/** The language of `text` among the plausible ones (ISO 639-1, 'und' when undecidable). */
export const detectLanguage = createLanguageDetector(eldGuess);
