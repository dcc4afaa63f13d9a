// Writes config/holidays/cn.yaml (法定节假日 and 调休 make-up working days) from the chinese-days
// package's tables, one block per festival, so operators edit a readable file and not code.
// Usage: npx tsx scripts/holidays-from-chinese-days.ts [FIRST_YEAR] [LAST_YEAR]   (default 2024 2026)
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const tables = require('chinese-days/dist/chinese-days.json') as Record<'holidays' | 'workdays', Record<string, string>>;
const first = Number(process.argv[2] ?? 2024);
const last = Number(process.argv[3] ?? 2026);

/** Consecutive days as 'A..B' ranges, single days as themselves. */
function ranges(days: string[]): string[] {
  const out: string[] = [];
  let start: string | undefined;
  let previous: string | undefined;
  const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const day of [...days].sort()) {
    if (start !== undefined && previous !== undefined && next(previous) === day) {
      previous = day;
      continue;
    }
    if (start !== undefined && previous !== undefined) out.push(start === previous ? start : `${start}..${previous}`);
    start = previous = day;
  }
  if (start !== undefined && previous !== undefined) out.push(start === previous ? start : `${start}..${previous}`);
  return out;
}

const lines = [
  '# Chinese public holidays (法定节假日, days off, weekends inside a break included) and 调休',
  '# make-up working days (weekend days that are working days), per year and festival, as the',
  '# State Council announces them each winter. Generated from the chinese-days package by',
  '# scripts/holidays-from-chinese-days.ts; edit freely: add next year when it is announced, or',
  '# override single days in talentpulse.yaml (working_time.holidays / working_time.workdays).',
  '# Days: YYYY-MM-DD, or a range YYYY-MM-DD..YYYY-MM-DD (both ends included).',
  'years:',
];
for (let year = first; year <= last; year++) {
  const festivals = new Map<string, { off: string[]; work: string[] }>();
  for (const kind of ['holidays', 'workdays'] as const) {
    for (const [day, label] of Object.entries(tables[kind])) {
      if (!day.startsWith(`${year}-`)) continue;
      const name = label.split(',')[1] ?? label;
      const entry = festivals.get(name) ?? { off: [], work: [] };
      (kind === 'holidays' ? entry.off : entry.work).push(day);
      festivals.set(name, entry);
    }
  }
  if (festivals.size === 0) throw new Error(`chinese-days has no holidays for ${year}`);
  lines.push(`  ${year}:`);
  const ordered = [...festivals].sort((a, b) => (a[1].off[0] ?? a[1].work[0] ?? '').localeCompare(b[1].off[0] ?? b[1].work[0] ?? ''));
  for (const [name, { off, work }] of ordered) {
    const parts = [`off: [${ranges(off).join(', ')}]`, ...(work.length > 0 ? [`work: [${ranges(work).join(', ')}]`] : [])];
    lines.push(`    ${name}: { ${parts.join(', ')} }`);
  }
}
const file = resolve(import.meta.dirname, '../config/holidays/cn.yaml');
writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`wrote ${file} (${first}–${last})`);
