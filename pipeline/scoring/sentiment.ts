/**
 * Sentiment of a mention or ticket: a logistic-regression model per language (Chinese, English)
 * over hashed n-gram features with negation, degree and contrast, trained by
 * `npm run train:sentiment` and shipped as compact weights in ./model, scaled by how likely the
 * text is an opinion at all (a second model, objective-*.json). Weak evidence is neutral.
 */
import { DEFAULT_LANGUAGES, detectLanguage, isHanOnly } from './language.ts';
import enObjectiveFile from './model/objective-en.json' with { type: 'json' };
import zhObjectiveFile from './model/objective-zh.json' with { type: 'json' };
import { scoreMixedText } from './mixed-text.ts';
import { isMarksOnly, scoreMarks } from './sentiment-marks.ts';
import enModelFile from './model/sentiment-en.json' with { type: 'json' };
import zhModelFile from './model/sentiment-zh.json' with { type: 'json' };
import { createFeatures, extractFeatures } from './sentiment-features.ts';
import { PairedModel, type SentimentModel, type SentimentModelFile } from './sentiment-model.ts';
import { explainTerms } from './sentiment-terms.ts';

export { SENTIMENT_VERSION } from './sentiment-version.ts';

export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'unscored';

export interface SentimentOptions {
  /** 'auto' (default) detects the language; 'zh' or 'en' forces a model. */
  lang?: 'auto' | 'zh' | 'en';
  /** With 'auto': the languages a text may be detected as (ISO 639-1); DEFAULT_LANGUAGES of ./language.ts unless given. */
  languages?: readonly string[];
}

export interface SentimentResult {
  label: SentimentLabel;
  /** In [-1, 1]; 0 when unscored. */
  score: number;
  /**
   * The language scored ('zh', 'en'; the main one of mixed Chinese-English text), or the detected one when it has no
   * model; 'und' for text with no letters (empty, numbers; scored when it has an emoji of sure feeling, such as 😡 or 👍).
   */
  lang: string;
  /** The words and phrases that drove the score, strongest first, with their negation ("不满意", "not helpful"). */
  terms: string[];
}

/** Below this |score| the evidence is too weak to call a text positive or negative. */
export const NEUTRAL_BAND = 0.15;

/**
 * The characters of a text that are scored: a longer one (a whole page pasted into a post, a runaway
 * line on stdin) is scored by its beginning, where its opinion is stated, in memory that does not
 * grow with it — scoring takes about 200 bytes per character, so a 24-million-character line took 1.6 GB.
 */
export const SCORED_CHARACTERS = 100_000;

// Each language's sentiment model with its objectivity model: the log-odds that a text states
// facts rather than feelings (notices, schedules, questions), read in the same pass.
const models: Readonly<Record<'zh' | 'en', PairedModel>> = {
  zh: new PairedModel(zhModelFile as SentimentModelFile, zhObjectiveFile as SentimentModelFile),
  en: new PairedModel(enModelFile as SentimentModelFile, enObjectiveFile as SentimentModelFile),
};

// Each model's tuned neutral margin maps onto the same score band, so NEUTRAL_BAND holds for both.
const stretch = (model: SentimentModel) => Math.atanh(NEUTRAL_BAND) / (model.neutralMargin || 0.1);

// Shared by calls without options, so that the default costs no allocation per text.
const NO_OPTIONS: SentimentOptions = Object.freeze({});

// Reused between calls: scoring is synchronous, so one buffer serves every call.
const features = createFeatures();
let contributions = new Float64Array(1024);

/**
 * Sentiment of a Chinese or English text, or of emoji alone. Other languages, and empty text, come
 * back 'unscored' with score 0: no evidence is not the same as neutral evidence.
 */
export function scoreSentiment(whole: string, options: SentimentOptions = NO_OPTIONS): SentimentResult {
  const text = whole.length > SCORED_CHARACTERS ? scoredPart(whole) : whole;
  if (isBlank(text)) return { label: 'unscored', score: 0, lang: 'und', terms: [] };
  const auto = options.lang === undefined || options.lang === 'auto';
  // Han alone (most Chinese texts): Chinese without detection, and no English part to score.
  const hanOnly = auto && isHanOnly(text);
  const lang = hanOnly ? ((options.languages ?? DEFAULT_LANGUAGES).includes('zh') ? 'zh' : 'und') : auto ? detectLanguage(text, options) : (options.lang ?? 'und');
  if (lang !== 'zh' && lang !== 'en') {
    // No letters, but 😡😡 or 👍: the marks say how the writer feels, in any language.
    if (lang === 'und' && auto && isMarksOnly(text)) return scoreMarks(text, scoreForced, NEUTRAL_BAND);
    return { label: 'unscored', score: 0, lang, terms: [] };
  }
  // Mixed Chinese-English text: each part by its own model (a forced language is one model only).
  const mixed = auto && !hanOnly ? scoreMixedText(text, lang, options, scoreForced, NEUTRAL_BAND) : null;
  if (mixed) return mixed;
  const model = models[lang];
  extractFeatures(text, lang, features);
  if (contributions.length < features.count) contributions = new Float64Array(features.count * 2);
  const margin = model.margins(features, contributions);
  // Sentiment counts as far as the text is opinion: a notice's leaning toward positive fades out.
  const opinion = 1 / (1 + Math.exp(model.objectiveMargin));
  const score = Math.round(Math.tanh(margin * stretch(model.sentiment)) * opinion * 10_000) / 10_000;
  const label: SentimentLabel = Math.abs(score) < NEUTRAL_BAND ? 'neutral' : score > 0 ? 'positive' : 'negative';
  if (modelPasses) modelPasses.push(modelPass(text, lang, margin * stretch(model.sentiment), opinion));
  return { label, score, lang, terms: label === 'neutral' ? [] : explainTerms(text, features, contributions, score > 0 ? 1 : -1) };
}

/** A weighed phrase: its summed contribution to the model's margin (log-odds, before calibration). */
export interface WeighedTerm {
  term: string;
  weight: number;
}

/** What one model made of a text (or of its part in one language). */
export interface ModelPass {
  lang: 'zh' | 'en';
  /** The model's leaning, in [-1, 1], before it is scaled by `opinion`. */
  leaning: number;
  /** The chance that the text states an opinion rather than facts (a notice, a schedule, a question). */
  opinion: number;
  /** The phrases that pushed towards positive and towards negative, strongest first. */
  positive: WeighedTerm[];
  negative: WeighedTerm[];
}

// Set while explainSentiment runs (scoring is synchronous): every model pass is recorded here.
let modelPasses: ModelPass[] | null = null;

function modelPass(text: string, lang: 'zh' | 'en', calibrated: number, opinion: number): ModelPass {
  const side = (sign: 1 | -1): WeighedTerm[] => {
    const weights: number[] = [];
    const terms = explainTerms(text, features, contributions, sign, weights);
    return terms.map((term, i) => ({ term, weight: Math.round((weights[i] ?? 0) * 1000) / 1000 }));
  };
  return { lang, leaning: Math.round(Math.tanh(calibrated) * 10_000) / 10_000, opinion: Math.round(opinion * 10_000) / 10_000, positive: side(1), negative: side(-1) };
}

/** scoreSentiment with what each model made of the text: see explainSentiment. */
export function scoreWithPasses(text: string, options: SentimentOptions = NO_OPTIONS): { result: SentimentResult; passes: ModelPass[] } {
  const passes: ModelPass[] = [];
  modelPasses = passes;
  try {
    return { result: scoreSentiment(text, options), passes };
  } finally {
    modelPasses = null;
  }
}

/** The first SCORED_CHARACTERS of a text, not splitting a character outside the BMP (an emoji) in two. */
function scoredPart(text: string): string {
  const end = SCORED_CHARACTERS;
  const last = text.charCodeAt(end - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/** What String.prototype.trim removes: white space and line terminators. */
const isTrimmedSpace = (c: number) =>
  c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);

/** Whether `text` is empty or white space alone, as `text.trim() === ''` says, without trim's call into the runtime. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (!isTrimmedSpace(text.charCodeAt(i))) return false;
  return true;
}

const scoreForced = (view: string, lang: 'zh' | 'en') => scoreSentiment(view, { lang });
