import { Router } from 'express';
import { scorerVersion } from '../../pipeline/scoring/scorer-version.ts';
import { clauseTitle } from '../../warehouse/read-models/clause-order.ts';
import { mentionsList } from '../../warehouse/read-models/mentions-list.ts';
import type { SentimentLabel } from '../../warehouse/schema.ts';
import type { AppContext } from '../context.ts';
import { allow } from '../http/guards.ts';
import { HttpError } from '../http/http-error.ts';
import { communityParam, oneOf, queryString } from './query-params.ts';

const LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative', 'unscored'];

export function mentionsRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/mentions', allow('comms', 'leader', 'admin'), async (req, res) => {
    const page = Number(queryString(req, 'page') ?? '1');
    if (!Number.isSafeInteger(page) || page < 1) throw new HttpError(400, 'query parameter "page" must be a positive integer');
    const result = await mentionsList(ctx.db, { label: oneOf(req, 'label', LABELS), communityId: communityParam(req, ctx), page, pageSize: 20, currentVersion: scorerVersion() });
    // Each clause with its title, so staff read "8.1.2 一站式服务" and not a bare number.
    res.json({ ...result, items: result.items.map((m) => ({ ...m, clauses: m.clause_ids.map((id) => clauseTitle(ctx.clauses, id)) })) });
  });

  return router;
}
