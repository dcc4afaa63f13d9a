import { Router } from 'express';
import { z } from 'zod';
import { redactPersonalData } from '../../collectors/shared/privacy.ts';
import { rectificationRates } from '../../warehouse/read-models/rectification-rates.ts';
import { rectificationsList } from '../../warehouse/read-models/rectifications-list.ts';
import { RECTIFICATION_ACTIONS, type RectificationAction, updateRectification } from '../../warehouse/rectifications/update-rectification.ts';
import type { RectificationStatus } from '../../warehouse/schema.ts';
import type { AppContext } from '../context.ts';
import { allow, sessionOf } from '../http/guards.ts';
import { HttpError } from '../http/http-error.ts';
import { communityParam, oneOf, periodParam, queryString } from './query-params.ts';

const STATUSES: readonly RectificationStatus[] = ['open', 'in_progress', 'fixed', 'followed_up', 'closed'];
// A note of what the caller said on the follow-up call often quotes their number: redacted as written.
const actionBody = z.object({ note: z.string().max(2000).transform(redactPersonalData).optional(), owner: z.string().min(1).max(200).optional() }).optional();

/** The 好差评 rectification queue, its actions and the rates published per period. */
export function rectificationRoutes(ctx: AppContext): Router {
  const { config, db } = ctx;
  const router = Router();

  router.get('/rectifications', allow('leader', 'comms', 'expert', 'admin'), async (req, res) => {
    const overdue = queryString(req, 'overdue');
    const items = await rectificationsList(db, {
      communityId: communityParam(req, ctx),
      status: oneOf(req, 'status', STATUSES),
      overdueOnly: overdue === '1' || overdue === 'true',
    });
    res.json({ rectifications: items });
  });

  router.get('/rectifications/rates', allow('leader', 'comms', 'expert', 'admin'), async (req, res) => {
    const period = periodParam(req, config.timezone);
    const rates = await rectificationRates(db, {
      period,
      communityId: communityParam(req, ctx),
      timeZone: config.timezone,
      minCell: config.privacy.min_cell,
    });
    res.json(rates);
  });

  router.post('/rectifications/:community/:id/:action', allow('leader', 'comms', 'admin'), async (req, res) => {
    const { community, id, action } = req.params as Record<string, string>;
    if (!(RECTIFICATION_ACTIONS as readonly string[]).includes(action ?? '')) {
      throw new HttpError(404, `no rectification action "${action}" (use ${RECTIFICATION_ACTIONS.join(', ')})`);
    }
    const itemId = Number(id);
    if (!Number.isSafeInteger(itemId) || itemId < 1) throw new HttpError(400, `rectification id must be a positive integer, got "${id}"`);
    const body = actionBody.safeParse(req.body ?? undefined);
    if (!body.success) throw new HttpError(400, 'expected JSON {"note"?: "…", "owner"?: "…"} (note at most 2000 characters)');
    const item = await updateRectification(
      db,
      { communityId: community ?? '', id: itemId },
      { action: action as RectificationAction, user: sessionOf(res).user.username, note: body.data?.note, owner: body.data?.owner },
    );
    res.json({ rectification: item });
  });

  return router;
}
