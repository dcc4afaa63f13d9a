/**
 * Bag-of-tokens overlap between an extracted text and the expected one, as extraction benchmarks
 * score it: words lower-cased for alphabetic scripts, one token per Han character (Chinese has no
 * spaces and a character is about a word), punctuation and whitespace ignored.
 */
export interface Overlap {
  precision: number;
  recall: number;
  f1: number;
}

// A Han character alone, or a run of letters, digits and marks that are not Han.
const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;

export function tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

export function overlap(extracted: string, expected: string): Overlap {
  const got = count(tokens(extracted));
  const want = count(tokens(expected));
  let common = 0;
  let gotTotal = 0;
  let wantTotal = 0;
  for (const n of got.values()) gotTotal += n;
  for (const [token, n] of want) {
    wantTotal += n;
    common += Math.min(n, got.get(token) ?? 0);
  }
  // Both empty is a perfect match; one empty scores zero.
  if (gotTotal === 0 && wantTotal === 0) return { precision: 1, recall: 1, f1: 1 };
  const precision = gotTotal === 0 ? 0 : common / gotTotal;
  const recall = wantTotal === 0 ? 0 : common / wantTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function count(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of list) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
