/**
 * Extraction quality on real pages nobody here wrote: `npm run bench:extract`.
 * Precision, recall and F1 of bag-of-tokens overlap with the expected text, per page and averaged
 * over English, other Latin-script and Chinese pages, next to a naive all-of-<body> reference;
 * title accuracy where the expected metadata has a title. Skips when ../shared/data is absent.
 */
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../collectors/mentions/extract/extract-article.ts';
import { stripSiteName } from '../collectors/mentions/extract/title.ts';
import { benchDataPresent, loadBenchPages, webDataDir, type BenchPage } from './extract-corpus.ts';
import { naiveBodyText } from './naive-text.ts';
import { overlap, type Overlap } from './token-overlap.ts';

interface PageResult extends Overlap {
  id: string;
  group: BenchPage['group'];
  naive_f1: number;
  /** null where no expected title is known. */
  title_exact: boolean | null;
  title_ok: boolean | null;
  error?: string;
}

if (!benchDataPresent()) {
  console.log(`bench:extract skipped: no real pages at ${webDataDir} (a fresh clone has no ../shared)`);
  process.exit(0);
}

const pages = loadBenchPages();
const results: PageResult[] = [];
let extractMs = 0;
for (const page of pages) {
  const naive_f1 = overlap(naiveBodyText(page.html), page.expectedText).f1;
  const started = performance.now();
  try {
    const article = extractArticle(page.html, { url: pathToFileURL(page.file).href });
    extractMs += performance.now() - started;
    results.push({ id: page.id, group: page.group, ...overlap(article.text, page.expectedText), naive_f1, ...titleScore(article.title, page) });
  } catch (error) {
    results.push({ id: page.id, group: page.group, precision: 0, recall: 0, f1: 0, naive_f1, title_exact: false, title_ok: false, error: String(error) });
  }
}

const pct = (value: number): string => value.toFixed(3);
console.log(`${'page'.padEnd(34)} ${'group'.padEnd(11)}  P      R      F1     naive  title`);
for (const r of results) {
  const title = r.title_ok === null ? '-' : r.title_exact ? 'exact' : r.title_ok ? 'ok' : 'WRONG';
  console.log(`${r.id.padEnd(34)} ${r.group.padEnd(11)}  ${pct(r.precision)}  ${pct(r.recall)}  ${pct(r.f1)}  ${pct(r.naive_f1)}  ${title}${r.error ? `  ${r.error}` : ''}`);
}

const groups = { en: ['en'], 'latin-other': ['latin-other'], latin: ['en', 'latin-other'], zh: ['zh'], all: ['en', 'latin-other', 'zh'] };
const summary = Object.fromEntries(
  Object.entries(groups).map(([name, members]) => {
    const rows = results.filter((r) => members.includes(r.group));
    const titled = rows.filter((r) => r.title_ok !== null);
    return [name, {
      pages: rows.length,
      precision: round(mean(rows.map((r) => r.precision))),
      recall: round(mean(rows.map((r) => r.recall))),
      f1: round(mean(rows.map((r) => r.f1))),
      naive_f1: round(mean(rows.map((r) => r.naive_f1))),
      title_exact: round(titled.filter((r) => r.title_exact).length / Math.max(1, titled.length)),
      title_ok: round(titled.filter((r) => r.title_ok).length / Math.max(1, titled.length)),
      titled_pages: titled.length,
    }];
  }),
);
console.log('\nmean over pages      pages  P      R      F1     naive F1  title exact / ok (of n)');
for (const [name, s] of Object.entries(summary)) {
  console.log(`${name.padEnd(20)} ${String(s.pages).padStart(5)}  ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${pct(s.naive_f1)}     ${pct(s.title_exact)} / ${pct(s.title_ok)} (${s.titled_pages})`);
}
const goal = summary.en && summary.zh && summary.en.f1 >= 0.95 && summary.zh.f1 >= 0.95;
console.log(`\ngoal F1 ≥ 0.95 on English and on Chinese pages separately: ${goal ? 'met' : 'NOT met'}`);
console.log(JSON.stringify({ summary, ms_per_page: round(extractMs / pages.length), pages: results.map((r) => ({ ...r, precision: round(r.precision), recall: round(r.recall), f1: round(r.f1), naive_f1: round(r.naive_f1) })) }, null, 2));

/**
 * Exact: same text once case and spacing are ignored. OK: also when the expected title still
 * carries the site or section name that we strip ("标题_科技_腾讯网" or "Title [Site]" against "标题", "Title").
 */
function titleScore(title: string, page: BenchPage): Pick<PageResult, 'title_exact' | 'title_ok'> {
  if (!page.expectedTitle) return { title_exact: null, title_ok: null };
  const norm = (text: string): string => text.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
  const exact = norm(title) === norm(page.expectedTitle);
  const ours = norm(title);
  const expected = norm(page.expectedTitle);
  const suffixOnly = expected.startsWith(ours) && /^\s*[[(|_\-–—:@]/.test(expected.slice(ours.length));
  return { title_exact: exact, title_ok: exact || suffixOnly || ours === norm(stripSiteName(page.expectedTitle, page.expectedSiteName ?? undefined)) };
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
