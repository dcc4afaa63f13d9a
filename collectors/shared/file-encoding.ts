import chardet from 'chardet';
import iconv from 'iconv-lite';
import { byteOrderMark } from '../http/charset-declarations.ts';
import { incompleteTail, mostlyUtf8 } from './utf8-chunks.ts';

/** How a text export was decided to be encoded, and why. */
export interface SniffedEncoding {
  /** An iconv-lite name; 'utf-8' is decoded natively. */
  encoding: string;
  evidence: 'configured' | 'bom' | 'utf-16-nuls' | 'utf-8-bytes' | 'mostly-utf-8' | 'gb18030-bytes' | 'detector' | 'fallback';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Exports from mainland tools (Excel "CSV", 问卷星, 12345 systems) are GBK when they are not UTF-8.
const FALLBACK = 'gb18030';
// Read cleanly as GB18030 too (as garbage), but told apart by the detector. EUC-KR and EUC-JP use
// GB2312's very byte ranges, so the detector's preference between them is a guess, and offices'
// files are GBK: a clean GB18030 reading wins over them.
const OTHER_CJK = new Set(['big5', 'shift-jis']);

/**
 * Decides the encoding of a text export from its first bytes: a configured encoding wins, then a
 * byte-order mark, then the zero bytes of UTF-16 without one (see utf16ByZeroBytes), then bytes that are valid UTF-8 — or UTF-8 apart from a few bad bytes (a
 * hand-edited export, a cell pasted from a GBK file: read as anything else, every other character
 * of the file would be mojibake; the reader names the rows that hold the bad bytes) — then bytes
 * that read cleanly as GB18030 (a superset of GBK and GB2312, what mainland tools write) unless the
 * detector finds another CJK encoding, then the detector (windows-1252 only here, when neither UTF-8
 * nor GB18030 fits); GB18030 is the last resort.
 */
export function sniffEncoding(sample: Buffer, configured: string, complete: boolean): SniffedEncoding {
  if (configured !== 'auto') return { encoding: normalise(configured), evidence: 'configured' };
  const bom = byteOrderMark(sample);
  if (bom) return { encoding: bom.charset, evidence: 'bom' };
  const utf16 = utf16ByZeroBytes(sample);
  if (utf16) return { encoding: utf16, evidence: 'utf-16-nuls' };
  const whole = complete ? sample : sample.subarray(0, sample.length - incompleteTail(sample));
  if (isUtf8(whole)) return { encoding: 'utf-8', evidence: 'utf-8-bytes' };
  if (mostlyUtf8(whole)) return { encoding: 'utf-8', evidence: 'mostly-utf-8' };
  const detected = chardet.analyse(sample).find((match) => match.confidence >= 30 && iconv.encodingExists(normalise(match.name)));
  if (isGb18030(sample, complete) && !(detected && OTHER_CJK.has(normalise(detected.name)))) return { encoding: FALLBACK, evidence: 'gb18030-bytes' };
  return detected ? { encoding: normalise(detected.name), evidence: 'detector' } : { encoding: FALLBACK, evidence: 'fallback' };
}

/**
 * UTF-16 saved without a byte-order mark ("Unicode text" from some tools, a PowerShell pipe): every
 * ASCII character, the line break and the comma among them, has a zero byte, on the odd offsets in
 * little-endian and on the even ones in big-endian. UTF-8, GBK and Big5 text has none at all, and
 * read as them UTF-16 is garbage that is also valid UTF-8 when it is English. One stray zero byte in
 * a text file is no pattern: it takes two or more, all but a few on one side (one a line at least).
 */
function utf16ByZeroBytes(sample: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  let odd = 0;
  let even = 0;
  for (let i = sample.indexOf(0); i !== -1; i = sample.indexOf(0, i + 1)) {
    if (i % 2 === 1) odd += 1;
    else even += 1;
  }
  const zeros = odd + even;
  if (zeros < 2) return undefined;
  if (odd >= zeros * 0.95) return 'utf-16le';
  if (even >= zeros * 0.95) return 'utf-16be';
  return undefined;
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

/**
 * GB18030 decodes no well-formed byte sequence to U+FFFD and gives one for every ill-formed one;
 * a sample cut from a longer file may end inside a character, which gives one at its very end.
 */
function isGb18030(bytes: Buffer, complete: boolean): boolean {
  const text = iconv.decode(bytes, FALLBACK);
  const at = text.indexOf('\ufffd');
  return at === -1 || (!complete && at === text.length - 1);
}

