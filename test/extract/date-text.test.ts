import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../collectors/mentions/extract/date-text.ts';

const iso = (text: string, zone = 'Asia/Shanghai', anywhere = false): string | undefined => parseDateText(text, zone, anywhere)?.toISOString();

describe('parseDateText', () => {
  it('reads ISO 8601 with an offset or Z, colon or not', () => {
    expect(iso('2021-11-01T10:52:50+0100')).toBe('2021-11-01T09:52:50.000Z');
    expect(iso('2019-01-03T07:00:02.000Z')).toBe('2019-01-03T07:00:02.000Z');
    expect(iso('2024-03-05T10:20:00+08:00', 'UTC')).toBe('2024-03-05T02:20:00.000Z');
  });

  it('reads Chinese dates as wall-clock time in the given zone', () => {
    expect(iso('2019年03月05日 10:20')).toBe('2019-03-05T02:20:00.000Z');
    expect(iso('2019年3月5日10时20分')).toBe('2019-03-05T02:20:00.000Z');
    expect(iso('2019年03月05日')).toBe('2019-03-04T16:00:00.000Z');
    expect(iso('2019-03-05 10:20:30')).toBe('2019-03-05T02:20:30.000Z');
    expect(iso('2019/3/5 10:20')).toBe('2019-03-05T02:20:00.000Z');
    expect(iso('2019-03-05 10:20', 'UTC')).toBe('2019-03-05T10:20:00.000Z');
  });

  it('finds a date inside a byline only when asked to', () => {
    expect(iso('来源：泉城日报 2019年03月05日 10:20 作者：张明远', 'Asia/Shanghai', true)).toBe('2019-03-05T02:20:00.000Z');
    expect(iso('TNW中文站2016年10月14日07:17', 'Asia/Shanghai', true)).toBe('2016-10-13T23:17:00.000Z');
    expect(iso('发表于 2024-08-20 21:15', 'Asia/Shanghai', true)).toBe('2024-08-20T13:15:00.000Z');
    expect(iso('来源：泉城日报 2019-03-05')).toBeUndefined();
  });

  it('reads English dates, with a zone or in the given zone', () => {
    expect(iso('Fri, 24 Jul 2015 05:36:09 GMT')).toBe('2015-07-24T05:36:09.000Z');
    expect(iso('April 28, 2019', 'UTC')).toBe('2019-04-28T00:00:00.000Z');
  });

  it('refuses impossible and implausible dates', () => {
    expect(iso('2019-02-30')).toBeUndefined();
    expect(iso('1900-01-01')).toBeUndefined();
    expect(iso('3024-01-01')).toBeUndefined();
    expect(iso('no date here')).toBeUndefined();
  });
});
