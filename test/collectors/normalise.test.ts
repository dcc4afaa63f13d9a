import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../../config/instrument.ts';
import { loadTicketMapping } from '../../config/ticket-mapping.ts';
import { canonicalUrl } from '../../collectors/mentions/canonical-url.ts';
import { languageOfText } from '../../collectors/mentions/extract/language.ts';
import { parseLocalDateTime } from '../../collectors/shared/local-time.ts';
import { scoreAnswer } from '../../collectors/survey/score-answer.ts';

describe('canonicalUrl', () => {
  it('drops fragments and tracking parameters and sorts the rest', () => {
    expect(canonicalUrl('HTTPS://News.Example.org:443/a?utm_source=x&b=2&fbclid=y&a=1#comments')).toBe('https://news.example.org/a?a=1&b=2');
    expect(canonicalUrl('https://mp.example.cn/s?__biz=MzA&mid=1&scene=21&chksm=ab#wechat_redirect')).toBe('https://mp.example.cn/s?__biz=MzA&mid=1');
    expect(canonicalUrl('/p/1?spm=a.b', 'https://site.example/feed')).toBe('https://site.example/p/1');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(canonicalUrl('mailto:someone@example.org')).toBeUndefined();
    expect(canonicalUrl('not a url')).toBeUndefined();
  });
});

describe('parseLocalDateTime', () => {
  it('reads wall-clock times in the given zone and ISO times with their offset', () => {
    expect(parseLocalDateTime('2026-03-01 09:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(parseLocalDateTime('2026/3/1 09:00:30', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-01T01:00:30.000Z');
    expect(parseLocalDateTime('2026-03-01', 'Asia/Shanghai')?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(parseLocalDateTime('2026-07-01 12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(parseLocalDateTime('2026-03-01T09:00:00Z', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });

  it('refuses impossible and unreadable dates', () => {
    for (const text of ['2026-02-30 10:00', '2026-13-01', '2026-03-01 24:10', 'yesterday', '01/03/2026', '']) {
      expect(parseLocalDateTime(text, 'Asia/Shanghai')).toBeUndefined();
    }
  });
});

describe('scoreAnswer', () => {
  const likert = { type: 'likert', min: 1, max: 5, labels: { 满意: 4 }, dont_know: ['不知道', 9], reverse: false } as const;
  it('maps Likert points and labels to 0–100, and reverses when asked', () => {
    expect(scoreAnswer({ ...likert, labels: { ...likert.labels }, dont_know: [...likert.dont_know] }, '满意')).toEqual({ ok: true, raw: '满意', score: 75 });
    expect(scoreAnswer({ ...likert, labels: {}, dont_know: [] }, '1')).toEqual({ ok: true, raw: '1', score: 0 });
    expect(scoreAnswer({ ...likert, labels: {}, dont_know: [], reverse: true }, '1')).toEqual({ ok: true, raw: '1', score: 100 });
    expect(scoreAnswer({ type: 'likert', min: 0, max: 10, labels: {}, dont_know: [], reverse: false }, '7')).toMatchObject({ score: 70 });
  });

  it('takes blank and "don\'t know" out of the base and rejects the unknown', () => {
    const scale = { ...likert, labels: { ...likert.labels }, dont_know: [...likert.dont_know] };
    expect(scoreAnswer(scale, ' ')).toEqual({ ok: true, raw: null, score: null });
    expect(scoreAnswer(scale, '9')).toEqual({ ok: true, raw: '9', score: null });
    expect(scoreAnswer(scale, '6')).toMatchObject({ ok: false, reason: '6 is outside 1–5' });
    expect(scoreAnswer(scale, 'meh')).toMatchObject({ ok: false });
    expect(scoreAnswer(scale, '3.5')).toMatchObject({ ok: false });
  });

  it('reads 好差评 levels by their standard names, the export\'s own words or 1–5, and rejects the rest', () => {
    const scale = { type: 'haochaping', labels: { 差: 2 }, dont_know: ['不清楚'] } as const;
    const haochaping = { ...scale, labels: { ...scale.labels }, dont_know: [...scale.dont_know] };
    expect(scoreAnswer(haochaping, '非常不满意')).toEqual({ ok: true, raw: '非常不满意', score: 0 });
    expect(scoreAnswer(haochaping, '差')).toMatchObject({ score: 25 });
    expect(scoreAnswer(haochaping, '基本满意')).toMatchObject({ score: 50 });
    expect(scoreAnswer(haochaping, 'Very satisfied')).toMatchObject({ score: 100 });
    expect(scoreAnswer(haochaping, '4')).toMatchObject({ score: 75 });
    expect(scoreAnswer(haochaping, '不清楚')).toEqual({ ok: true, raw: '不清楚', score: null });
    expect(scoreAnswer(haochaping, '一般')).toMatchObject({ ok: false, reason: expect.stringMatching(/unknown answer \(expected one of 非常不满意\/.*or a point 1–5\)/) });
    expect(scoreAnswer(haochaping, '0')).toMatchObject({ ok: false, reason: '0 is outside 1–5' });
  });

  it('reads a 问卷星 option with text typed beside it as the option, and keeps none of the text', () => {
    const scale = { type: 'likert', min: 1, max: 5, labels: { 满意: 4, 其他: 3 }, dont_know: ['不清楚'], reverse: false } as const;
    const wjx = { ...scale, labels: { ...scale.labels }, dont_know: [...scale.dont_know] };
    expect(scoreAnswer(wjx, '其他〖请打我电话13812345678〗')).toEqual({ ok: true, raw: '其他', score: 50 });
    expect(scoreAnswer(wjx, '不清楚〖没去过〗 ')).toEqual({ ok: true, raw: '不清楚', score: null });
    expect(scoreAnswer(wjx, '不好〖太慢〗')).toMatchObject({ ok: false, reason: expect.stringMatching(/^unknown answer/) });
  });

  it('keeps NPS on 0–100 in steps of ten', () => {
    expect(scoreAnswer({ type: 'nps', dont_know: [] }, '8')).toEqual({ ok: true, raw: '8', score: 80 });
    expect(scoreAnswer({ type: 'nps', dont_know: [] }, '11')).toMatchObject({ ok: false });
  });
});

describe('languageOfText, the crawl fallback when a page declares no language', () => {
  it('tells Chinese from English text', () => {
    expect(languageOfText('签证办理很快 visa')).toBe('zh');
    expect(languageOfText('The permit office in 济南 was quick')).toBe('en');
    expect(languageOfText('12345')).toBeNull();
  });
});

describe('instrument and mapping files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'talentpulse-config-'));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('fills defaults', () => {
    const instrument = loadInstrument(
      write('ok.yaml', 'id: s1\ncommunity: c\nsubmitted_at: When\nquestions:\n  - { id: q, column: Q, scale: { type: nps } }\n'),
    );
    expect(instrument).toMatchObject({ source: 'survey-s1', timezone: 'Asia/Shanghai', segments: {} });
    const mapping = loadTicketMapping(write('map.yaml', 'id: h\ncommunity: c\ncolumns: { external_id: ID, opened_at: Opened }\n'));
    expect(mapping).toMatchObject({ source: 'servicedesk-h', timezone: 'Asia/Shanghai', ratings: { 基本满意: 3 } });
  });

  it('names the file and the key of a bad setting', () => {
    const badScale = write('bad.yaml', 'id: s1\ncommunity: c\nsubmitted_at: When\nquestions:\n  - { id: q, column: Q, scale: { type: likert, min: 5, max: 1 } }\n');
    expect(() => loadInstrument(badScale)).toThrow(/bad\.yaml: questions\.0\.scale.*max must be greater than min/);
    const badLevel = write('level.yaml', 'id: s1\ncommunity: c\nsubmitted_at: When\nquestions:\n  - { id: q, column: Q, scale: { type: haochaping, labels: { 很差: 0 } } }\n');
    expect(() => loadInstrument(badLevel)).toThrow(/level\.yaml: questions\.0\.scale\.labels\.很差.*好差评 level 1–5/);
    const badCategory = write('cat.yaml', 'id: h\ncommunity: c\ncolumns: { external_id: ID, opened_at: Opened }\ncategories: { 催办: 催促 }\n');
    expect(() => loadTicketMapping(badCategory)).toThrow(/cat\.yaml: categories\.催办/);
    const badZone = write('zone.yaml', 'id: h\ncommunity: c\ntimezone: Mars/Olympus\ncolumns: { external_id: ID, opened_at: Opened }\n');
    expect(() => loadTicketMapping(badZone)).toThrow(/zone\.yaml: timezone: an IANA time zone/);
  });
});
