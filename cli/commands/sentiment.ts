import { createInterface } from 'node:readline';
import { scoreSentiment } from '../../pipeline/scoring/sentiment.ts';

/** One text per line on stdin, one JSON object per line on stdout; streams, so any number of lines. */
export async function sentimentCommand(options: { lang: 'auto' | 'zh' | 'en'; explain: boolean }): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const result = scoreSentiment(line, { lang: options.lang });
    const out = { label: result.label, score: Math.round(result.score * 1000) / 1000, lang: result.lang, terms: options.explain ? result.terms : result.terms.slice(0, 5) };
    if (!process.stdout.write(JSON.stringify(out) + '\n')) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}
