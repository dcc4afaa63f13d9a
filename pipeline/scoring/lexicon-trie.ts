/**
 * A sentiment lexicon compiled into a trie over "units" (characters for Chinese, words for English),
 * so a text is scanned once with longest match: 不满意 wins over 不 + 满意, "no reply" over "no".
 */

/** A lexicon as written by hand: words and phrases, keyed in the form the text is matched in (lower case). */
export interface LexiconSource {
  /** Praise, with a strength from about 0.5 (mild) to 2 (strong). */
  positive: Readonly<Record<string, number>>;
  /** Complaints and criticism, with a strength (a magnitude; the sign is applied when compiled). */
  negative: Readonly<Record<string, number>>;
  /** Phrases that contain a sentiment word but carry none (出差 is a business trip, not 差): matched, scored 0. */
  neutral: readonly string[];
  /** Words that flip the next sentiment word within a short window. */
  negators: readonly string[];
  /** Degree adverbs and the factor they apply to the next sentiment word. */
  degree: Readonly<Record<string, number>>;
  /** Words after which the rest of the sentence weighs more than what came before. */
  contrast: readonly string[];
}

export type LexiconEntry =
  | { kind: 'sentiment'; weight: number }
  | { kind: 'neutral' }
  | { kind: 'negator' }
  | { kind: 'degree'; factor: number }
  | { kind: 'contrast' };

interface TrieNode {
  children: Map<string, TrieNode>;
  entry?: LexiconEntry;
}

export interface LexiconMatch {
  entry: LexiconEntry;
  /** How many units the match spans. */
  length: number;
}

/** A lexicon that lists the same word twice, or with an unusable weight; raised at module load. */
export class LexiconError extends Error {
  override name = 'LexiconError';
}

export class CompiledLexicon {
  private readonly root: TrieNode = { children: new Map() };

  constructor(
    readonly name: string,
    source: LexiconSource,
    private readonly split: (key: string) => readonly string[],
  ) {
    for (const [word, weight] of Object.entries(source.positive)) this.add(word, { kind: 'sentiment', weight: checked(name, word, weight) });
    for (const [word, weight] of Object.entries(source.negative)) this.add(word, { kind: 'sentiment', weight: -checked(name, word, weight) });
    for (const word of source.neutral) this.add(word, { kind: 'neutral' });
    for (const word of source.negators) this.add(word, { kind: 'negator' });
    for (const [word, factor] of Object.entries(source.degree)) this.add(word, { kind: 'degree', factor: checked(name, word, factor) });
    for (const word of source.contrast) this.add(word, { kind: 'contrast' });
  }

  /** The longest entry starting at units[start], or null when no entry starts there. */
  longestMatch(units: readonly string[], start: number): LexiconMatch | null {
    let node: TrieNode | undefined = this.root;
    let best: LexiconMatch | null = null;
    for (let i = start; i < units.length; i += 1) {
      node = node.children.get(units[i] ?? '');
      if (!node) break;
      if (node.entry) best = { entry: node.entry, length: i - start + 1 };
    }
    return best;
  }

  private add(word: string, entry: LexiconEntry): void {
    const units = this.split(word);
    if (units.length === 0) throw new LexiconError(`${this.name} lexicon: an empty entry`);
    let node = this.root;
    for (const unit of units) {
      let child = node.children.get(unit);
      if (!child) {
        child = { children: new Map() };
        node.children.set(unit, child);
      }
      node = child;
    }
    if (node.entry) throw new LexiconError(`${this.name} lexicon: "${word}" is listed twice`);
    node.entry = entry;
  }
}

function checked(lexicon: string, word: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new LexiconError(`${lexicon} lexicon: "${word}" needs a positive weight, got ${value}`);
  return value;
}
