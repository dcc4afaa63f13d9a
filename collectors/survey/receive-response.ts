import type { Instrument } from '../../config/instrument.ts';
import type { Db } from '../../warehouse/database.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { insertRejects } from '../../warehouse/writers/rejects.ts';
import { ensureSource, markSourceProducedNew, markSourceSucceeded } from '../../warehouse/writers/sources.ts';
import { upsertSurveyInstrument } from '../../warehouse/writers/survey-instruments.ts';
import { isJsonRecord } from '../shared/json-record.ts';
import { redactPersonalData } from '../shared/privacy.ts';
import type { Reject } from '../shared/run-recorder.ts';
import { jsonSurveyRow, submissionZone } from './json-response.ts';
import { storeSurveyRows } from './store-responses.ts';

/** `stored`: a new response; `updated`: one stored before whose answers changed (see insertSurveyResponses). */
export type Received = { ok: true; stored: boolean; updated: boolean } | { ok: false; problems: Reject[] };

export interface ReceiveOptions {
  pseudonymKey: string;
  /** Where it arrived, for rejects (the webhook's path). */
  location: string;
  /** Stands in for a blank submission time: a webhook delivers at submission. */
  receivedAt: Date;
}

/**
 * Stores one response delivered on its own (a SurveyJS result or Kobo submission posted to a
 * webhook). A redelivery is a duplicate, not a second response; an invalid one is kept as a reject
 * (outside any run) and its problems returned for the sender.
 */
export async function receiveSurveyResponse(db: Db, instrument: Instrument, body: unknown, options: ReceiveOptions): Promise<Received> {
  const source = { id: instrument.source, kind: 'survey' as const, community_id: instrument.community, name: instrument.name ?? instrument.id, location: options.location, reach: 1 };
  await ensureCommunity(db, { id: instrument.community });
  await ensureSource(db, source);
  const parsed = isJsonRecord(body)
    ? jsonSurveyRow(instrument, body, { location: options.location, row: 0 }, { pseudonymKey: options.pseudonymKey, submittedZone: submissionZone(instrument), submittedFallback: options.receivedAt })
    : { ok: false as const, problems: [{ location: options.location, row: null, field: null, value: null, reason: 'expected one response as a JSON object' }] };
  if (!parsed.ok) {
    const problems = parsed.problems.map((problem) => ({ ...problem, row: null }));
    await insertRejects(
      db,
      problems.map((problem) => ({
        ...problem,
        value: problem.value == null ? null : redactPersonalData(problem.value),
        reason: redactPersonalData(problem.reason),
        source_id: source.id,
        run_id: null,
      })),
    );
    return { ok: false, problems };
  }
  const [outcome = false] = await storeSurveyRows(db, [parsed.row]);
  const stored = outcome === true;
  const updated = outcome === 'updated';
  // Metrics, the Surveys page and the 差评 rectifications read the stored definition. Outside the
  // response's transaction, so concurrent deliveries do not queue on the instrument's row.
  if (stored) await upsertSurveyInstrument(db, instrument);
  await markSourceSucceeded(db, source.id, options.receivedAt);
  if (stored || updated) await markSourceProducedNew(db, source.id, options.receivedAt);
  return { ok: true, stored, updated };
}
