import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { afterQuietHours } from '../../dashboard/notifications/quiet-hours.ts';
import { dingtalkSign } from '../../dashboard/notifications/senders/robots.ts';
import { loadConfig } from '../../config/load.ts';

function configFile(yaml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'talentpulse-notify-')), 'talentpulse.yaml');
  writeFileSync(file, `communities:\n  - { id: c1, name_zh: 社区, name_en: Community }\n${yaml}`);
  return file;
}

const notifications = `
notifications:
  smtp: { host: 127.0.0.1, port: 2525, user: alerts, password_env: TP_SMTP_PASSWORD, from: alerts@tp.example.test }
  people:
    - { name: 王芳, email: wang@tp.example.test, quiet_hours: "22:00-08:00", escalation_order: 1 }
  channels:
    - { id: ops-hook, kind: webhook, url: "http://127.0.0.1:9/hook", secret_env: TP_HOOK_SECRET }
    - { id: comms-wecom, kind: wecom, url_env: TP_WECOM_URL }
`;

describe('notification settings', () => {
  it('take their secrets from the environment variables they name', () => {
    const config = loadConfig({ TP_SMTP_PASSWORD: 'pw', TP_HOOK_SECRET: 'hs', TP_WECOM_URL: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k' }, configFile(notifications));
    expect(config.notifications.smtp?.password).toBe('pw');
    expect(config.notifications.channels.map((c) => [c.id, c.url, 'secret' in c ? c.secret : undefined])).toEqual([
      ['ops-hook', 'http://127.0.0.1:9/hook', 'hs'],
      ['comms-wecom', 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k', undefined],
    ]);
    expect(config.notifications.people[0]).toMatchObject({ min_grade: 'orange', lang: 'zh', digest: true });
    expect(config.notifications.red_overrides_quiet_hours).toBe(true);
  });

  it('fail at start naming the setting: an unset secret, bad quiet hours, e-mail without SMTP', () => {
    const file = configFile(notifications);
    expect(() => loadConfig({ TP_SMTP_PASSWORD: 'pw', TP_WECOM_URL: 'http://127.0.0.1/x' }, file)).toThrow(/notifications\.channels\.0\.secret_env: environment variable TP_HOOK_SECRET is not set/);
    expect(() => loadConfig({}, configFile('notifications:\n  smtp: { host: h, from: a@tp.example.test }\n  people:\n    - { name: a, email: a@tp.example.test, quiet_hours: "10pm-8am" }\n'))).toThrow(/notifications\.people\.0\.quiet_hours: HH:MM-HH:MM/);
    expect(() => loadConfig({}, configFile('notifications:\n  people:\n    - { name: a, email: a@tp.example.test }\n'))).toThrow(/notifications\.people\.0\.email: e-mail needs notifications\.smtp/);
    expect(() => loadConfig({}, configFile('notifications:\n  channels:\n    - { id: h, kind: webhook, url: "http://127.0.0.1/h" }\n'))).toThrow(/notifications\.channels\.0\.secret_env: a webhook channel needs a signing secret/);
  });
});

describe('quiet hours', () => {
  const shanghai = (iso: string) => new Date(`${iso}+08:00`);
  it('defer to their end in the recipient’s zone, across midnight', () => {
    expect(afterQuietHours(shanghai('2026-11-30T23:10:30'), '22:00-08:00', 'Asia/Shanghai')).toEqual(shanghai('2026-12-01T08:00:00'));
    expect(afterQuietHours(shanghai('2026-12-01T07:59:00'), '22:00-08:00', 'Asia/Shanghai')).toEqual(shanghai('2026-12-01T08:00:00'));
    expect(afterQuietHours(shanghai('2026-12-01T08:00:00'), '22:00-08:00', 'Asia/Shanghai')).toEqual(shanghai('2026-12-01T08:00:00'));
    expect(afterQuietHours(shanghai('2026-12-01T12:30:00'), '12:00-13:30', 'Asia/Shanghai')).toEqual(shanghai('2026-12-01T13:30:00'));
    expect(afterQuietHours(shanghai('2026-12-01T12:30:00'), undefined, 'Asia/Shanghai')).toEqual(shanghai('2026-12-01T12:30:00'));
    // 23:00 in Shanghai is 16:00 in Berlin: not quiet there.
    expect(afterQuietHours(shanghai('2026-11-30T23:00:00'), '22:00-08:00', 'Europe/Berlin')).toEqual(shanghai('2026-11-30T23:00:00'));
  });
});

describe('the DingTalk signature', () => {
  it('matches the documented example computation (HMAC-SHA256 of timestamp\\nsecret, base64, URL-encoded)', () => {
    const sign = dingtalkSign(1_700_000_000_000, 'SECxyz');
    expect(decodeURIComponent(sign)).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(sign).not.toMatch(/[+/=]/);
  });
});

describe('the README', () => {
  it('shows a notifications example that loads as written', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split('## Alert workflow and notices')[1] ?? '';
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const env = { TALENTPULSE_SMTP_PASSWORD: 'pw', TALENTPULSE_WECOM_URL: 'https://wecom.example.test/send?key=k', TALENTPULSE_DINGTALK_SECRET: 'SECd', TALENTPULSE_WEBHOOK_SECRET: 'w' };
    const config = loadConfig(env, configFile(yaml));
    expect(config.notifications.people.map((p) => [p.name, p.min_grade, p.escalation_order])).toEqual([['王芳', 'orange', 1], ['Ann Lee', 'red', 2]]);
    expect(config.notifications.channels.map((c) => c.kind)).toEqual(['wecom', 'dingtalk', 'webhook']);
  });
});
