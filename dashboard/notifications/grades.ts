import type { AlertGrade } from '../../warehouse/schema.ts';

export const GRADES: readonly AlertGrade[] = ['blue', 'yellow', 'orange', 'red'];

const RANK: Record<AlertGrade, number> = { blue: 0, yellow: 1, orange: 2, red: 3 };

export function atLeast(grade: AlertGrade, minimum: AlertGrade): boolean {
  return RANK[grade] >= RANK[minimum];
}

/** The grades at or above `minimum`. */
export function gradesFrom(minimum: AlertGrade): AlertGrade[] {
  return GRADES.filter((grade) => atLeast(grade, minimum));
}

/** 蓝/黄/橙/红 with the colour word, as the grade is announced in notices. */
export const GRADE_WORDS: Record<AlertGrade, { zh: string; en: string }> = {
  blue: { zh: '蓝色预警', en: 'Blue alert' },
  yellow: { zh: '黄色预警', en: 'Yellow alert' },
  orange: { zh: '橙色预警', en: 'Orange alert' },
  red: { zh: '红色预警', en: 'Red alert' },
};
