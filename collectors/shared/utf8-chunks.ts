import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Bytes that are not UTF-8 in a file read as UTF-8. */
export interface InvalidBytes {
  /** Line breaks (\n) in the chunk's text before the bytes: the line they are on, counted from the chunk's first. */
  newlines: number;
  /** Where they start in the file, counting from 0 (as `xxd -s` and `dd skip=` count). */
  offset: number;
  /** The bytes in hex, the first eight of a longer run. */
  hex: string;
  /** What the non-ASCII bytes around them read as GBK, when they read cleanly and are mostly the bad bytes: a cell pasted from a GBK file. */
  gbk?: string;
}

export interface Utf8Chunk {
  /** The chunk decoded; invalid bytes become U+FFFD, as everywhere else in Node. */
  text: string;
  /** Empty for a valid chunk, which is almost every chunk of almost every file. */
  invalid: InvalidBytes[];
}

const NONE: InvalidBytes[] = [];

/**
 * Decodes a stream of UTF-8 bytes chunk by chunk and says where bytes are not UTF-8, so that the
 * row holding them can be named instead of stored with its characters silently replaced. A valid
 * chunk costs one pass of the validator on top of the decoding; a character cut between two chunks
 * is carried over to the next.
 */
export async function* decodeUtf8Chunks(input: AsyncIterable<Buffer>): AsyncGenerator<Utf8Chunk> {
  let carry: Buffer | undefined;
  // The file offset of the first byte of `carry`, or of the next chunk when nothing is carried.
  let offset = 0;
  for await (const chunk of input) {
    const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = bytes.length - incompleteTail(bytes);
    const body = bytes.subarray(0, end);
    carry = end < bytes.length ? bytes.subarray(end) : undefined;
    if (body.length > 0) yield decode(body, offset);
    offset += body.length;
  }
  if (carry) yield decode(carry, offset);
}

function decode(body: Buffer, offset: number): Utf8Chunk {
  const text = body.toString('utf8');
  return { text, invalid: isUtf8(body) ? NONE : findInvalid(body, offset) };
}

/** Bytes at the end that begin a character the chunk does not finish (0 when the chunk ends on a boundary). */
export function incompleteTail(bytes: Uint8Array): number {
  let start = bytes.length - 1;
  // Walk back over continuation bytes (10xxxxxx) to the lead byte of the last character.
  while (start > 0 && start > bytes.length - 4 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  const lead = bytes[start] ?? 0;
  if (lead < 0xc0) return 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  return start + length > bytes.length ? bytes.length - start : 0;
}

/** Bytes that are not well-formed UTF-8 (Unicode table 3-7), with the line each is on. */
function findInvalid(body: Buffer, offset: number): InvalidBytes[] {
  const found: InvalidBytes[] = [];
  let newlines = 0;
  let at = 0;
  while (at < body.length) {
    const length = wellFormedLength(body, at);
    if (length > 0) {
      if (body[at] === 0x0a) newlines++;
      at += length;
      continue;
    }
    // One entry for the bad bytes of one stretch of non-ASCII text (a pasted GBK cell forms a
    // UTF-8 character now and then by chance): from the first bad byte to the last.
    let end = at + 1;
    for (let next = end; next < body.length && (body[next] ?? 0) >= 0x80; ) {
      const length = wellFormedLength(body, next);
      if (length === 0) end = next + 1;
      next += Math.max(1, length);
    }
    const run = body.subarray(at, Math.min(end, at + 8));
    const hex = [...run].map((byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(' ') + (end - at > 8 ? ' …' : '');
    const gbk = gbkReading(body, at);
    found.push({ newlines, offset: offset + at, hex, ...(gbk ? { gbk } : {}) });
    at = end;
  }
  return found;
}

/**
 * The non-ASCII bytes around `at` read as GB18030, if they read cleanly and at least half of them
 * are not UTF-8 (GBK text read as UTF-8 forms a two-byte character now and then by chance).
 */
function gbkReading(body: Buffer, at: number): string | undefined {
  let start = at;
  while (start > 0 && (body[start - 1] ?? 0) >= 0x80) start--;
  let end = at;
  while (end < body.length && (body[end] ?? 0) >= 0x80) end++;
  const span = body.subarray(start, end);
  if (span.length > 64 || span.length % 2 !== 0) return undefined;
  let bad = 0;
  for (let i = 0; i < span.length; ) {
    const length = wellFormedLength(span, i);
    if (length === 0) bad++;
    i += Math.max(1, length);
  }
  const text = iconv.decode(span, 'gb18030');
  return 2 * bad >= span.length && !text.includes('\ufffd') ? text : undefined;
}

/** The length of the well-formed character at `at`, or 0 when the bytes there are not one. */
function wellFormedLength(bytes: Buffer, at: number): number {
  const lead = bytes[at] ?? 0;
  if (lead < 0x80) return 1;
  const next = (i: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[at + i];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return next(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return next(1, low, high) && next(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return next(1, low, high) && next(2) && next(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Whether bytes that are not all valid UTF-8 are still UTF-8 with a few bad bytes: GB18030, Big5
 * or Shift-JIS text read as UTF-8 forms a character now and then by chance, and gives three to six
 * U+FFFD for every one it forms; a UTF-8 export with a stray byte or a pasted GBK cell is the other
 * way round.
 */
export function mostlyUtf8(bytes: Buffer): boolean {
  let bad = 0;
  let good = 0;
  for (const c of bytes.toString('utf8')) {
    if (c === '\ufffd') bad += 1;
    else if (c.charCodeAt(0) > 0x7f) good += 1;
  }
  return good >= 2 * bad;
}
