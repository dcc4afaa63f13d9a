import type { InstrumentQuestion } from '../../config/instrument.ts';
import type { Db } from '../../warehouse/database.ts';
import type { Period } from '../../warehouse/read-models/period.ts';
import { surveyAnswerCounts, type SurveyAnswerCount } from '../../warehouse/read-models/survey-answer-counts.ts';
import { storedInstrument } from '../../warehouse/read-models/survey-instrument.ts';
import { likertFigures, npsFigures, type LikertFigures, type NpsFigures, type ScoreCount } from '../scoring/survey-cell.ts';

export const SURVEY_METHODS = {
  index: 'index: mean answer on 0–100 (don\'t know and blank leave the base), 95% Student t-interval',
  pct_satisfied: 'pct_satisfied: share of answers in the two best points of the scale, reversed items flipped first',
  nps: 'nps: % promoters (9–10) − % detractors (0–6), 95% adjusted-Wald interval (Rocks 2016)',
  multi: 'multi-select: one cell per option, index = % of respondents choosing it (Student t-interval on 0/100)',
  suppression:
    'cells with fewer answers than privacy.min_cell are suppressed: no figures at all; in a split (--by), when the suppressed cells of a question hold fewer than min_cell answers together, the smallest published ones are suppressed too (protects_smaller_cell), so the unsplit figures minus the published cells cannot give a small group back; a question nobody answered in the period is marked no_answers',
} as const;

export type CellFigures =
  // protects_smaller_cell: withheld although large enough, so that a smaller suppressed cell of the
  // same split cannot be worked out from the question's figures without --by.
  // no_answers: nobody answered in the period (figures of the whole question only: in a split, telling
  // none from a few would say whether a small group took part).
  | { suppressed: true; protects_smaller_cell?: true; no_answers?: true }
  | ({ suppressed: false; kind: 'likert' } & LikertFigures)
  | ({ suppressed: false; kind: 'nps' } & NpsFigures)
  // One option of a multi-select question: index is the % choosing it, satisfied the number choosing it.
  | ({ suppressed: false; kind: 'multi' } & LikertFigures);

export interface CellIdentity {
  question: string;
  /** The question's label in the instrument, when it gives one. */
  label?: string;
  clause: string | null;
  kind: 'likert' | 'nps' | 'multi';
  /** The segment value when grouped (--by); null for responses without one. Absent when not grouped. */
  segment?: string | null;
}

/** One question (and segment value) with its figures side by side, as JSON consumers read it. */
export type QuestionCell = CellIdentity & CellFigures;

export interface SurveyMetrics {
  instrument: string;
  community: string;
  period: Period | null;
  by: string | null;
  min_cell: number;
  methods: typeof SURVEY_METHODS;
  cells: QuestionCell[];
}

export interface SurveyMetricsOptions {
  instrumentId: string;
  period?: Period | undefined;
  by?: string | undefined;
  timeZone: string;
  minCell: number;
}

export class UnknownSegmentError extends Error {
  override name = 'UnknownSegmentError';
}

/** Figures for one question from its score distribution, suppressed under the privacy minimum. */
export function cellFigures(question: InstrumentQuestion, counts: readonly ScoreCount[], minCell: number): CellFigures {
  const n = counts.reduce((total, c) => total + c.n, 0);
  if (n < minCell || n === 0) return { suppressed: true };
  if (question.scale.type === 'multi') {
    // Options are stored as 0 (not chosen) or 100 (chosen): on a 3-point frame the "top two" are exactly the 100s.
    const figures = likertFigures(counts, { min: 0, max: 2 });
    return figures ? { suppressed: false, kind: 'multi', ...figures } : { suppressed: true };
  }
  if (question.scale.type === 'nps') {
    const figures = npsFigures(counts);
    return figures ? { suppressed: false, kind: 'nps', ...figures } : { suppressed: true };
  }
  // A 好差评 rating is a five-level scale: its top two are 满意 and 非常满意.
  const figures = likertFigures(counts, question.scale.type === 'haochaping' ? { min: 1, max: 5 } : question.scale);
  return figures ? { suppressed: false, kind: 'likert', ...figures } : { suppressed: true };
}

/** Per question (and segment value): n, index with CI, % satisfied or NPS with CI, for one period. */
export async function surveyMetrics(db: Db, options: SurveyMetricsOptions): Promise<SurveyMetrics> {
  const { instrument } = await storedInstrument(db, options.instrumentId);
  if (options.by !== undefined && !Object.hasOwn(instrument.segments, options.by)) {
    const known = Object.keys(instrument.segments).join(', ') || 'none';
    throw new UnknownSegmentError(`--by: instrument "${instrument.id}" has no segment "${options.by}" (known: ${known})`);
  }
  const counts = await surveyAnswerCounts(db, { instrumentId: instrument.id, period: options.period, timeZone: options.timeZone, by: options.by });
  const grouped = options.by !== undefined;
  const segments = grouped ? segmentValues(counts) : [null];
  const cells: QuestionCell[] = [];
  for (const question of instrument.questions) {
    // A multi-select question is stored as one answer per option, "question.option".
    const ids =
      question.scale.type === 'multi' ? [...new Set(counts.map((c) => c.question_id).filter((id) => id.startsWith(`${question.id}.`)))].sort() : [question.id];
    for (const id of ids) {
      const split = segments.map((segment) => {
        const mine = counts.filter((c) => c.question_id === id && c.segment === segment);
        return { segment, n: mine.reduce((total, c) => total + c.n, 0), figures: cellFigures(question, mine, options.minCell) };
      });
      if (grouped) protectSmallerCells(split, options.minCell);
      else for (const cell of split) if (cell.n === 0) cell.figures = { suppressed: true, no_answers: true };
      for (const { segment, figures } of split) {
        cells.push({
          question: id,
          ...(question.label !== undefined ? { label: question.label } : {}),
          clause: question.clause ?? null,
          kind: question.scale.type === 'haochaping' ? 'likert' : question.scale.type,
          ...(grouped ? { segment } : {}),
          ...figures,
        });
      }
    }
  }
  return {
    instrument: instrument.id,
    community: instrument.community,
    period: options.period ?? null,
    by: options.by ?? null,
    min_cell: options.minCell,
    methods: SURVEY_METHODS,
    cells,
  };
}

/**
 * Complementary suppression within one question's split: the suppressed cells must hold at least
 * `minCell` answers between them (or none), else the figures without --by, less the published
 * cells, are those few people's answers. The smallest published cells are withheld until they do.
 */
export function protectSmallerCells(split: Array<{ n: number; figures: CellFigures }>, minCell: number): void {
  let hidden = split.filter((cell) => cell.figures.suppressed).reduce((total, cell) => total + cell.n, 0);
  if (hidden === 0) return;
  const published = split.filter((cell) => !cell.figures.suppressed).sort((a, b) => a.n - b.n);
  for (const cell of published) {
    if (hidden >= minCell) break;
    cell.figures = { suppressed: true, protects_smaller_cell: true };
    hidden += cell.n;
  }
}

/** Segment values in a stable order; responses without a value (null) last. */
function segmentValues(counts: readonly SurveyAnswerCount[]): (string | null)[] {
  const values = [...new Set(counts.map((c) => c.segment))];
  return values.sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
}
