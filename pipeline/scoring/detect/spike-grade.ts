import { gradeFromZ, type AlertGrade } from '../spike.ts';

/**
 * The grade of a spike rule alert from how far its deviation goes past the rule's own threshold,
 * both in robust σ: under 0.5σ past it 蓝 blue, 0.5–1.5σ 黄 yellow, 1.5–2.5σ 橙 orange, 2.5σ and
 * more 红 red. The same at every sensitivity, so a stricter preset does not make alerts redder.
 */
export function gradeOverThreshold(z: number, threshold: number): AlertGrade {
  return gradeFromZ(Math.abs(z) - threshold + 1.5);
}
