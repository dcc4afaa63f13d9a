import express, { Router } from 'express';
import { type Instrument, loadInstrument } from '../../config/instrument.ts';
import { receiveSurveyResponse } from '../../collectors/survey/receive-response.ts';
import type { AppContext } from '../context.ts';
import { SIGNATURE_HEADER, verifyHookRequest } from '../http/hook-signature.ts';
import { HttpError } from '../http/http-error.ts';

/** One survey response is small; anything larger is not one. */
const BODY_LIMIT = '256kb';

/**
 * POST /hooks/surveys/:instrumentId — responses pushed one by one by a survey tool, machine to
 * machine: no session or CSRF, a shared secret per instrument instead (HMAC of the raw body in
 * X-Talentpulse-Signature, or a Bearer token). 201 {stored: true} when new, 200 {stored: false}
 * for a redelivery, with updated: true when it changed a stored response's answers, 422 with each
 * field and reason when the response is invalid.
 */
export function surveyHookRoutes({ config, db }: AppContext): Router {
  const hooks = new Map<string, { instrument: Instrument; secret: string }>();
  for (const hook of config.surveys) {
    const instrument = loadInstrument(hook.instrument);
    if (hook.webhook_secret) hooks.set(instrument.id, { instrument, secret: hook.webhook_secret });
  }
  const router = Router();
  // The raw bytes, whatever the content type: the signature is over them, not over re-serialised JSON.
  router.post('/hooks/surveys/:instrumentId', express.raw({ type: () => true, limit: BODY_LIMIT }), async (req, res) => {
    const instrumentId = String(req.params.instrumentId);
    const hook = hooks.get(instrumentId);
    if (!hook) throw new HttpError(404, `no webhook for instrument "${instrumentId}"`);
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyHookRequest(hook.secret, raw, req.get(SIGNATURE_HEADER), req.get('authorization'))) {
      throw new HttpError(401, `bad or missing signature (${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of the body>, or Authorization: Bearer <secret>)`);
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'the body is not JSON (expected one response object)');
    }
    const outcome = await receiveSurveyResponse(db, hook.instrument, body, {
      pseudonymKey: config.privacy.pseudonym_key,
      location: `webhook ${req.baseUrl}${req.path}`,
      receivedAt: new Date(),
    });
    if (!outcome.ok) {
      res.status(422).json({
        error: `invalid response: ${outcome.problems.map((p) => (p.field ? `${p.field}: ${p.reason}` : p.reason)).join('; ')}`,
        problems: outcome.problems.map((p) => ({ field: p.field, value: p.value, reason: p.reason })),
      });
      return;
    }
    res.status(outcome.stored ? 201 : 200).json({ stored: outcome.stored, updated: outcome.updated });
  });
  return router;
}
