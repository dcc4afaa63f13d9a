import { describe, expect, it } from 'vitest';
import { gradeAlert } from '../../pipeline/scoring/alert-grade.ts';
import { shareJump } from '../../pipeline/scoring/share-jump.ts';

const rules = { reach_step_up: 100_000, sensitive_clauses: ['10.2.4'], persistence_count: 3 };

describe('alert grading', () => {
  it('keeps the base grade without aggravating circumstances', () => {
    expect(gradeAlert({ base: 'yellow', reach: 5_000, clauses: ['8.1.2'], firings: 1 }, rules)).toEqual({ grade: 'yellow', reasons: [] });
  });

  it('steps up once per circumstance, never past red', () => {
    expect(gradeAlert({ base: 'blue', reach: 150_000 }, rules).grade).toBe('yellow');
    expect(gradeAlert({ base: 'blue', reach: 150_000, clauses: ['10.2.4'] }, rules).grade).toBe('orange');
    const all = gradeAlert({ base: 'orange', reach: 150_000, clauses: ['10.2.4'], firings: 4 }, rules);
    expect(all.grade).toBe('red');
    expect(all.reasons).toEqual(['reach 150000 ≥ 100000', 'sensitive clause 10.2.4', 'fired 4 times in a day']);
  });
});

describe('negative share jump', () => {
  it('matches a pooled two-proportion z-test worked by hand', () => {
    // 30/100 against 20/200: pooled 50/300; se = sqrt(1/6 · 5/6 · (1/100 + 1/200)) = 0.045644; z = 0.2 / se = 4.3818.
    const jump = shareJump({ hits: 30, n: 100 }, { hits: 20, n: 200 });
    expect(jump?.z).toBeCloseTo(4.3818, 3);
    expect(jump?.jump_points).toBeCloseTo(20);
    // P(Z > 4.38) ≈ 5.9e-6.
    expect(jump?.p).toBeGreaterThan(5e-6);
    expect(jump?.p).toBeLessThan(7e-6);
  });

  it('is not significant for the same share, and undefined with nothing to compare', () => {
    expect(shareJump({ hits: 5, n: 50 }, { hits: 20, n: 200 })?.p).toBeCloseTo(0.5);
    expect(shareJump({ hits: 0, n: 0 }, { hits: 20, n: 200 })).toBeNull();
  });
});
