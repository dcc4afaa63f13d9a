import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileKeywordFilter } from '../../collectors/mentions/crawl/keyword-rules.ts';
import { loadInstrument } from '../../config/instrument.ts';
import { loadConfig } from '../../config/load.ts';
import { loadTicketMapping } from '../../config/ticket-mapping.ts';

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

describe('the README on API sources', () => {
  it('shows survey_sources, ticket_sources and surveys that load as written', () => {
    const section = readme.split('## Surveys and tickets over APIs and webhooks')[1] ?? '';
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    // The example's paths are relative to config/, where talentpulse.yaml lives.
    const file = resolve(import.meta.dirname, '../../config', `readme-example-${process.pid}.yaml`);
    writeFileSync(file, `communities:\n  - { id: lixia-intl, name_zh: 历下, name_en: Lixia }\n${yaml}`);
    try {
      const config = loadConfig({ KOBO_TOKEN: 't', DESK_TOKEN: 'd', SURVEY_HOOK_SECRET: 's'.repeat(16) }, file);
      expect(config.survey_sources.map((s) => s.id)).toEqual(['kobo-resident']);
      expect(config.ticket_sources[0]?.auth?.value).toBe('d');
      expect(config.surveys).toHaveLength(1);
    } finally {
      rmSync(file);
    }
  });
});

describe('the README on worked examples', () => {
  // Each shell block that sets TALENTPULSE_CONFIG must run as written: the configuration it names
  // loads and knows the community of every instrument and ticket mapping the block imports with.
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => b.includes('TALENTPULSE_CONFIG='));
  const root = resolve(import.meta.dirname, '../..');

  it('has worked examples to check', () => expect(blocks.length).toBeGreaterThanOrEqual(2));

  it.each(blocks.map((b) => [/TALENTPULSE_CONFIG=(\S+)/.exec(b)![1]!, b]))('%s knows the communities its block imports into', (configFile, block) => {
    const communities = new Set(loadConfig({}, resolve(root, configFile)).communities.map((c) => c.id));
    const used = [
      ...[...block.matchAll(/--instrument (\S+\.yaml)/g)].map((m) => loadInstrument(resolve(root, m[1]!)).community),
      ...[...block.matchAll(/--mapping (\S+\.yaml)/g)].map((m) => loadTicketMapping(resolve(root, m[1]!)).community),
    ];
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect([...communities]).toContain(id);
  });
});
