import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeBody } from '../../collectors/http/charset.ts';

export const fixtureDir = resolve(import.meta.dirname, '../fixtures/extract');

/** A fixture page read as bytes and decoded the way the crawler decodes a response. */
export function fixturePage(name: string): string {
  return decodeBody(readFileSync(resolve(fixtureDir, name))).text;
}
