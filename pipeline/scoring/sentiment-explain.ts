/**
 * Why a text got its label, for comms staff who doubt one ("why is this polite question negative?")
 * and for the expert group checking the scorer: what each model made of it, the phrases that pulled
 * each way with their weights, and in one sentence how they became the label.
 */
import { isBlank, type ModelPass, NEUTRAL_BAND, scoreWithPasses, type SentimentOptions, type SentimentResult } from './sentiment.ts';
import { SENTIMENT_VERSION } from './sentiment-version.ts';

export interface SentimentExplanation {
  /** The scorer that gave the label (stored with every score). */
  model: string;
  neutral_band: number;
  /** How the label came about, in one sentence. */
  reason: string;
  /** One per model pass: one for most texts, one per language for mixed text, both models for emoji alone. */
  parts: ModelPass[];
}

/** scoreSentiment's result, and why. */
export function explainSentiment(text: string, options?: SentimentOptions): { result: SentimentResult; explain: SentimentExplanation } {
  const { result, passes } = scoreWithPasses(text, options);
  return { result, explain: { model: SENTIMENT_VERSION, neutral_band: NEUTRAL_BAND, reason: reasonFor(text, result, passes), parts: passes } };
}

const signed = (value: number) => (value > 0 ? `+${value.toFixed(3)}` : value.toFixed(3));

function reasonFor(text: string, result: SentimentResult, passes: readonly ModelPass[]): string {
  const band = `±${NEUTRAL_BAND}`;
  if (result.label === 'unscored') {
    if (isBlank(text)) return 'unscored: the text is empty';
    if (result.lang === 'und') return 'unscored: no letters, and no emoji or emoticon whose feeling is sure';
    return `unscored: written in ${result.lang}; only Chinese and English have a model, and no evidence is not neutral evidence`;
  }
  if (result.lang === 'und') return `${result.label}: emoji or emoticons alone; both models read them and their evidence is averaged to ${signed(result.score)} (neutral band ${band})`;
  if (passes.length > 1) return `${result.label}: Chinese and English, each part scored by its own model and their evidence added to ${signed(result.score)} (neutral band ${band})`;
  const pass = passes[0];
  if (!pass) return `${result.label}: score ${signed(result.score)}`;
  const product = `leaning ${signed(pass.leaning)} × opinion ${pass.opinion.toFixed(3)} = ${signed(result.score)}`;
  if (result.label !== 'neutral') return `${result.label}: ${product}, beyond the neutral band ${band}`;
  if (Math.abs(pass.leaning) >= NEUTRAL_BAND) return `neutral: it reads as a notice, schedule or question more than an opinion, so its ${product} stays within ${band}`;
  return `neutral: the evidence is weak, ${product}, within ${band}`;
}
