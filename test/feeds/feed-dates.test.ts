import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../collectors/mentions/feeds/index.ts';

describe('parseFeedDate', () => {
  it.each([
    ['Thu, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21Z'],
    ['Mon, 02 Mar 2026 08:00:00 +0800', '2026-03-02T00:00:00Z'],
    ['Wed, 31 Dec 2003 10:14:55 EST', '2003-12-31T15:14:55Z'],
    ['Wed, 31 Dec 2003 10:14:55 PDT', '2003-12-31T17:14:55Z'],
    ['31 Dec 03 10:14 GMT', '2003-12-31T10:14:00Z'],
    ['Wed,31 Dec 2003 10:14:55 +05:30', '2003-12-31T04:44:55Z'],
    ['Thu, 1 January 2004 19:48:21 UT', '2004-01-01T19:48:21Z'],
    ['Thu, 01 Jan 2004 19:48:21 Z', '2004-01-01T19:48:21Z'],
    ['Thu, 01 Jan 2004', '2004-01-01T00:00:00Z'],
    ['Thu Jan 01 2004 19:48:21 GMT+0800 (China Standard Time)', '2004-01-01T11:48:21Z'],
    ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55Z'],
    ['2003-12-31T10:14:55.250-08:00', '2003-12-31T18:14:55.250Z'],
    ['2003-12-31 10:14:55', '2003-12-31T10:14:55Z'],
    ['20031231T101455Z', '2003-12-31T10:14:55Z'],
    ['2003-12', '2003-12-01T00:00:00Z'],
    ['2003', '2003-01-01T00:00:00Z'],
    ['2026年3月5日 10:30', '2026-03-05T10:30:00Z'],
    ['2026/03/05 10:30:00 +08:00', '2026-03-05T02:30:00Z'],
  ])('reads %s', (text, iso) => {
    expect(parseFeedDate(text)?.toISOString()).toBe(new Date(iso).toISOString());
  });

  it.each(['', 'yesterday', '2003-02-30T10:00:00Z', 'Thu, 01 Foo 2004 19:48:21 GMT', 'Thu, 01 Jan 2004 19:48:21 XYZ'])('refuses %j rather than guessing', (text) => {
    expect(parseFeedDate(text)).toBeNull();
  });
});
