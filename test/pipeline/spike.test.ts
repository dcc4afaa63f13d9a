import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AlertGrade as WarehouseAlertGrade, SentimentLabel as WarehouseSentimentLabel } from '../../warehouse/schema.ts';
import { gradeFromZ, type AlertGrade, type SentimentLabel } from '../../pipeline/scoring/index.ts';

describe('gradeFromZ', () => {
  it('grades 蓝 < 2σ ≤ 黄 < 3σ ≤ 橙 < 4σ ≤ 红', () => {
    expect([1.6, 2, 2.9, 3, 3.99, 4, 12].map(gradeFromZ)).toEqual(['blue', 'yellow', 'yellow', 'orange', 'orange', 'red', 'red']);
  });

  it('uses the same labels as the warehouse', () => {
    expectTypeOf<AlertGrade>().toEqualTypeOf<WarehouseAlertGrade>();
    expectTypeOf<SentimentLabel>().toEqualTypeOf<WarehouseSentimentLabel>();
  });
});
