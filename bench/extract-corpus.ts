import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeBody } from '../collectors/http/charset.ts';
import { blockText } from '../collectors/mentions/extract/block-text.ts';
import { languageOfText } from '../collectors/mentions/extract/language.ts';
import { parsePage } from '../collectors/mentions/extract/parse-page.ts';
import { projectDir } from '../config/paths.ts';
import { tokens } from './token-overlap.ts';

/** One real page with the text a human-checked extractor produced for it. */
export interface BenchPage {
  id: string;
  file: string;
  html: string;
  encoding: string;
  expectedText: string;
  expectedTitle: string | null;
  expectedSiteName: string | null;
  group: 'en' | 'latin-other' | 'zh';
}

/** Real pages live beside the project, never in it (see ../shared/data/README.md). */
export const webDataDir = resolve(projectDir, '../shared/data/web');

export function benchDataPresent(): boolean {
  return existsSync(join(webDataDir, 'readability-pages')) && existsSync(join(webDataDir, 'newspaper4k-zh'));
}

export function loadBenchPages(): BenchPage[] {
  return [...readabilityPages(), ...newspaperPages()];
}

// Pages are read as bytes and decoded by evidence, as the crawler does (qq declares gb2312, is UTF-8).
function decodeFile(file: string): { html: string; encoding: string } {
  const { text, encoding } = decodeBody(readFileSync(file));
  return { html: text, encoding };
}

function readabilityPages(): BenchPage[] {
  const dir = join(webDataDir, 'readability-pages');
  return readdirSync(dir).sort().flatMap((id) => {
    const source = join(dir, id, 'source.html');
    if (!existsSync(source)) return [];
    const expectedText = blockText(parsePage(decodeFile(join(dir, id, 'expected.html')).html));
    const metadata = JSON.parse(readFileSync(join(dir, id, 'expected-metadata.json'), 'utf8')) as { title?: string | null; siteName?: string | null };
    return [{ id, file: source, ...decodeFile(source), expectedText, expectedTitle: metadata.title ?? null, expectedSiteName: metadata.siteName ?? null, group: groupOf(expectedText) }];
  });
}

function newspaperPages(): BenchPage[] {
  const dir = join(webDataDir, 'newspaper4k-zh');
  return readdirSync(dir).filter((name) => name.endsWith('.html')).sort().map((name) => {
    const stem = name.replace(/\.html$/, '');
    const expectedText = readFileSync(join(dir, `${stem}.expected.txt`), 'utf8');
    const metadataFile = join(dir, `${stem}.metadata.json`);
    const metadata = existsSync(metadataFile) ? (JSON.parse(readFileSync(metadataFile, 'utf8')) as { title?: string | null }) : {};
    return { id: `newspaper4k/${stem}`, file: join(dir, name), ...decodeFile(join(dir, name)), expectedText, expectedTitle: metadata.title ?? null, expectedSiteName: null, group: groupOf(expectedText) };
  });
}

const ENGLISH = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'with']);

/** Chinese by script; among Latin pages, English when its commonest function words are frequent. */
function groupOf(text: string): BenchPage['group'] {
  if (languageOfText(text) === 'zh') return 'zh';
  const words = tokens(text);
  const english = words.filter((word) => ENGLISH.has(word)).length;
  return english >= words.length * 0.08 ? 'en' : 'latin-other';
}
