/**
 * Rows in PostgreSQL's binary COPY format, written into reused buffers. The server then reads each
 * value as it is stored: no parsing of array literals, timestamps or escapes, which in the text
 * format cost PostgreSQL more than storing the rows (four arrays of ten answers per survey
 * response: ~2 s per 100,000 responses in array_in alone).
 *
 * Types (the staging table's columns must have exactly these): text, integer, timestamptz,
 * jsonb, text[] and double precision[].
 */

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const TEXT_OID = 25;
const FLOAT8_OID = 701;
// Microseconds between the Unix epoch and PostgreSQL's (2000-01-01 UTC).
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 2 ** 32;
const SHORT = 32;

export class BinaryCopyWriter {
  private buffer: Buffer;
  private at = 0;
  private started = false;

  /** `size`: bytes gathered before a chunk is handed on (a row larger than that gets a buffer of its own). */
  constructor(private readonly size = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Bytes written since the last take(). */
  get length(): number {
    return this.at;
  }

  /** Starts a row of `fields` values; the first row also writes the format's header. */
  row(fields: number): void {
    if (!this.started) this.header();
    this.ensure(2);
    this.buffer.writeInt16BE(fields, this.at);
    this.at += 2;
  }

  null(): void {
    this.ensure(4);
    this.buffer.writeInt32BE(-1, this.at);
    this.at += 4;
  }

  text(value: string | null | undefined): void {
    if (value == null) return this.null();
    this.ensure(4 + value.length * 3);
    const buffer = this.buffer;
    const start = this.at + 4;
    // Short ASCII (ids, keys, codes: most values of a survey export) byte by byte, which is several
    // times cheaper than a call into Buffer.write; anything else through it.
    let written = -1;
    if (value.length <= SHORT) {
      written = value.length;
      for (let i = 0; i < value.length; i++) {
        const code = value.charCodeAt(i);
        if (code >= 0x80) {
          written = -1;
          break;
        }
        buffer[start + i] = code;
      }
    }
    if (written < 0) written = buffer.write(value, start, 'utf8');
    buffer.writeInt32BE(written, this.at);
    this.at = start + written;
  }

  int4(value: number): void {
    this.ensure(8);
    this.buffer.writeInt32BE(4, this.at);
    this.buffer.writeInt32BE(value, this.at + 4);
    this.at += 8;
  }

  timestamptz(value: Date): void {
    const micros = (value.getTime() - PG_EPOCH_MS) * 1000;
    if (!Number.isSafeInteger(micros)) throw new RangeError(`timestamp out of range: ${String(value)}`);
    this.ensure(12);
    this.buffer.writeInt32BE(8, this.at);
    const high = Math.floor(micros / TWO_32);
    this.buffer.writeInt32BE(high, this.at + 4);
    this.buffer.writeUInt32BE(micros - high * TWO_32, this.at + 8);
    this.at += 12;
  }

  /** JSON text as jsonb (format version 1, then the text). */
  jsonb(json: string): void {
    this.ensure(5 + json.length * 3);
    this.buffer.writeUInt8(1, this.at + 4);
    const written = this.buffer.write(json, this.at + 5, 'utf8');
    this.buffer.writeInt32BE(written + 1, this.at);
    this.at += 5 + written;
  }

  /** A one-dimensional text[] of the values `pick` gives for each item (null elements allowed). */
  textArray<T>(items: readonly T[], pick: (item: T) => string | null | undefined): void {
    const start = this.arrayHeader(items.length, TEXT_OID);
    let nulls = 0;
    for (let i = 0; i < items.length; i++) {
      const value = pick(items[i] as T);
      if (value == null) {
        nulls = 1;
        this.null();
      } else this.text(value);
    }
    this.arrayEnd(start, nulls);
  }

  /** A one-dimensional double precision[] (null elements allowed). */
  float8Array<T>(items: readonly T[], pick: (item: T) => number | null | undefined): void {
    const start = this.arrayHeader(items.length, FLOAT8_OID);
    let nulls = 0;
    this.ensure(items.length * 12);
    for (let i = 0; i < items.length; i++) {
      const value = pick(items[i] as T);
      if (value == null) {
        nulls = 1;
        this.buffer.writeInt32BE(-1, this.at);
        this.at += 4;
      } else {
        this.buffer.writeInt32BE(8, this.at);
        this.buffer.writeDoubleBE(value, this.at + 4);
        this.at += 12;
      }
    }
    this.arrayEnd(start, nulls);
  }

  /** The bytes so far (the format's trailer too when `last`), leaving the writer empty for more. */
  take(last = false): Buffer {
    if (last) {
      if (!this.started) this.header();
      this.ensure(2);
      this.buffer.writeInt16BE(-1, this.at);
      this.at += 2;
    }
    // The chunk keeps this buffer (the stream may hold it a while); the writer starts a new one.
    const chunk = this.buffer.subarray(0, this.at);
    this.buffer = Buffer.allocUnsafe(this.size);
    this.at = 0;
    return chunk;
  }

  private header(): void {
    this.ensure(SIGNATURE.length + 8);
    SIGNATURE.copy(this.buffer, this.at);
    this.at += SIGNATURE.length;
    this.buffer.writeInt32BE(0, this.at);
    this.buffer.writeInt32BE(0, this.at + 4);
    this.at += 8;
    this.started = true;
  }

  // Length (filled in by arrayEnd), dimensions, has-null flag (likewise), element type, and for a
  // non-empty array its one dimension's length and lower bound 1. Returns where the value starts.
  private arrayHeader(length: number, oid: number): number {
    this.ensure(24);
    const start = this.at;
    const dims = length === 0 ? 0 : 1;
    this.buffer.writeInt32BE(dims, start + 4);
    this.buffer.writeInt32BE(0, start + 8);
    this.buffer.writeInt32BE(oid, start + 12);
    this.at += 16;
    if (dims === 1) {
      this.buffer.writeInt32BE(length, this.at);
      this.buffer.writeInt32BE(1, this.at + 4);
      this.at += 8;
    }
    return start;
  }

  private arrayEnd(start: number, nulls: number): void {
    this.buffer.writeInt32BE(this.at - start - 4, start);
    this.buffer.writeInt32BE(nulls, start + 8);
  }

  private ensure(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(grown, 0, 0, this.at);
    this.buffer = grown;
  }
}
