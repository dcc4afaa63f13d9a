import chardet from 'chardet';
import iconv from 'iconv-lite';
import { byteOrderMark } from '../http/charset-declarations.ts';

/** How a text export was decided to be encoded, and why. */
export interface SniffedEncoding {
  /** An iconv-lite name; 'utf-8' is decoded natively. */
  encoding: string;
  evidence: 'configured' | 'bom' | 'utf-8-bytes' | 'detector' | 'fallback';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Exports from mainland tools (Excel "CSV", 问卷星, 12345 systems) are GBK when they are not UTF-8.
const FALLBACK = 'gb18030';

/**
 * Decides the encoding of a text export from its first bytes: a configured encoding wins, then a
 * byte-order mark, then bytes that are valid UTF-8, then the detector; GB18030 (a superset of GBK
 * and GB2312) is the last resort.
 */
export function sniffEncoding(sample: Buffer, configured: string, complete: boolean): SniffedEncoding {
  if (configured !== 'auto') return { encoding: normalise(configured), evidence: 'configured' };
  const bom = byteOrderMark(sample);
  if (bom) return { encoding: bom.charset, evidence: 'bom' };
  if (isUtf8(complete ? sample : withoutCutCharacter(sample))) return { encoding: 'utf-8', evidence: 'utf-8-bytes' };
  const detected = chardet.analyse(sample).find((match) => match.confidence >= 30 && iconv.encodingExists(normalise(match.name)));
  return detected ? { encoding: normalise(detected.name), evidence: 'detector' } : { encoding: FALLBACK, evidence: 'fallback' };
}

function normalise(name: string): string {
  const lower = name.toLowerCase().replace(/_/g, '-');
  if (lower === 'utf8') return 'utf-8';
  // GB18030 decodes every GBK and GB2312 file the same, and more.
  if (lower === 'gbk' || lower === 'gb2312' || lower === 'cp936') return 'gb18030';
  return lower;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A sample cut from a longer file may end inside a multi-byte character; drop that tail. */
function withoutCutCharacter(bytes: Buffer): Buffer {
  let start = bytes.length - 1;
  // Walk back over continuation bytes (10xxxxxx) to the lead byte of the last character.
  while (start > 0 && start > bytes.length - 4 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  const lead = bytes[start] ?? 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return start + length > bytes.length ? bytes.subarray(0, start) : bytes;
}
