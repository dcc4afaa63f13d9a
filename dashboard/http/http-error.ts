import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AlertInputError, AlertNotFoundError, AlertTransitionError } from '../../warehouse/read-models/alert-status.ts';
import { PeriodError } from '../../warehouse/read-models/period.ts';
import { DeliveryNotFoundError, DeliveryRetryError } from '../../warehouse/notifications/retry-delivery.ts';
import { UnknownSegmentError } from '../../pipeline/metrics/survey-metrics.ts';
import { UnknownInstrumentError } from '../../warehouse/read-models/survey-instrument.ts';
import { RectificationChangeError, RectificationNotFoundError } from '../../warehouse/rectifications/update-rectification.ts';

/** An error the client caused or may see: its message is sent as `{error}` with the status. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  if (error instanceof PeriodError) return 400;
  if (error instanceof AlertNotFoundError) return 404;
  if (error instanceof AlertInputError) return 400;
  if (error instanceof AlertTransitionError) return 409;
  if (error instanceof RectificationNotFoundError) return 404;
  if (error instanceof RectificationChangeError) return 409;
  if (error instanceof UnknownInstrumentError) return 404;
  if (error instanceof DeliveryNotFoundError) return 404;
  if (error instanceof DeliveryRetryError) return 409;
  if (error instanceof UnknownSegmentError) return 400;
  // body-parser marks bad JSON and oversized bodies with a 4xx status.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return status;
  return 500;
}

export const apiNotFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: `no API route ${req.method} ${req.baseUrl}${req.path}` });
};

export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const status = statusOf(error);
  if (status >= 500) {
    // The cause stays in the server log; the client learns only that it failed.
    console.error(`talentpulse dashboard: ${req.method} ${req.originalUrl} failed:`, error);
    res.status(status).json({ error: 'internal error' });
    return;
  }
  res.status(status).json({ error: error instanceof Error ? error.message : 'bad request' });
};
