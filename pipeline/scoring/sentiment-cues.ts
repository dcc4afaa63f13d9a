/**
 * Words that change how the features around them are read. They are not sentiment weights: the
 * model learns those. Negators open a negation scope, degree adverbs scale the words after them,
 * contrast words make the clause after them weigh more, topic words and courtesy formulas
 * (sentiment-courtesy.ts) are skipped altogether.
 */
import { enCourtesyHeads, zhCourtesy, zhCourtesyBeforeBreak } from './sentiment-courtesy.ts';

/**
 * A courtesy cue on a token is a whole formula. In enCues it marks a word that may open one: the
 * tokenizer keeps it only when the formula follows. `beforeBreak`: a formula only where no Han
 * character follows it (打扰了).
 */
export type Cue = { kind: 'negator' } | { kind: 'degree'; factor: number } | { kind: 'contrast' } | { kind: 'topic' } | { kind: 'courtesy'; beforeBreak: boolean };

const negator: Cue = { kind: 'negator' };
const contrast: Cue = { kind: 'contrast' };
const topic: Cue = { kind: 'topic' };
const courtesy: Cue = { kind: 'courtesy', beforeBreak: false };
const courtesyBeforeBreak: Cue = { kind: 'courtesy', beforeBreak: true };
const degree = (factor: number): Cue => ({ kind: 'degree', factor });

const strong = degree(1.5);
const weak = degree(0.6);

/** Chinese cues; the longest match wins, so 没有 is one negator and 不过 is contrast, not 不. */
export const zhCues: ReadonlyMap<string, Cue> = new Map<string, Cue>([
  ...['不', '没', '没有', '别', '未', '无', '莫', '勿', '非', '毫无', '从未', '从来没', '并非', '甭'].map((w) => [w, negator] as const),
  ...['很', '非常', '太', '特别', '十分', '极', '极其', '超', '超级', '相当', '真', '真是', '实在', '巨', '最', '好不', '格外', '尤其'].map((w) => [w, strong] as const),
  ...['有点', '有点儿', '有些', '稍微', '稍', '略', '略微', '比较', '还算', '一点'].map((w) => [w, weak] as const),
  ...['但是', '但', '可是', '不过', '然而', '只是', '可惜', '却'].map((w) => [w, contrast] as const),
  // The community's own vocabulary: what a post is about, never how it feels about it.
  ...['签证', '居留许可', '居留', '人才卡', '12345', '国际学校', '工作许可', '护照', '出入境', '社区', '热线', '窗口', '济南', '人才', '国际',
    '外籍', '外国人', '公安局', '派出所', '政务', '服务中心', '招聘会', '医保', '社保', '驾照', '签注', '审批'].map((w) => [w, topic] as const),
  ...zhCourtesy.map((w) => [w, courtesy] as const),
  ...zhCourtesyBeforeBreak.map((w) => [w, courtesyBeforeBreak] as const),
]);

/** English cues, matched on lower-cased words; any word ending in n't is a negator too. */
export const enCues: ReadonlyMap<string, Cue> = new Map<string, Cue>([
  ...['not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'cannot', 'without', 'hardly', 'barely', 'nowhere', "n't"].map((w) => [w, negator] as const),
  ...['very', 'really', 'so', 'too', 'extremely', 'totally', 'absolutely', 'incredibly', 'super', 'completely', 'utterly', 'most', 'highly'].map((w) => [w, strong] as const),
  ...['slightly', 'somewhat', 'bit', 'little', 'fairly', 'rather', 'pretty', 'kinda', 'quite'].map((w) => [w, weak] as const),
  ...['but', 'however', 'yet', 'though', 'although', 'unfortunately'].map((w) => [w, contrast] as const),
  ...['visa', 'visas', 'permit', 'permits', 'residence', 'hotline', '12345', 'passport', 'passports', 'jinan', 'talent', 'school', 'schools',
    'community', 'immigration', 'bureau', 'office', 'centre', 'center', 'embassy', 'consulate'].map((w) => [w, topic] as const),
  ...enCourtesyHeads.map((w) => [w, courtesy] as const),
]);

/** A few emoji and emoticons whose feeling is not in doubt; the training sets have too few to learn them. */
export const positiveEmoji: ReadonlySet<string> = new Set(['😀', '😃', '😄', '😁', '😊', '🙂', '😍', '🥰', '😘', '👍', '👏', '❤', '💕', '🎉', '🌹', '💯', ':)', ':-)', ':d', ';)', '<3']);
export const negativeEmoji: ReadonlySet<string> = new Set(['😠', '😡', '🤬', '👎', '😢', '😭', '😞', '😔', '😤', '💔', '🙄', '😒', '😩', '😫', '🤮', '😓', ':(', ':-(', ":'("]);
