import type { AlertGrade } from './spike.ts';

const ORDER: readonly AlertGrade[] = ['blue', 'yellow', 'orange', 'red'];

export interface GradeEvidence {
  /** The grade the rule gives from the size of the deviation alone. */
  base: AlertGrade;
  reach?: number;
  clauses?: readonly string[];
  /** How many times the rule fired in the last day, this alert included. */
  firings?: number;
}

export interface GradingRules {
  reach_step_up: number;
  sensitive_clauses: readonly string[];
  persistence_count: number;
}

export interface Graded {
  grade: AlertGrade;
  /** Why the grade is above the base, for the alert's drivers. Empty when it is the base. */
  reasons: string[];
}

/**
 * 蓝/黄/橙/红 from the deviation's base grade, one step up for each aggravating circumstance:
 * a large audience, a sensitive clause, a rule that keeps firing. Red is the ceiling.
 */
export function gradeAlert(evidence: GradeEvidence, rules: GradingRules): Graded {
  const reasons: string[] = [];
  if ((evidence.reach ?? 0) >= rules.reach_step_up) reasons.push(`reach ${evidence.reach} ≥ ${rules.reach_step_up}`);
  const sensitive = (evidence.clauses ?? []).filter((clause) => rules.sensitive_clauses.includes(clause));
  if (sensitive.length > 0) reasons.push(`sensitive clause ${sensitive.join(', ')}`);
  if ((evidence.firings ?? 1) >= rules.persistence_count) reasons.push(`fired ${evidence.firings} times in a day`);
  const index = Math.min(ORDER.indexOf(evidence.base) + reasons.length, ORDER.length - 1);
  return { grade: ORDER[index] ?? 'red', reasons };
}

export function maxGrade(a: AlertGrade, b: AlertGrade): AlertGrade {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}
