import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { redactPersonalData } from '../../collectors/shared/privacy.ts';
import { alertDetail } from '../../warehouse/read-models/alert-detail.ts';
import { ALERT_ACTIONS, type AlertAction, updateAlertStatus } from '../../warehouse/read-models/alert-status.ts';
import { alertsList } from '../../warehouse/read-models/alerts-list.ts';
import { incidentsList } from '../../warehouse/read-models/incidents-list.ts';
import { retryDelivery } from '../../warehouse/notifications/retry-delivery.ts';
import type { AlertStatus } from '../../warehouse/schema.ts';
import type { AppContext } from '../context.ts';
import { allow, sessionOf } from '../http/guards.ts';
import { HttpError } from '../http/http-error.ts';
import { communityParam, oneOf } from './query-params.ts';

const STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'responding', 'resolved', 'dismissed'];
const text = (max: number) => z.string().max(max).optional();
// Staff notes often quote a caller ("回电 13812345678"): redacted as they are written, like every
// text we ingest, so no phone number, e-mail or ID number is kept in an alert's history or exports.
const staffNote = z.string().max(2000).transform(redactPersonalData).optional();
const actionBody = z.object({ note: staffNote, reason: staffNote, assignee: text(100), response: text(4000) }).optional();

function alertIdOf(id: string | undefined): number {
  const alertId = Number(id);
  if (!Number.isSafeInteger(alertId) || alertId < 1) throw new HttpError(400, `alert id must be a positive integer, got "${id}"`);
  return alertId;
}

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
  // One alert with its deliveries (notices sent, pending, failed) and its audit trail.
  const detail: RequestHandler = async (req, res) => {
    const { community, id } = req.params as Record<string, string | undefined>;
    const found = await alertDetail(db, { communityId: community, id: alertIdOf(id) });
    if (!found) throw new HttpError(404, `alert ${community ? `${community}/` : ''}${id} not found`);
    res.json(found);
  };
  router.get('/alerts/:id', comms, detail);
  router.get('/alerts/:community/:id', comms, detail);

  // A notice that failed for good goes back in the queue, due now; audited on the alert.
  router.post('/alerts/:community/:id/deliveries/:delivery/retry', comms, async (req, res) => {
    const { community, id, delivery } = req.params as Record<string, string>;
    const deliveryId = Number(delivery);
    if (!Number.isSafeInteger(deliveryId) || deliveryId < 1) throw new HttpError(400, `delivery id must be a positive integer, got "${delivery}"`);
    const retried = await retryDelivery(db, { communityId: community ?? '', alertId: alertIdOf(id), deliveryId }, sessionOf(res).user.username);
    res.json({ delivery: retried });
  });

  router.post('/alerts/:community/:id/:action', comms, async (req, res) => {
    const { community, id, action } = req.params as Record<string, string>;
    if (!(ALERT_ACTIONS as readonly string[]).includes(action ?? '')) {
      throw new HttpError(404, `no alert action "${action}" (use ${ALERT_ACTIONS.join(', ')})`);
    }
    const alertId = alertIdOf(id);
    const body = actionBody.safeParse(req.body ?? undefined);
    if (!body.success) throw new HttpError(400, 'expected JSON {"note"?, "reason"?, "assignee"?, "response"?} (strings: note and reason up to 2000 characters, response up to 4000)');
    const user = sessionOf(res).user.username;
    const alert = await updateAlertStatus(db, { communityId: community ?? '', id: alertId }, action as AlertAction, user, body.data ?? {});
    res.json({ alert });
  });

  return router;
}
