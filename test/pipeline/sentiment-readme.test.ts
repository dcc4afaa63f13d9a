import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectDir } from '../../config/paths.ts';
import { scoreSentiment } from '../../pipeline/scoring/index.ts';

// The README's examples, as the CLI prints them (score to three decimals, at most five terms).
const readme = readFileSync(resolve(projectDir, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Sentiment'));
const block = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const lines = block.trim().split('\n');
const examples = lines.flatMap((line, i) => (line.startsWith('→ ') ? [{ text: lines[i - 1] ?? '', expected: JSON.parse(line.slice(2)) as unknown }] : []));

describe('README sentiment examples', () => {
  it('has examples', () => expect(examples.length).toBeGreaterThanOrEqual(5));

  it.each(examples)('scores $text as documented with the committed weights', ({ text, expected }) => {
    const r = scoreSentiment(text);
    expect({ label: r.label, score: Math.round(r.score * 1000) / 1000, lang: r.lang, terms: r.terms.slice(0, 5) }).toEqual(expected);
  });
});
