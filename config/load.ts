import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from './errors.ts';
import { checkNotifications, resolveNotificationSecrets } from './notification-secrets.ts';
import { configDir } from './paths.ts';
import { resolveRemoteSources } from './remote-sources.ts';
import { configSchema, type Config } from './schema.ts';
import { readYamlFile } from './yaml-file.ts';

export type Env = Readonly<Record<string, string | undefined>>;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function applyEnv(raw: unknown, env: Env, file: string): unknown {
  const config = (raw && typeof raw === 'object' ? structuredClone(raw) : {}) as Record<string, Record<string, unknown>>;
  const section = (name: string) => (config[name] ??= {});
  if (env.DATABASE_URL) section('database').url = env.DATABASE_URL;
  if (env.TALENTPULSE_DB_SCHEMA) section('database').schema = env.TALENTPULSE_DB_SCHEMA;
  if (env.TALENTPULSE_DATA_DIR) section('database').data_dir = env.TALENTPULSE_DATA_DIR;
  if (env.TALENTPULSE_SECRET) section('privacy').pseudonym_key = env.TALENTPULSE_SECRET;
  if (env.PORT !== undefined && env.PORT !== '') {
    const port = Number(env.PORT);
    if (!Number.isInteger(port)) throw new ConfigError(`PORT: expected a port number, got "${env.PORT}"`);
    section('server').port = port;
  }
  if (env.TALENTPULSE_DEMO !== undefined) section('demo').enabled = env.TALENTPULSE_DEMO !== '0' && env.TALENTPULSE_DEMO !== 'false';
  resolveNotificationSecrets(config, env, file);
  return config;
}

/**
 * Loads the configuration once: the YAML file (TALENTPULSE_CONFIG, else config/talentpulse.yaml),
 * then environment overrides, validated and frozen.
 */
export function loadConfig(env: Env = process.env, file?: string): Readonly<Config> {
  const path = resolve(file ?? env.TALENTPULSE_CONFIG ?? resolve(configDir, 'talentpulse.yaml'));
  if (!existsSync(path)) throw new ConfigError(`${path}: configuration file not found (set TALENTPULSE_CONFIG or create it)`);
  const config = readYamlFile(path, configSchema, (raw) => applyEnv(raw, env, path));
  checkNotifications(config, path);
  const communityIds = new Set(config.communities.map((c) => c.id));
  const sourceIds = new Map<string, number>();
  config.sources.forEach((source, i) => {
    const first = sourceIds.get(source.id);
    if (first !== undefined) throw new ConfigError(`${path}: sources.${i}.id: "${source.id}" is already the id of sources.${first}`);
    sourceIds.set(source.id, i);
    if (!communityIds.has(source.community)) {
      throw new ConfigError(`${path}: sources.${i}.community: unknown community "${source.community}" (known: ${[...communityIds].join(', ') || 'none'})`);
    }
  });
  resolveRemoteSources(config, path, env);
  return deepFreeze(config);
}
