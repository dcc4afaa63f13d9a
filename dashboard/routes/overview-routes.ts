import { Router } from 'express';
import { ticketSlaOf } from '../../config/ticket-sla.ts';
import { scorerVersion } from '../../pipeline/scoring/scorer-version.ts';
import { unresolvedAlertCounts } from '../../warehouse/read-models/alerts-list.ts';
import { gainReport } from '../../warehouse/read-models/gain-index.ts';
import { hotlineSummary } from '../../warehouse/read-models/hotline-summary.ts';
import { mentionClauses } from '../../warehouse/read-models/mention-clauses.ts';
import { mentionCountsByLabel } from '../../warehouse/read-models/mentions-list.ts';
import { satisfactionTrend } from '../../warehouse/read-models/satisfaction-trend.ts';
import type { AppContext } from '../context.ts';
import { allow } from '../http/guards.ts';
import { communityParam, periodParam } from './query-params.ts';

export function overviewRoutes(ctx: AppContext): Router {
  const { config, db, clauses } = ctx;
  const router = Router();
  const sla = ticketSlaOf(config);

  router.get('/overview', allow('leader', 'expert', 'admin', 'comms'), async (req, res) => {
    const period = periodParam(req, config.timezone);
    const communityId = communityParam(req, ctx);
    const minCell = config.privacy.min_cell;
    const trend = await satisfactionTrend(db, { period, minCell, clauses, communityId });
    const hotline = await hotlineSummary(db, {
      period,
      timeZone: config.timezone,
      sla,
      satisfiedMinRating: config.satisfaction.satisfied_min_rating,
      minCell,
      communityId,
    });
    const gain = await gainReport(db, { period, weights: config.satisfaction.gain_weights, minCell, communityId });
    const alerts = await unresolvedAlertCounts(db, communityId);
    const mentions = await mentionCountsByLabel(db, { period, timeZone: config.timezone, communityId, currentVersion: scorerVersion() });
    const mention_clauses = await mentionClauses(db, { period, minCell, clauses, communityId });
    res.json({ period, community_id: communityId ?? null, communities: config.communities, gain, trend, hotline, alerts, mentions, mention_clauses });
  });

  return router;
}
