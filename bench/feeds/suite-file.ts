import { type Clause, parseExpectation } from './python-expr.ts';

export interface SuiteCase {
  description: string;
  clauses: Clause[];
  /** Simulated HTTP response headers from the header comment, names lower-cased. */
  headers: Record<string, string>;
}

/**
 * Reads a feedparser suite file's header: an XML comment (or a JSON "__TEST__" key) with
 * `Description:`, `Expect:` and `Header:` lines. The header is ASCII, so it is found in the raw
 * bytes whatever the file's encoding (UTF-16/32 files have NUL bytes between the characters).
 */
export function readSuiteCase(bytes: Buffer): SuiteCase | null {
  const ascii = bytes.subarray(0, 8192).toString('latin1').replace(/\0/g, '');
  const comment = /<!--([\s\S]*?)-->/.exec(ascii)?.[1] ?? /"__TEST__"\s*:\s*"([^"]*)"/.exec(ascii)?.[1];
  if (!comment) return null;
  // The JSON form keeps everything on one line: split it back into its labelled parts.
  const lines = comment.replace(/\s(Description|Expect|Header):/g, '\n$1:').split(/\r?\n/);
  let description = '';
  let expect: string | undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const m = /^\s*(Description|Expect|Header):\s?(.*)$/.exec(line);
    if (!m) continue;
    const value = (m[2] ?? '').replace(/\s*-->\s*$/, '').trim();
    if (m[1] === 'Description') description = value;
    else if (m[1] === 'Expect') expect = value;
    else {
      const colon = value.indexOf(':');
      if (colon > 0) headers[value.slice(0, colon).trim().toLowerCase()] = value.slice(colon + 1).trim();
    }
  }
  if (expect === undefined) return null;
  return { description, clauses: parseExpectation(expect), headers };
}
