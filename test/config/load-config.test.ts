import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/errors.ts';
import { loadConfig } from '../../config/load.ts';

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'talentpulse-config-')), 'talentpulse.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadConfig', () => {
  it('loads the shipped configuration with its defaults, frozen', () => {
    const config = loadConfig({});
    expect(config.timezone).toBe('Asia/Shanghai');
    expect(config.communities.map((c) => c.id)).toContain('lixia-intl');
    expect(config.server.port).toBe(3000);
    expect(config.privacy.min_cell).toBe(5);
    expect(Object.isFrozen(config.server)).toBe(true);
  });

  it('takes DATABASE_URL, PORT and the data folder from the environment', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db', PORT: '4100', TALENTPULSE_DATA_DIR: '/tmp/tp', TALENTPULSE_DEMO: '0' });
    expect(config.database.url).toBe('postgres://x@127.0.0.1/db');
    expect(config.server.port).toBe(4100);
    expect(config.database.data_dir).toBe('/tmp/tp');
    expect(config.demo.enabled).toBe(false);
  });

  it('names the file, the key and what was expected when a value is wrong', () => {
    const file = configFile('server:\n  port: "three thousand"\n');
    expect(() => loadConfig({}, file)).toThrow(ConfigError);
    expect(() => loadConfig({}, file)).toThrow(new RegExp(`${file}: server\\.port: .*number`));
  });

  it('names the file when it is not YAML, and when it does not exist', () => {
    const broken = configFile('communities: [\n');
    expect(() => loadConfig({}, broken)).toThrow(new RegExp(broken));
    expect(() => loadConfig({}, '/nonexistent/talentpulse.yaml')).toThrow(/\/nonexistent\/talentpulse.yaml: configuration file not found/);
  });

  it('refuses a source that points at an unknown community', () => {
    const file = configFile('communities:\n  - { id: a, name_zh: 甲, name_en: A }\nsources:\n  - { id: s, kind: feed, community: b, url: "http://127.0.0.1/x.xml" }\n');
    expect(() => loadConfig({}, file)).toThrow(/sources\.0\.community: unknown community "b"/);
  });

  it('refuses a PORT that is not a number', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT: expected a port number, got "abc"/);
  });
});
