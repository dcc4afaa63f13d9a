import type { Db } from '../../warehouse/database.ts';
import type { Period } from '../../warehouse/read-models/period.ts';
import { npsChange } from '../scoring/nps.ts';
import { twoProportionZTest } from '../scoring/two-proportion.ts';
import { welchTTest } from '../scoring/welch.ts';
import { type CellFigures, type CellIdentity, type QuestionCell, SURVEY_METHODS, surveyMetrics, type SurveyMetricsOptions } from './survey-metrics.ts';

export const ALPHA = 0.05;

export type Verdict = 'significant' | 'within noise';

export interface IndexChange {
  /** Index points, current − baseline. */
  difference: number;
  t: number;
  df: number;
  p: number;
  verdict: Verdict;
}

export interface ShareChange {
  /** Percentage points (NPS points for nps_change), current − baseline. */
  difference: number;
  z: number;
  p: number;
  verdict: Verdict;
}

export interface ComparedCell extends CellIdentity {
  current: CellFigures;
  baseline: CellFigures;
  /** Absent when either period is suppressed or the test cannot be computed (no spread). */
  index_change?: IndexChange;
  satisfied_change?: ShareChange;
  nps_change?: ShareChange;
}

export interface SurveyComparison {
  instrument: string;
  community: string;
  period: Period;
  baseline: Period;
  by: string | null;
  min_cell: number;
  alpha: number;
  methods: typeof SURVEY_METHODS & { change: string };
  cells: ComparedCell[];
}

const verdict = (p: number): Verdict => (p < ALPHA ? 'significant' : 'within noise');

/** What changed between two cells of one question; nothing when either is suppressed. */
export function compareCells(current: CellFigures, baseline: CellFigures): Pick<ComparedCell, 'index_change' | 'satisfied_change' | 'nps_change'> {
  if (current.suppressed || baseline.suppressed) return {};
  const out: Pick<ComparedCell, 'index_change' | 'satisfied_change' | 'nps_change'> = {};
  if (current.sd !== null && baseline.sd !== null) {
    const welch = welchTTest({ n: baseline.n, mean: baseline.index, sd: baseline.sd }, { n: current.n, mean: current.index, sd: current.sd });
    if (welch) out.index_change = { difference: welch.difference, t: welch.t, df: welch.df, p: welch.p, verdict: verdict(welch.p) };
  }
  if ((current.kind === 'likert' || current.kind === 'multi') && baseline.kind === current.kind) {
    const test = twoProportionZTest({ successes: baseline.satisfied, n: baseline.n }, { successes: current.satisfied, n: current.n });
    if (test) out.satisfied_change = { difference: test.difference * 100, z: test.z, p: test.p, verdict: verdict(test.p) };
  }
  if (current.kind === 'nps' && baseline.kind === 'nps') {
    const counts = (f: typeof current) => ({ promoters: f.promoters, passives: f.passives, detractors: f.detractors });
    const change = npsChange(counts(baseline), counts(current));
    if (change) out.nps_change = { ...change, verdict: verdict(change.p) };
  }
  return out;
}

function identityOf(cell: QuestionCell): CellIdentity {
  return {
    question: cell.question,
    ...(cell.label !== undefined ? { label: cell.label } : {}),
    clause: cell.clause,
    kind: cell.kind,
    ...('segment' in cell ? { segment: cell.segment ?? null } : {}),
  };
}

function figuresOf(cell: QuestionCell | undefined): CellFigures {
  if (!cell || cell.suppressed) return { suppressed: true, ...(cell?.suppressed && cell.no_answers ? { no_answers: true as const } : {}) };
  const { question: _q, label: _l, clause: _c, segment: _s, ...figures } = cell;
  return figures;
}

/** Per question (and segment value): the two periods' figures and the change between them with its significance. */
export async function surveyComparison(db: Db, options: SurveyMetricsOptions & { period: Period; baseline: Period }): Promise<SurveyComparison> {
  const current = await surveyMetrics(db, options);
  const baseline = await surveyMetrics(db, { ...options, period: options.baseline });
  const key = (c: CellIdentity) => `${c.question}\u0000${c.segment ?? '\u0001'}`;
  const currentCells = new Map(current.cells.map((cell) => [key(cell), cell]));
  const baselineCells = new Map(baseline.cells.map((cell) => [key(cell), cell]));
  // A segment value seen in only one period still gets a row; its other side is suppressed (no answers).
  const identities = new Map<string, CellIdentity>();
  for (const cell of [...current.cells, ...baseline.cells]) if (!identities.has(key(cell))) identities.set(key(cell), identityOf(cell));
  const cells = [...identities].map(([k, identity]): ComparedCell => {
    const now = figuresOf(currentCells.get(k));
    const before = figuresOf(baselineCells.get(k));
    return { ...identity, current: now, baseline: before, ...compareCells(now, before) };
  });
  return {
    instrument: current.instrument,
    community: current.community,
    period: options.period,
    baseline: options.baseline,
    by: current.by,
    min_cell: current.min_cell,
    alpha: ALPHA,
    methods: {
      ...SURVEY_METHODS,
      change: `change = period − baseline; index: Welch's t-test; pct_satisfied: two-proportion z-test (pooled); nps: z-test on adjusted-Wald variances; "significant" when two-sided p < ${ALPHA}`,
    },
    cells,
  };
}
