import { dirname, resolve } from 'node:path';
import { ConfigError } from './errors.ts';
import { loadInstrument } from './instrument.ts';
import type { Config } from './schema.ts';
import { loadTicketMapping } from './ticket-mapping.ts';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Finishes the API and webhook sources of a validated configuration, in place: instrument and
 * mapping paths resolved against the configuration file's folder (and loaded once, so a bad one
 * stops the start), secrets read from their environment variables, ids checked for clashes.
 */
export function resolveRemoteSources(config: Config, file: string, env: Env): void {
  const base = dirname(file);
  const communities = new Set(config.communities.map((c) => c.id));
  const fail = (key: string, message: string) => {
    throw new ConfigError(`${file}: ${key}: ${message}`);
  };
  const secret = (key: string, inline: string | undefined, variable: string | undefined, required: boolean): string | undefined => {
    if (variable !== undefined) {
      const value = env[variable];
      if (!value) fail(key, `environment variable ${variable} is not set`);
      return value;
    }
    if (inline === undefined && required) fail(key, 'a secret is needed: name its environment variable');
    return inline;
  };
  const community = (key: string, id: string) => {
    if (!communities.has(id)) fail(key, `unknown community "${id}" (known: ${[...communities].join(', ') || 'none'})`);
  };

  const ids = new Map<string, string>(config.sources.map((source, i) => [source.id, `sources.${i}`]));
  const claim = (key: string, id: string) => {
    const first = ids.get(id);
    if (first !== undefined) fail(`${key}.id`, `"${id}" is already the id of ${first}`);
    ids.set(id, key);
  };

  config.survey_sources.forEach((source, i) => {
    const key = `survey_sources.${i}`;
    claim(key, source.id);
    source.instrument = resolve(base, source.instrument);
    community(`${key}.instrument`, loadInstrument(source.instrument).community);
    source.token = secret(`${key}.token_env`, source.token, source.token_env, true);
  });
  config.ticket_sources.forEach((source, i) => {
    const key = `ticket_sources.${i}`;
    claim(key, source.id);
    source.mapping = resolve(base, source.mapping);
    community(`${key}.mapping`, loadTicketMapping(source.mapping).community);
    if (source.page_param && source.next_field) fail(key, 'page_param and next_field: choose one way of paging');
    if (source.auth) source.auth.value = secret(`${key}.auth.value_env`, source.auth.value, source.auth.value_env, true);
  });
  const hooks = new Map<string, number>();
  config.surveys.forEach((hook, i) => {
    const key = `surveys.${i}`;
    hook.instrument = resolve(base, hook.instrument);
    const instrument = loadInstrument(hook.instrument);
    community(`${key}.instrument`, instrument.community);
    const first = hooks.get(instrument.id);
    if (first !== undefined) fail(`${key}.instrument`, `instrument "${instrument.id}" already has a webhook at surveys.${first}`);
    hooks.set(instrument.id, i);
    hook.webhook_secret = secret(`${key}.webhook_secret_env`, hook.webhook_secret, hook.webhook_secret_env, true);
    if ((hook.webhook_secret?.length ?? 0) < 16) fail(`${key}.webhook_secret_env`, 'the secret must have at least 16 characters');
  });
}
