import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { scoreSentiment } from '../../pipeline/scoring/sentiment.ts';

const isBrokenPipe = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';

/**
 * One text per line on stdin, one JSON object per line on stdout; streams, so any number of lines.
 * When the reader goes away (`| head`), it stops quietly, as Unix tools do, instead of a stack trace.
 */
export async function sentimentCommand(options: { lang: 'auto' | 'zh' | 'en'; explain: boolean }): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let failure: unknown = null;
  const stop = (error: unknown) => {
    failure ??= error;
    lines.close();
    process.stdin.destroy();
  };
  // Kept to the end: output still buffered when the reader goes fails after the loop.
  process.stdout.on('error', stop);
  for await (const line of lines) {
    if (failure) break;
    const result = scoreSentiment(line, { lang: options.lang });
    const out = { label: result.label, score: Math.round(result.score * 1000) / 1000, lang: result.lang, terms: options.explain ? result.terms : result.terms.slice(0, 5) };
    // once() rejects on 'error', so a reader gone while output waits does not leave this hanging.
    if (!process.stdout.write(JSON.stringify(out) + '\n')) await once(process.stdout, 'drain').catch(stop);
  }
  if (failure && !isBrokenPipe(failure)) throw failure;
}
