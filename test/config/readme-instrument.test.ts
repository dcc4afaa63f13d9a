import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../../config/instrument.ts';

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe('the README', () => {
  it('shows a survey instrument that loads as written, its community from the configuration', () => {
    const section = readme.split('## Survey and hotline imports')[1] ?? '';
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const file = join(mkdtempSync(join(tmpdir(), 'talentpulse-readme-')), 'instrument.yaml');
    writeFileSync(file, yaml ?? '');
    expect(() => loadInstrument(file)).toThrow(/instrument\.yaml: community: required/);
    const instrument = loadInstrument(file, { community: 'lixia-intl' });
    expect(instrument).toMatchObject({ id: 'csat-2024', community: 'lixia-intl', file: { format: 'xlsx', sheet: 'CLEAN', dialect: 'plain', header_rows: 1 } });
    expect(instrument.questions.map((q) => [q.id, q.scale.type])).toEqual([
      ['overall', 'likert'],
      ['recommend', 'nps'],
      ['needs', 'multi'],
      ['desk_rating', 'haochaping'],
    ]);
  });
});
