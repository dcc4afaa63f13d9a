import { Router } from 'express';
import { surveyComparison } from '../../pipeline/metrics/survey-comparison.ts';
import { surveyMetrics } from '../../pipeline/metrics/survey-metrics.ts';
import { checkBaselineApart, parsePeriodLabel } from '../../warehouse/read-models/period-label.ts';
import { PeriodError } from '../../warehouse/read-models/period.ts';
import { storedInstruments } from '../../warehouse/read-models/survey-instrument.ts';
import { surveyMonths } from '../../warehouse/read-models/survey-periods.ts';
import type { AppContext } from '../context.ts';
import { allow } from '../http/guards.ts';
import { queryString } from './query-params.ts';

/** A period label and the responses in it. */
export interface SurveyPeriod {
  label: string;
  responses: number;
}

/** An imported instrument as the survey page lists it. */
export interface SurveyListItem {
  id: string;
  name: string;
  community: string;
  segments: string[];
  responses: number;
  /** Months, quarters and years with responses, oldest first: the labels `period` and `compare` take. */
  periods: { months: SurveyPeriod[]; quarters: SurveyPeriod[]; years: SurveyPeriod[] };
}

function totalsBy(months: readonly SurveyPeriod[], labelOf: (month: string) => string): SurveyPeriod[] {
  const totals = new Map<string, number>();
  for (const { label, responses } of months) totals.set(labelOf(label), (totals.get(labelOf(label)) ?? 0) + responses);
  return [...totals].map(([label, responses]) => ({ label, responses }));
}

const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

/**
 * Survey figures for leaders and experts: the same computation as `talentpulse metrics survey`
 * (pipeline/metrics), so the page, the CLI and the export never disagree.
 */
export function surveyRoutes(ctx: AppContext): Router {
  const { config, db } = ctx;
  const router = Router();
  const readers = allow('leader', 'expert', 'admin');

  router.get('/surveys', readers, async (_req, res) => {
    const months = await surveyMonths(db, config.timezone);
    const surveys = (await storedInstruments(db)).map(({ id, instrument }): SurveyListItem => {
      const mine = months.filter((m) => m.instrument_id === id).map((m) => ({ label: m.month, responses: m.responses }));
      return {
        id,
        name: instrument.name ?? id,
        community: instrument.community,
        segments: Object.keys(instrument.segments),
        responses: mine.reduce((total, m) => total + m.responses, 0),
        periods: { months: mine, quarters: totalsBy(mine, quarterOf), years: totalsBy(mine, (m) => m.slice(0, 4)) },
      };
    });
    res.json({ surveys, min_cell: config.privacy.min_cell });
  });

  router.get('/surveys/:id/metrics', readers, async (req, res) => {
    const periodText = queryString(req, 'period');
    const compareText = queryString(req, 'compare');
    const period = periodText === undefined ? undefined : parsePeriodLabel(periodText, 'period');
    const baseline = compareText === undefined ? undefined : parsePeriodLabel(compareText, 'compare');
    if (baseline && !period) throw new PeriodError('compare needs period, the period to compare with the baseline');
    if (baseline && period) checkBaselineApart(period, baseline);
    const common = { instrumentId: String(req.params.id), by: queryString(req, 'by'), timeZone: config.timezone, minCell: config.privacy.min_cell };
    if (period && baseline) res.json({ comparison: await surveyComparison(db, { ...common, period, baseline }) });
    else res.json({ metrics: await surveyMetrics(db, { ...common, period }) });
  });

  return router;
}
