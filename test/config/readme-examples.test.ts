import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileKeywordFilter } from '../../collectors/mentions/crawl/keyword-rules.ts';
import { loadConfig } from '../../config/load.ts';

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe('the README', () => {
  it('shows online sources that load as written, keyword rules included', () => {
    const section = readme.split('## Online sources')[1] ?? '';
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const file = join(mkdtempSync(join(tmpdir(), 'talentpulse-readme-')), 'talentpulse.yaml');
    writeFileSync(file, `communities:\n  - { id: lixia-intl, name_zh: 历下, name_en: Lixia }\n${yaml}`);
    const config = loadConfig({}, file);
    expect(config.sources.map((s) => s.kind)).toEqual(['feed', 'list', 'page']);
    const filter = compileKeywordFilter(config.sources[0]!);
    expect(filter.check('Jinan welcomes foreign talent to the new service hall').kept).toBe(true);
    expect(filter.check('外籍人才服务大厅 促销活动').kept).toBe(false);
  });
});
