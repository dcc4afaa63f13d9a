import { ConfigError } from './errors.ts';
import type { Config } from './schema.ts';

type Env = Readonly<Record<string, string | undefined>>;
type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Copies the variable `from` names into `to`; an unset variable fails naming the setting. */
function fill(entry: Raw, from: string, to: string, where: string, file: string, env: Env): void {
  const name = entry[from];
  if (typeof name !== 'string') return;
  const value = env[name];
  if (value === undefined || value === '') throw new ConfigError(`${file}: ${where}.${from}: environment variable ${name} is not set`);
  entry[to] = value;
}

/**
 * Secrets (SMTP password, robot signing secrets, webhook URLs that carry a key) are named in the
 * file by environment variable and resolved here, before validation, so the file holds none.
 */
export function resolveNotificationSecrets(raw: Raw, env: Env, file: string): void {
  const section = raw.notifications;
  if (!isRecord(section)) return;
  if (isRecord(section.smtp)) fill(section.smtp, 'password_env', 'password', 'notifications.smtp', file, env);
  if (!Array.isArray(section.channels)) return;
  section.channels.forEach((channel: unknown, i) => {
    if (!isRecord(channel)) return;
    fill(channel, 'secret_env', 'secret', `notifications.channels.${i}`, file, env);
    fill(channel, 'url_env', 'url', `notifications.channels.${i}`, file, env);
  });
}

/** What one setting cannot say alone: unique names, an SMTP server for e-mail, a URL and secret per channel. */
export function checkNotifications(config: Config, file: string): void {
  const n = config.notifications;
  const names = new Map<string, string>();
  const claim = (name: string, where: string) => {
    const first = names.get(name);
    if (first) throw new ConfigError(`${file}: ${where}: "${name}" is already used by ${first}`);
    names.set(name, where);
  };
  const orders = new Map<number, number>();
  n.people.forEach((person, i) => {
    claim(person.name, `notifications.people.${i}.name`);
    if (!n.smtp) throw new ConfigError(`${file}: notifications.people.${i}.email: e-mail needs notifications.smtp (host, port, from)`);
    if (person.escalation_order !== undefined) {
      const first = orders.get(person.escalation_order);
      if (first !== undefined) throw new ConfigError(`${file}: notifications.people.${i}.escalation_order: ${person.escalation_order} is already notifications.people.${first}'s`);
      orders.set(person.escalation_order, i);
    }
  });
  n.channels.forEach((channel, i) => {
    claim(channel.id, `notifications.channels.${i}.id`);
    if (!channel.url) throw new ConfigError(`${file}: notifications.channels.${i}: needs url or url_env`);
    if (channel.kind === 'webhook' && !channel.secret) throw new ConfigError(`${file}: notifications.channels.${i}.secret_env: a webhook channel needs a signing secret`);
  });
}
