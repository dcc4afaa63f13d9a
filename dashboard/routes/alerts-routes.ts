import { Router } from 'express';
import { z } from 'zod';
import { ALERT_ACTIONS, type AlertAction, updateAlertStatus } from '../../warehouse/read-models/alert-status.ts';
import { alertsList } from '../../warehouse/read-models/alerts-list.ts';
import { incidentsList } from '../../warehouse/read-models/incidents-list.ts';
import type { AlertStatus } from '../../warehouse/schema.ts';
import type { AppContext } from '../context.ts';
import { allow, sessionOf } from '../http/guards.ts';
import { HttpError } from '../http/http-error.ts';
import { communityParam, oneOf } from './query-params.ts';

const STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'responding', 'resolved'];
const actionBody = z.object({ note: z.string().max(2000).optional() }).optional();

export function alertsRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const router = Router();
  const comms = allow('comms', 'admin');

  router.get('/alerts', comms, async (req, res) => {
    const alerts = await alertsList(db, { status: oneOf(req, 'status', STATUSES), communityId: communityParam(req, ctx) });
    res.json({ alerts });
  });

  router.get('/incidents', comms, async (req, res) => {
    res.json({ incidents: await incidentsList(db, { communityId: communityParam(req, ctx) }) });
  });

  router.post('/alerts/:community/:id/:action', comms, async (req, res) => {
    const { community, id, action } = req.params as Record<string, string>;
    if (!(ALERT_ACTIONS as readonly string[]).includes(action ?? '')) {
      throw new HttpError(404, `no alert action "${action}" (use ${ALERT_ACTIONS.join(', ')})`);
    }
    const alertId = Number(id);
    if (!Number.isSafeInteger(alertId) || alertId < 1) throw new HttpError(400, `alert id must be a positive integer, got "${id}"`);
    const body = actionBody.safeParse(req.body ?? undefined);
    if (!body.success) throw new HttpError(400, 'expected JSON {"note"?: "…"} (at most 2000 characters)');
    const user = sessionOf(res).user.username;
    const alert = await updateAlertStatus(db, { communityId: community ?? '', id: alertId }, action as AlertAction, user, body.data?.note);
    res.json({ alert });
  });

  return router;
}
