import chardet from 'chardet';
import iconv from 'iconv-lite';
import { byteOrderMark, findDeclaration, normaliseCharset, type CharsetDeclaration, type DeclarationSource } from './charset-declarations.ts';

/** What decided the encoding: a BOM, a declaration, the bytes being valid UTF-8, the detector, or the fallback. */
export type CharsetEvidence = 'bom' | DeclarationSource | 'utf-8-bytes' | 'ascii' | 'detector' | 'fallback';

export interface DecodedBody {
  text: string;
  /** The encoding actually used to decode the bytes. */
  encoding: string;
  evidence: CharsetEvidence;
  /** What the document or header claimed, when it claimed something. */
  declared?: CharsetDeclaration;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Below this the detector is guessing; we then keep the declaration or fall back to GB18030.
const CONFIDENT = 50;
// Mainland sources are the likeliest source of undeclared legacy bytes.
const FALLBACK = 'gb18030';
// The detector's statistics settle long before this; a 5 MB page need not be read twice over.
const SAMPLE_BYTES = 64 * 1024;

/**
 * Turns response bytes into text by evidence: a byte-order mark wins; bytes that are valid UTF-8
 * are UTF-8 whatever the page declares (many pages declare gb2312 and are really UTF-8); otherwise
 * the declaration (HTTP header, XML declaration, meta) unless decoding by it fails or the detector
 * is confident the bytes are something else (Big5 bytes also decode as GBK, as mojibake); with no
 * declaration the detector decides, and GB18030 is the last resort.
 */
export function decodeBody(body: Buffer, contentType?: string): DecodedBody {
  const bom = byteOrderMark(body);
  if (bom) return { text: decode(body.subarray(bom.length), bom.charset), encoding: bom.charset, evidence: 'bom' };

  const declared = findDeclaration(body, contentType);
  const withDeclared = declared ? { declared } : {};
  if (isAscii(body)) {
    const encoding = declared && isAsciiCompatible(declared.charset) ? declared.charset : 'utf-8';
    return { text: body.toString('latin1'), encoding, evidence: declared ? declared.source : 'ascii', ...withDeclared };
  }
  if (isUtf8(body)) {
    return { text: body.toString('utf8'), encoding: 'utf-8', evidence: declared?.charset === 'utf-8' ? declared.source : 'utf-8-bytes', ...withDeclared };
  }

  const detected = detect(body);
  if (declared && declared.charset !== 'utf-8' && iconv.encodingExists(declared.charset)) {
    const text = decode(body, declared.charset);
    const contradicted = detected && detected.charset !== declared.charset && detected.confidence >= CONFIDENT && (detected.declaredConfidence ?? 0) * 2 <= detected.confidence;
    if (!contradicted && !text.includes('\uFFFD')) return { text, encoding: declared.charset, evidence: declared.source, declared };
  }
  if (detected && detected.confidence >= CONFIDENT) {
    return { text: decode(body, detected.charset), encoding: detected.charset, evidence: 'detector', ...withDeclared };
  }
  return { text: decode(body, FALLBACK), encoding: FALLBACK, evidence: 'fallback', ...withDeclared };

  function detect(bytes: Buffer): { charset: string; confidence: number; declaredConfidence?: number } | undefined {
    const matches = chardet.analyse(bytes.subarray(0, SAMPLE_BYTES)).map((match) => ({ charset: normaliseCharset(match.name), confidence: match.confidence }));
    const best = matches.find((match) => iconv.encodingExists(match.charset));
    if (!best) return undefined;
    const declaredMatch = declared ? matches.find((match) => match.charset === declared.charset) : undefined;
    return { ...best, ...(declaredMatch ? { declaredConfidence: declaredMatch.confidence } : {}) };
  }
}

function decode(bytes: Buffer, charset: string): string {
  return charset === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, charset);
}

function isAscii(body: Buffer): boolean {
  for (const byte of body) if (byte > 0x7f) return false;
  return true;
}

function isAsciiCompatible(charset: string): boolean {
  return !/^utf-(16|32)/.test(charset) && iconv.encodingExists(charset);
}

function isUtf8(body: Buffer): boolean {
  try {
    utf8.decode(body);
    return true;
  } catch {
    return false;
  }
}
