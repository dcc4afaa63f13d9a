/** Same values as the warehouse's AlertGrade; declared here so pure scoring stays free of database types. */
export type AlertGrade = 'blue' | 'yellow' | 'orange' | 'red';

/**
 * Alert grade from a deviation in σ: below 2σ 蓝 blue (notice), 2–3σ 黄 yellow, 3–4σ 橙 orange,
 * 4σ and above 红 red. The spike rules shift their deviation by their own threshold first (spike-grade.ts).
 */
export function gradeFromZ(z: number): AlertGrade {
  if (z >= 4) return 'red';
  if (z >= 3) return 'orange';
  if (z >= 2) return 'yellow';
  return 'blue';
}
