/**
 * Social-media marks read as one token each: Weibo's bracket emoticons ([哈哈], [泪], [good]),
 * links and @mentions. A link or a name says nothing about feeling, so each folds to one shared
 * token; an emoticon keeps its own identity, and a few whose feeling is not in doubt carry a mood.
 */

/** Kinds of mark, used as the token's hash so every link (or mention) is the same feature. */
export const SocialMark = { Link: 0x4c494e4b, Mention: 0x4d454e54 } as const;

const MAX_EMOTICON = 8;

export const positiveEmoticons: ReadonlySet<string> = new Set([
  '[哈哈]', '[嘻嘻]', '[爱你]', '[心]', '[赞]', '[good]', '[鼓掌]', '[太开心]', '[偷笑]', '[可爱]', '[亲亲]', '[耶]', '[威武]', '[花心]', '[给力]', '[微笑]', '[好爱哦]', '[礼物]', '[蛋糕]', '[酷]',
]);
export const negativeEmoticons: ReadonlySet<string> = new Set([
  '[泪]', '[怒]', '[抓狂]', '[衰]', '[伤心]', '[生气]', '[悲伤]', '[怒骂]', '[弱]', '[吐]', '[哼]', '[委屈]', '[失望]', '[鄙视]', '[晕]', '[汗]', '[拜拜]', '[可怜]', '[崩溃]', '[心碎]',
]);

/** Length of a bracket emoticon starting at `i` ('[' then 1–8 letters or Han characters then ']'), else 0. */
export function emoticonLength(text: string, i: number): number {
  const limit = Math.min(text.length, i + MAX_EMOTICON + 2);
  for (let k = i + 1; k < limit; k += 1) {
    const c = text.charCodeAt(k);
    if (c === 0x5d) return k > i + 1 ? k - i + 1 : 0;
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x4e00 && c <= 0x9fff);
    if (!letter) return 0;
  }
  return 0;
}

/** Whether text at `i` reads `prefix` (lower-case ASCII), case-insensitively, without building a string. */
function startsWithFolded(text: string, i: number, prefix: string): boolean {
  if (i + prefix.length > text.length) return false;
  for (let k = 0; k < prefix.length; k += 1) if ((text.charCodeAt(i + k) | 32) !== prefix.charCodeAt(k)) return false;
  return true;
}

/** Length of a link (http://, https://, www.) starting at `i`, up to the next space or non-ASCII character, else 0. */
export function linkLength(text: string, i: number): number {
  // Runs at the start of every word beginning with h or w: rule most out on the second letter.
  const second = text.charCodeAt(i + 1) | 32;
  if (second !== 0x74 && second !== 0x77) return 0;
  if (!startsWithFolded(text, i, 'http://') && !startsWithFolded(text, i, 'https://') && !startsWithFolded(text, i, 'www.')) return 0;
  let end = i;
  while (end < text.length) {
    const d = text.charCodeAt(end);
    if (d <= 0x20 || d >= 0x7f) break;
    end += 1;
  }
  return end - i;
}

/** Length of an @mention starting at `i` (@ then a name up to a space, punctuation or colon), else 0. */
export function mentionLength(text: string, i: number): number {
  let end = i + 1;
  while (end < text.length && end - i <= 31) {
    const d = text.charCodeAt(end);
    const name = (d >= 0x30 && d <= 0x39) || (d >= 0x41 && d <= 0x5a) || (d >= 0x61 && d <= 0x7a) || d === 0x5f || d === 0x2d || (d >= 0x4e00 && d <= 0x9fff);
    if (!name) break;
    end += 1;
  }
  return end > i + 1 ? end - i : 0;
}
