import { describe, expect, it } from 'vitest';
import { wordEvidence } from '../../pipeline/scoring/english-words.ts';
import { TokenKind, createTokens, foldCode, tokenize } from '../../pipeline/scoring/sentiment-tokens.ts';

// Tricky English input and the tokens the tokenizer gave before its one-pass word hashing
// (kind, text, cue, mood): the rewrite must cut and mark the same spans.
const cases: [string, [number, string, string, number][]][] = [
  ["Wasn't it GREAT?! I'd say it's 2x-fast...", [[0, 'Was', '', 0], [0, "n't", 'negator', 0], [0, 'it', '', 0], [0, 'GREAT', '', 0], [3, '?', '', 0], [3, '!', '', 0], [0, "I'd", '', 0], [0, 'say', '', 0], [0, 'it', '', 0], [0, "'s", '', 0], [0, '2x', '', 0], [2, '-', '', 0], [0, 'fast', '', 0], [3, '.', '', 0], [3, '.', '', 0], [3, '.', '', 0]]],
  ["’Tis don’t won‘t ''' 'quoted' rock'n'roll", [[0, '’Tis', '', 0], [0, 'do', '', 0], [0, 'n’t', 'negator', 0], [0, 'wo', '', 0], [0, 'n‘t', 'negator', 0], [0, "'", '', 0], [0, "quoted'", '', 0], [0, "rock'n'roll", '', 0]]],
  ['Visit HTTPS://Example.com/a?b=1 or www.x.cn, @Bob_1: thanks 😀👎 :) <3 :-(', [[0, 'Visit', '', 0], [1, 'HTTPS://Example.com/a?b=1', '', 0], [0, 'or', '', 0], [1, 'www.x.cn,', '', 0], [1, '@Bob_1', '', 0], [2, ':', '', 0], [0, 'thanks', '', 0], [1, '😀', '', 1], [1, '👎', '', -1], [1, ':)', '', 1], [1, '<3', '', 1], [1, ':-(', '', -1]]],
  ['ＧＯＯＤ café NAÏVE déjà-vu Straße', [[0, 'ＧＯＯＤ', '', 0], [0, 'café', '', 0], [0, 'NAÏVE', '', 0], [0, 'déjà', '', 0], [2, '-', '', 0], [0, 'vu', '', 0], [0, 'Straße', '', 0]]],
  ['never-ending e-mail 12345 3.5 user@mail.com #tag ~ …', [[0, 'never', 'negator', 0], [2, '-', '', 0], [0, 'ending', '', 0], [0, 'e', '', 0], [2, '-', '', 0], [0, 'mail', '', 0], [0, '12345', 'topic', 0], [0, '3', '', 0], [3, '.', '', 0], [0, '5', '', 0], [0, 'user', '', 0], [1, '@mail', '', 0], [3, '.', '', 0], [0, 'com', '', 0], [2, '#', '', 0], [0, 'tag', '', 0], [2, '~', '', 0], [3, '…', '', 0]]],
  ["we'll they've you're I'm she'd o'clock ain't can't", [[0, 'we', '', 0], [0, "'ll", '', 0], [0, 'they', '', 0], [0, "'ve", '', 0], [0, 'you', '', 0], [0, "'re", '', 0], [0, "I'm", '', 0], [0, 'she', '', 0], [0, "'d", '', 0], [0, "o'clock", '', 0], [0, 'ai', '', 0], [0, "n't", 'negator', 0], [0, 'ca', '', 0], [0, "n't", 'negator', 0]]],
];

/** FNV-1a over the folded code units of a string, written plainly: what a word's hash must equal. */
function referenceHash(word: string): number {
  let h = 0x811c9dc5;
  for (const unit of word.split('')) h = Math.imul(h ^ foldCode(unit.charCodeAt(0)), 0x01000193);
  return h | 0;
}

describe('tokenize (English)', () => {
  const tokens = createTokens(4);
  it.each(cases)('cuts %j as before: clitics, apostrophes, links, names, emoji, case, digits', (text, expected) => {
    tokenize(text, 'en', tokens);
    const got = Array.from({ length: tokens.count }, (_, i) => [tokens.kind[i], text.slice(tokens.start[i], tokens.end[i]), tokens.cue[i]?.kind ?? '', tokens.mood[i]]);
    expect(got).toEqual(expected);
  });

  it.each(cases)('hashes every word of %j as its folded letters, stems without their clitic', (text) => {
    tokenize(text, 'en', tokens);
    for (let i = 0; i < tokens.count; i += 1) {
      if (tokens.kind[i] !== TokenKind.Text) continue;
      expect(tokens.hash[i]).toBe(referenceHash(text.slice(tokens.start[i], tokens.end[i])));
    }
  });

  it('hashes a word the same whatever its case or apostrophe', () => {
    const hashOf = (text: string) => (tokenize(text, 'en', tokens), tokens.hash[0]);
    expect(hashOf('GREAT')).toBe(hashOf('great'));
    expect(hashOf('Don’t')).toBe(hashOf("don't"));
    expect(hashOf('Don’t')).not.toBe(hashOf('Dont'));
  });
});

describe('wordEvidence', () => {
  it('counts Latin words, English ones and foreign function words as before, reading case and apostrophes through', () => {
    const counts = cases.map(([text]) => wordEvidence(text));
    expect(counts).toEqual([
      { words: 8, english: 6, foreign: 0, ascii: true, letters: true },
      { words: 7, english: 1, foreign: 0, ascii: false, letters: true },
      { words: 12, english: 3, foreign: 1, ascii: false, letters: true },
      { words: 5, english: 0, foreign: 0, ascii: false, letters: true },
      { words: 8, english: 2, foreign: 1, ascii: false, letters: true },
      { words: 8, english: 5, foreign: 0, ascii: true, letters: true },
    ]);
  });

  it('reads a word that ends the text or the range', () => {
    expect(wordEvidence('THANKS')).toMatchObject({ words: 1, english: 1 });
    expect(wordEvidence('thanks merci', 0, 6)).toMatchObject({ words: 1, english: 1, foreign: 0 });
    expect(wordEvidence("''")).toMatchObject({ words: 1, english: 0, letters: false });
  });
});
