import { Router } from 'express';
import { audit } from '../../warehouse/auth/audit.ts';
import { clauseScorecard } from '../../warehouse/read-models/clause-scorecard.ts';
import { gainReport } from '../../warehouse/read-models/gain-index.ts';
import { rectificationRates } from '../../warehouse/read-models/rectification-rates.ts';
import type { AppContext } from '../context.ts';
import { scorecardCsv } from '../export/scorecard-csv.ts';
import { allow, sessionOf } from '../http/guards.ts';
import { communityParam, periodParam } from './query-params.ts';

export function exportRoutes(ctx: AppContext): Router {
  const { config, db, clauses } = ctx;
  const router = Router();

  router.get('/export/scorecard.csv', allow('expert', 'leader', 'admin'), async (req, res) => {
    const period = periodParam(req, config.timezone);
    const communityId = communityParam(req, ctx);
    const card = await clauseScorecard(db, {
      period,
      minCell: config.privacy.min_cell,
      clauses,
      communityId,
      tickets: { slaHours: config.satisfaction.ticket_sla_hours, slaClock: config.satisfaction.ticket_sla_clock, satisfiedMinRating: config.satisfaction.satisfied_min_rating },
    });
    const gains = await gainReport(db, { period, weights: config.satisfaction.gain_weights, minCell: config.privacy.min_cell, communityId });
    const gain = (communityId && gains.communities.find((c) => c.community_id === communityId)) || gains.all;
    const rectification = await rectificationRates(db, { period, communityId, timeZone: config.timezone, minCell: config.privacy.min_cell });
    await audit(db, {
      actor: sessionOf(res).user.username,
      action: 'export.scorecard',
      target: `scorecard:${communityId ?? '*'}`,
      details: { ...period, format: 'csv' },
    });
    const name = `scorecard-${communityId ?? 'all'}-${period.from}-${period.to}.csv`;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.send(scorecardCsv(card, { index: gain, method: gains.method }, rectification));
  });

  return router;
}
