/**
 * Mixed Chinese-English text ("签证 office 的服务 really bad，等了三个月"), common in this community:
 * each language's part is scored by its own model and the two are combined, so that an opinion in
 * the second language is not lost. Each part is read in a view of the whole text in which the
 * other language's letters are blanked: offsets stay those of the text, so terms read as written.
 */
import { wordEvidence } from './english-words.ts';
import { detectLanguage, type LanguageOptions } from './language.ts';
import { withoutCourtesy } from './sentiment-courtesy.ts';
import type { SentimentResult } from './sentiment.ts';

/** Scores one view with one model (scoreSentiment with a forced language). */
export type ScoreAs = (view: string, lang: 'zh' | 'en') => SentimentResult;

const MAX_TERMS = 10;
/** A part's terms are shown when its evidence is at least this share of the strongest part's. */
const PART_FLOOR = 0.3;
// Scores are rounded to four places, so ±1 can come back: kept finite for atanh.
const LIMIT = 0.9999;

// At least two Han characters (as scriptOf counts them): one alone is a name or a stray (济南, 好).
// A regular expression, not a loop: every English text passes through here, and on a string of
// Latin-1 code units V8 rules this one out without reading it.
const twoHan = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]*[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const hasChinese = (text: string) => twoHan.test(text);

/**
 * English enough to score: 'yes' when plainly English, 'maybe' (ask the detector) for two Latin
 * words or one common English word, 'no' for less: a product name alone (iPhone) carries no opinion.
 */
function englishPart(text: string): 'yes' | 'maybe' | 'no' {
  const evidence = wordEvidence(text);
  if (evidence.english >= 2 && evidence.english >= 4 * evidence.foreign) return 'yes';
  return evidence.words >= 2 || evidence.english >= 1 ? 'maybe' : 'no';
}

/** How much of `other` the text holds: enough to score, maybe (ask the detector), or none. */
const partOf = (text: string, other: 'zh' | 'en') => (other === 'en' ? englishPart(text) : hasChinese(text) ? 'maybe' : 'no');

const hanRun = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const latinRun = /[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)*/g;
// A blanked run is a clause break in both models (in Chinese every space is one; in English a
// comma is), so no n-gram joins the words on either side of it ("staff at 服务中心 were" → "at were").
const blank = (run: string) => ','.padEnd(run.length, ' ');

/**
 * The sentiment of `text` (detected as `main`, zh or en) scored in both languages when it holds
 * enough of the other; null when it does not, and the caller scores it in its main language.
 */
export function scoreMixedText(text: string, main: 'zh' | 'en', options: LanguageOptions, scoreAs: ScoreAs, neutralBand: number): SentimentResult | null {
  const other = main === 'zh' ? 'en' : 'zh';
  // A part that is a courtesy formula alone ("Sorry to bother you, 请问…") says nothing: its words
  // carry no features, and its view would be left with the other part's marks (？) to score.
  const enough = partOf(text, other) === 'no' ? 'no' : partOf(withoutCourtesy(text, other), other);
  if (enough === 'no') return null;
  const otherView = text.replace(main === 'zh' ? hanRun : latinRun, blank);
  // Latin words in a Chinese text may be French or German: only English has a model here.
  if (enough === 'maybe' && detectLanguage(otherView, options) !== other) return null;
  const mainView = text.replace(other === 'zh' ? hanRun : latinRun, blank);
  const parts = [scoreAs(mainView, main), scoreAs(otherView, other)];
  return combine(parts, main, neutralBand);
}

/**
 * Adds the parts' evidence as log-odds (each model's score is tanh of its calibrated margin): a
 * neutral part adds nearly nothing, two opinions of one sign strengthen each other, and of two
 * opposite ones the stronger wins. Terms come from the opinionated parts, strongest part first.
 */
function combine(parts: SentimentResult[], main: 'zh' | 'en', neutralBand: number): SentimentResult {
  const evidence = parts.map((p) => Math.atanh(Math.max(-LIMIT, Math.min(LIMIT, p.label === 'unscored' ? 0 : p.score))));
  const score = Math.round(Math.tanh(evidence.reduce((a, b) => a + b, 0)) * 10_000) / 10_000;
  const label = Math.abs(score) < neutralBand ? 'neutral' : score > 0 ? 'positive' : 'negative';
  if (label === 'neutral') return { label, score, lang: main, terms: [] };
  const order = parts.map((_, i) => i).sort((a, b) => Math.abs(evidence[b] ?? 0) - Math.abs(evidence[a] ?? 0));
  const strongest = Math.abs(evidence[order[0] ?? 0] ?? 0);
  const terms: string[] = [];
  for (const i of order) {
    // A part that leans the other way, or much more weakly, did not drive the result.
    if (Math.sign(evidence[i] ?? 0) !== Math.sign(score) || Math.abs(evidence[i] ?? 0) < PART_FLOOR * strongest) continue;
    for (const term of parts[i]?.terms ?? []) if (terms.length < MAX_TERMS && !terms.includes(term)) terms.push(term);
  }
  return { label, score, lang: main, terms };
}
