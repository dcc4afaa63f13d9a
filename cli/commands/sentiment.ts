import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { sniffEncoding } from '../../collectors/shared/file-encoding.ts';
import { ConfigError } from '../../config/errors.ts';
import { scoreSentiment } from '../../pipeline/scoring/sentiment.ts';
import { explainSentiment } from '../../pipeline/scoring/sentiment-explain.ts';

/** A line's result as printed: the score to three places, the five strongest terms. */
function plain(line: string, lang: 'auto' | 'zh' | 'en') {
  const result = scoreSentiment(line, { lang });
  return { label: result.label, score: Math.round(result.score * 1000) / 1000, lang: result.lang, terms: result.terms.slice(0, 5) };
}

/** With --explain: every term, and why the label (see explainSentiment). */
function explained(line: string, lang: 'auto' | 'zh' | 'en') {
  const { result, explain } = explainSentiment(line, { lang });
  return { label: result.label, score: Math.round(result.score * 1000) / 1000, lang: result.lang, terms: result.terms, explain };
}

const isBrokenPipe = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';

/**
 * The encoding of stdin from its first chunk, as the importers decide it (see sniffEncoding: a BOM,
 * else UTF-8 — also with a stray bad byte, which read as anything else would turn it all to
 * mojibake — else GB18030 for Excel and 12345 exports from mainland tools, else the detector).
 */
function stdinEncoding(first: Buffer, configured: string): string {
  return sniffEncoding(first, configured, false).encoding;
}

/** stdin as text in `encoding` ('auto': see stdinEncoding); a BOM is dropped. */
async function* decodedStdin(encoding: string): AsyncGenerator<string> {
  let decoder: ReturnType<typeof iconv.getDecoder> | null = null;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    decoder ??= iconv.getDecoder(stdinEncoding(chunk, encoding));
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder?.end();
  if (rest) yield rest;
}

/**
 * One text per line on stdin, one JSON object per line on stdout; streams, so any number of lines.
 * When the reader goes away (`| head`), it stops quietly, as Unix tools do, instead of a stack trace.
 */
export async function sentimentCommand(options: { lang: 'auto' | 'zh' | 'en'; explain: boolean; encoding: string }): Promise<void> {
  if (options.encoding !== 'auto' && !iconv.encodingExists(options.encoding)) {
    throw new ConfigError(`--encoding: unknown encoding "${options.encoding}" (expected auto, utf-8, gb18030, big5, utf-16le…)`);
  }
  const input = Readable.from(decodedStdin(options.encoding));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let failure: unknown = null;
  const stop = (error: unknown) => {
    failure ??= error;
    lines.close();
    input.destroy();
    process.stdin.destroy();
  };
  // Kept to the end: output still buffered when the reader goes fails after the loop.
  process.stdout.on('error', stop);
  let number = 0;
  let warned = false;
  for await (const line of lines) {
    if (failure) break;
    number += 1;
    // Bytes the encoding could not read: say so once, instead of scoring mojibake in silence.
    if (!warned && line.includes('\ufffd')) {
      warned = true;
      process.stderr.write(`talentpulse sentiment: line ${number} has bytes that are not valid in the input's encoding (shown as U+FFFD); pass --encoding (gb18030, big5, utf-16le…) if the whole input is in another one\n`);
    }
    const out = options.explain ? explained(line, options.lang) : plain(line, options.lang);
    // once() rejects on 'error', so a reader gone while output waits does not leave this hanging.
    if (!process.stdout.write(JSON.stringify(out) + '\n')) await once(process.stdout, 'drain').catch(stop);
  }
  if (failure && !isBrokenPipe(failure)) throw failure;
}
