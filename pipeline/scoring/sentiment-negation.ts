/**
 * What a negation negates. A negator's own unigram learned that negation is mostly bad news
 * ("not" weighed −1.3, 不 likewise), so "not bad at all", "I don't hate it" and 没有不满意 read as
 * complaints: the few texts that negate a word of ill feeling could not outweigh it. So the word
 * a negator governs is looked up in two short lists of words whose feeling a negation turns
 * (their class only: the model learns what a turned class weighs, from every "not bad", 不错,
 * 没问题 and "not helpful" of the training sets at once), and a negator that negates another
 * negator (没有不满意, 不是不好) negates a negative.
 */
import { TokenKind, foldCode, hashSpan, type Tokens } from './sentiment-tokens.ts';

/** How many tokens after a negator its word may be: "not at all helpful", 不是很满意. */
const HEAD_REACH = 4;

const enNegative = [
  'bad', 'worse', 'terrible', 'awful', 'horrible', 'hate', 'hated', 'disappointed', 'disappointing', 'disappoint', 'complaint', 'complaints',
  'complain', 'problem', 'problems', 'issue', 'issues', 'trouble', 'hassle', 'wrong', 'boring', 'dull', 'fail', 'failed', 'regret', 'worry',
  'worried', 'rude', 'slow', 'difficult', 'poor', 'annoying', 'mess', 'waste', 'unhappy', 'mind', 'late', 'delay', 'delayed', 'confusing',
  'complicated', 'stressful', 'expensive', 'pain', 'broken', 'ugly', 'stupid', 'sad', 'dislike', 'painful', 'disaster',
];
const enPositive = [
  'good', 'great', 'nice', 'happy', 'helpful', 'satisfied', 'pleased', 'recommend', 'like', 'love', 'liked', 'loved', 'easy', 'friendly',
  'useful', 'worth', 'fun', 'funny', 'clear', 'fast', 'quick', 'better', 'best', 'impressed', 'impressive', 'enjoy', 'enjoyed', 'excellent',
  'amazing', 'wonderful', 'perfect', 'polite', 'professional', 'efficient', 'convenient', 'smooth', 'interesting', 'work', 'works', 'worked',
  'working', 'help', 'helped', 'answer', 'answers', 'answered', 'reply', 'replied', 'respond', 'responded', 'care', 'cared', 'arrived',
  'fixed', 'solved', 'resolved', 'welcome', 'patient', 'kind', 'reliable', 'simple', 'well',
  // What a service owes: "nobody told us", "no one called back" are complaints.
  'told', 'tell', 'informed', 'notified', 'called', 'call', 'contacted', 'explained', 'came', 'showed',
];
// Words between a negator and what it negates: "not at all helpful", "isn't a problem", "no one answered".
const enBetween = ['a', 'an', 'the', 'be', 'been', 'being', 'at', 'all', 'even', 'ever', 'that', 'any', 'one', 'single', 'as', 'much', 'to', 'feel', 'seem', 'look', 'get', 'got', 'have', 'had'];

const zhNegative = [
  '差', '错', '难吃', '难用', '难', '贵', '坏', '烂', '慢', '麻烦', '失望', '后悔', '担心', '问题', '毛病', '投诉', '抱怨', '讨厌', '糟', '恶心', '难受',
  '难看', '坑', '脏', '乱', '吵', '油腻', '咸', '累', '耽误', '拖', '生气', '着急', '复杂', '繁琐', '腻',
];
const zhPositive = [
  '好', '满意', '喜欢', '方便', '行', '值', '推荐', '舒服', '快', '及时', '清楚', '专业', '热情', '耐心', '负责', '靠谱', '理想', '理', '解决',
  '新鲜', '干净', '划算', '灵', '给力', '到位', '怎么样', '咋样', '合适', '实用', '友好', '礼貌', '接', '回复', '答复', '回', '管', '处理', '办', '成',
  '顺利', '高兴', '开心', '愉快', '放心', '准', '清晰', '简单', '容易', '便宜', '香', '用心', '认真', '周到', '优秀',
  // What a service owes: 也没人通知, 没有告诉我们.
  '通知', '告诉', '联系', '说明',
];
// Between a negator and what it negates: 不是很满意, 不太方便, 没人接, 不用担心, 不够好.
const zhBetween = ['是', '算', '会', '够', '那么', '怎么', '人', '用', '觉得', '能', '再', '任何', '什么'];

// English words by the hash the tokenizer gives them (of their folded letters), checked letter by letter.
const enWords = new Map<number, { word: string; sign: number }[]>();
for (const [words, sign] of [[enNegative, -1], [enPositive, 1], [enBetween, 0]] as const) {
  for (const word of words) {
    const h = hashSpan(word, 0, word.length);
    enWords.set(h, [...(enWords.get(h) ?? []), { word, sign }]);
  }
}

// Chinese words by their first character, longest first: 难吃 before 难.
const zhWords = new Map<number, { word: string; sign: number }[]>();
for (const [words, sign] of [[zhNegative, -1], [zhPositive, 1], [zhBetween, 0]] as const) {
  for (const word of words) zhWords.set(word.charCodeAt(0), [...(zhWords.get(word.charCodeAt(0)) ?? []), { word, sign }]);
}
for (const words of zhWords.values()) words.sort((a, b) => b.word.length - a.word.length);

const NOT_LISTED = 2;
const none: readonly { word: string; sign: number }[] = [];

function enSign(text: string, t: Tokens, j: number): number {
  const start = t.start[j] ?? 0;
  const end = t.end[j] ?? 0;
  for (const { word, sign } of enWords.get(t.hash[j] ?? 0) ?? none) {
    if (word.length !== end - start) continue;
    let k = 0;
    while (k < word.length && foldCode(text.charCodeAt(start + k)) === word.charCodeAt(k)) k += 1;
    if (k === word.length) return sign;
  }
  return NOT_LISTED;
}

function zhSign(text: string, t: Tokens, j: number): number {
  const start = t.start[j] ?? 0;
  for (const { word, sign } of zhWords.get(text.charCodeAt(start)) ?? none) {
    if (!text.startsWith(word, start)) continue;
    // A Chinese word spans several tokens (满意 is 满 and 意): where it ends.
    negation.end = start + word.length;
    return sign;
  }
  return NOT_LISTED;
}

/**
 * What negatedWord found: `at`, the token negated (a word, or the inner negator of a double
 * negation); `end`, where the words it negates end in the text (满意 of 没有不满意), so a turn reads whole.
 */
export const negation = { at: -1, end: 0 };

/**
 * For the negator at token i: +1 when it negates a word of good feeling ("not helpful", 不满意),
 * −1 when it negates one of ill feeling ("not bad", 不错) or another negator (没有不满意), else 0.
 * The token it negates is left in negatedAt.
 */
export function negatedWord(text: string, t: Tokens, i: number, lang: 'zh' | 'en'): number {
  negation.at = -1;
  for (let j = i + 1; j < t.count && j <= i + HEAD_REACH; j += 1) {
    if (t.kind[j] !== TokenKind.Text) return 0;
    const cue = t.cue[j];
    if (cue?.kind === 'negator') {
      // The inner negation's own word, when it has one, ends the phrase: 没有不满意, not 没有不.
      negation.end = negatedWord(text, t, j, lang) === 0 ? (t.end[j] ?? 0) : negation.end;
      negation.at = j;
      return -1;
    }
    if (cue?.kind === 'topic' || cue?.kind === 'courtesy' || cue?.kind === 'contrast') return 0;
    negation.end = t.end[j] ?? 0;
    const sign = lang === 'zh' ? zhSign(text, t, j) : enSign(text, t, j);
    if (sign === 1 || sign === -1) {
      negation.at = j;
      return sign;
    }
    if (sign === NOT_LISTED && cue?.kind !== 'degree') return 0;
    // A word between of several characters (任何) is several tokens: go on after its last.
    while (sign === 0 && j + 1 < t.count && (t.start[j + 1] ?? 0) < negation.end) j += 1;
  }
  return 0;
}
