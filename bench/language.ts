/**
 * `npm run bench:language`: language detection on short texts. The candidate libraries (eld in two
 * sizes, tinyld, franc-min), each restricted to our plausible languages, side by side with
 * detectLanguage built on each of them (script fast path + English word evidence + the library).
 * Short texts come from ../shared/data/sentiment (zh and en; skipped with a message when absent)
 * and from our own sentences (bench/language-samples.ts) for the other languages.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectDir } from '../config/paths.ts';
import { ownSamples } from './language-samples.ts';

const timed = async <T>(load: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const value = await load();
  return [value, performance.now() - started];
};
// Loaded one by one, before anything else, so that each load time is the library's own.
const [eldSmall, eldSmallMs] = await timed(() => import('eld/small'));
const [eldLarge, eldLargeMs] = await timed(() => import('eld/large'));
const [tinyld, tinyldMs] = await timed(() => import('tinyld'));
const [franc, francMs] = await timed(() => import('franc-min'));
const { DEFAULT_LANGUAGES, createLanguageDetector } = await import('../pipeline/scoring/language.ts');
const { SharedDataMissingError, loadSet, requireSharedData } = await import('../scripts/sentiment/data.ts');
const { scoreSentiment } = await import('../pipeline/scoring/sentiment.ts');

type Guess = (text: string, languages: readonly string[]) => { language: string; reliable: boolean };

function eldOf(instance: typeof eldSmall.eld): Guess {
  instance.setLanguageSubset([...DEFAULT_LANGUAGES]);
  return (text) => {
    const result = instance.detect(text);
    return { language: result.language, reliable: result.isReliable() };
  };
}
// tinyld and franc have no reliability flag of their own: a clear lead over the runner-up stands in for it.
const lead = (ranked: readonly (readonly [string, number])[]) => (ranked[0]?.[1] ?? 0) > 1.5 * (ranked[1]?.[1] ?? 0);
// franc speaks ISO 639-3; these are the codes of our plausible languages it knows.
const iso3: Record<string, string> = { cmn: 'zh', eng: 'en', jpn: 'ja', kor: 'ko', rus: 'ru', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', arb: 'ar', vie: 'vi', tha: 'th', zlm: 'ms', hin: 'hi', urd: 'ur', tur: 'tr', nld: 'nl', pol: 'pl', ukr: 'uk', pes: 'fa' };
const francOnly = Object.keys(iso3);
const guesses: Record<string, { guess: Guess; loadMs: number; pkg: string }> = {
  'eld small': { guess: eldOf(eldSmall.eld), loadMs: eldSmallMs, pkg: 'eld' },
  'eld large': { guess: eldOf(eldLarge.eld), loadMs: eldLargeMs, pkg: 'eld' },
  tinyld: {
    guess: (text) => {
      const ranked = tinyld.detectAll(text, { only: [...DEFAULT_LANGUAGES] }).map((r) => [r.lang, r.accuracy] as const);
      return { language: ranked[0]?.[0] ?? '', reliable: lead(ranked) };
    },
    loadMs: tinyldMs,
    pkg: 'tinyld',
  },
  'franc-min': {
    // francAll scores the best 1 and the others below it: clear when the runner-up is under 0.9.
    guess: (text) => {
      const ranked = franc.francAll(text, { only: francOnly, minLength: 1 });
      const best = ranked[0]?.[0];
      return { language: best === undefined ? '' : (iso3[best] ?? ''), reliable: (ranked[1]?.[1] ?? 0) < 0.9 };
    },
    loadMs: francMs,
    pkg: 'franc-min',
  },
};

function folderBytes(path: string): number {
  if (!statSync(path).isDirectory()) return statSync(path).size;
  return readdirSync(path).reduce((sum, name) => sum + folderBytes(join(path, name)), 0);
}

// Short texts: English of one to five words; the first clause of a Chinese text, at most ten characters.
const sample = (texts: string[], n: number) => texts.filter((_, i) => i % Math.max(1, Math.floor(texts.length / n)) === 0).slice(0, n);
const sets: [string, string, string[]][] = Object.entries(ownSamples).map(([lang, texts]) => [`${lang} (ours)`, lang, [...texts]]);
try {
  requireSharedData();
  const en = ['sst2', 'tweets', 'amazon'].flatMap((s) => loadSet(s)).map((e) => e.text).filter((t) => /[a-z]/i.test(t) && t.split(/\s+/).length <= 5);
  const zh = ['waimai', 'shopping', 'weibo'].flatMap((s) => loadSet(s)).map((e) => (e.text.split(/[，。！？,.!?\s]/)[0] ?? '').slice(0, 10)).filter((t) => t.length >= 2);
  sets.unshift(['en short (shared)', 'en', sample(en, 3000)], ['zh short (shared)', 'zh', sample(zh, 3000)]);
} catch (error) {
  if (!(error instanceof SharedDataMissingError)) throw error;
  console.log(`shared sets skipped: ${error.message}\n(only our own sentences below)`);
}

function run(name: string, detect: (text: string) => string): void {
  const cells = sets.map(([, lang, texts]) => texts.filter((t) => detect(t) === lang).length / texts.length);
  const all = sets.flatMap(([, , texts]) => texts);
  let best = 0;
  for (let pass = 0; pass < 3; pass += 1) {
    const started = performance.now();
    for (const text of all) detect(text);
    best = Math.max(best, all.length / ((performance.now() - started) / 1000));
  }
  console.log(`${name.padEnd(26)} ${cells.map((c) => c.toFixed(3).padStart(7)).join('')} ${String(Math.round(best)).padStart(9)}`);
}

console.log(`plausible languages: ${DEFAULT_LANGUAGES.join(' ')}`);
console.log(`\naccuracy per set (n) and texts/s (best of 3 passes over all sets):`);
console.log(`${''.padEnd(26)} ${sets.map(([name]) => name.split(' ')[0]!.padStart(7)).join('')} ${'texts/s'.padStart(9)}`);
console.log(`${'n'.padEnd(26)} ${sets.map(([, , t]) => String(t.length).padStart(7)).join('')}`);
for (const [name, { guess }] of Object.entries(guesses)) run(`${name} alone`, (text) => guess(text, DEFAULT_LANGUAGES).language);
for (const [name, { guess }] of Object.entries(guesses)) {
  const detect = createLanguageDetector(guess);
  run(`detectLanguage + ${name}`, (text) => detect(text));
}
console.log('\nlibrary load time (first import, this run) and installed size:');
for (const [name, { loadMs, pkg }] of Object.entries(guesses)) {
  const dir = resolve(projectDir, 'node_modules', pkg);
  console.log(`${name.padEnd(12)} ${loadMs.toFixed(0).padStart(6)} ms   ${existsSync(dir) ? (folderBytes(dir) / 1e6).toFixed(1) : '?'} MB (${pkg}, whole package)`);
}

// Mixed text is scored by both models: its cost against one model on the same texts, in this run.
const mixed = ['签证 office 的服务 really bad，等了三个月', 'The 12345 hotline 态度很好', '人才卡办不了，nobody answers', '服务不错，但是签证太慢，打12345没人回复。The staff were not helpful.', '周末的中秋活动 was a total waste of time'];
function perSecond(run: (text: string) => unknown): number {
  let best = 0;
  for (let pass = 0; pass < 5; pass += 1) {
    const started = performance.now();
    for (let i = 0; i < 2000; i += 1) for (const text of mixed) run(text);
    best = Math.max(best, (2000 * mixed.length) / ((performance.now() - started) / 1000));
  }
  return best;
}
const both = perSecond((text) => scoreSentiment(text));
const one = perSecond((text) => scoreSentiment(text, { lang: 'zh' }));
console.log(`\nmixed zh-en texts: ${both.toFixed(0)}/s scored in both languages, ${one.toFixed(0)}/s by the Chinese model alone → ${(both / one).toFixed(2)}×`);
