import { describe, expect, it } from 'vitest';
import { protectingCommunities } from '../../warehouse/read-models/community-protection.ts';
import { combineGain, protectedGainParts, type GainSums } from '../../warehouse/read-models/gain-index.ts';
import { protectedScorecardFigures, type BaseOf } from '../../warehouse/read-models/scorecard-protection.ts';

const cells = (counts: Record<string, number>) => Object.entries(counts).map(([community_id, n]) => ({ community_id, n }));

describe('complementary suppression across communities', () => {
  it('withholds the smallest published communities until the withheld ones hold min_cell', () => {
    expect(protectingCommunities(cells({ a: 20, b: 6, c: 7, small: 2 }), 5)).toEqual(new Set(['b']));
    // Two small ones holding 5 between them protect each other; 3 + 1 do not.
    expect(protectingCommunities(cells({ a: 20, b: 3, c: 9, small: 2 }), 5)).toEqual(new Set());
    expect(protectingCommunities(cells({ a: 20, b: 3, c: 9, small: 1 }), 5)).toEqual(new Set(['c']));
    expect(protectingCommunities(cells({ a: 20, b: 6, c: 9, small: 1, tiny: 2 }), 5)).toEqual(new Set(['b']));
  });

  it('changes nothing when no community is small, or there is only one', () => {
    expect(protectingCommunities(cells({ a: 5, b: 6, c: 40 }), 5)).toEqual(new Set());
    expect(protectingCommunities(cells({ a: 3 }), 5)).toEqual(new Set());
    expect(protectingCommunities(cells({ a: 30 }), 5)).toEqual(new Set());
    // Communities with no data take no part.
    expect(protectingCommunities(cells({ a: 30, b: 0 }), 5)).toEqual(new Set());
  });

  it('with two communities, the other one is withheld: only the total remains', () => {
    expect(protectingCommunities(cells({ big: 40, small: 2 }), 5)).toEqual(new Set(['big']));
  });

  it('decides ties by community id, so every view of the same data agrees', () => {
    expect(protectingCommunities(cells({ z: 6, y: 6, small: 1 }), 5)).toEqual(new Set(['y']));
  });

  it('counts a cell withheld for another reason among the hidden ones', () => {
    expect(protectingCommunities([{ community_id: 'a', n: 8, withheld: true }, { community_id: 'b', n: 6 }, { community_id: 'c', n: 2 }], 5)).toEqual(new Set());
  });
});

describe('获得感 parts across communities', () => {
  const m = (n: number, sum: number) => ({ n, sum, sum_sq: 0 });
  const sums = (respondents: number, rated: number): GainSums => ({ survey: m(respondents, respondents * 60), respondents: m(respondents, respondents), rated: m(rated, rated), positive: m(0, 0), negative: m(0, 0) });

  it('withholds each part on its own base, and the index is computed without it', () => {
    const parts = protectedGainParts(new Map([['a', sums(8, 10)], ['b', sums(6, 10)], ['c', sums(2, 10)]]), 5);
    expect(parts.get('b')).toEqual(new Set(['survey']));
    expect(parts.get('a')).toEqual(new Set());
    const gain = combineGain(sums(6, 10), { survey: 0.5, hotline: 0.5, sentiment: 0 }, 5, parts.get('b'));
    expect(gain.components.survey).toEqual({ suppressed: true, protects_smaller_cell: true });
    expect(gain).toMatchObject({ index: 100, partial: true, weights: { survey: 0, hotline: 1 } });
  });
});

describe('scorecard figures across communities', () => {
  const of = (counts: Record<string, number>): BaseOf => (kind, metric) => counts[`${kind}/${metric}`] ?? 0;

  it('protects a rate inside a published block on the rate’s own base', () => {
    // Tickets enough everywhere, but c's on-time base is 2: b's on-time rate is withheld, its block is not.
    const bases = new Map([
      ['a', of({ 'servicedesk/opened': 30, 'servicedesk/on_time': 20 })],
      ['b', of({ 'servicedesk/opened': 10, 'servicedesk/on_time': 6 })],
      ['c', of({ 'servicedesk/opened': 9, 'servicedesk/on_time': 2 })],
    ]);
    const result = protectedScorecardFigures(bases, 5);
    expect(result.get('b')).toEqual(new Set(['tickets.on_time_rate']));
    expect(result.get('a')).toEqual(new Set());
    expect(result.get('c')).toEqual(new Set());
  });

  it('a rate of a withheld block counts as hidden with it', () => {
    // b's block protects c's; b's satisfied share then hides 6 answers, enough for c's 2 as well.
    const bases = new Map([
      ['a', of({ 'survey/index': 30, 'survey/respondents': 30, 'survey/satisfied': 30 })],
      ['b', of({ 'survey/index': 6, 'survey/respondents': 6, 'survey/satisfied': 6 })],
      ['c', of({ 'survey/index': 2, 'survey/respondents': 2, 'survey/satisfied': 2 })],
    ]);
    const result = protectedScorecardFigures(bases, 5);
    expect(result.get('b')).toEqual(new Set(['survey']));
    expect(result.get('a')).toEqual(new Set());
  });
});
