import type { Instrument } from '../../config/instrument.ts';
import type { KoboSource } from '../../config/schema.ts';
import type { Db } from '../../warehouse/database.ts';
import { upsertSurveyInstrument } from '../../warehouse/writers/survey-instruments.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { pullApi } from '../shared/api-pull.ts';
import type { ImportSummary } from '../shared/import-summary.ts';
import { isJsonRecord, jsonText } from '../shared/json-record.ts';
import { jsonSurveyRow, submissionZone } from './json-response.ts';
import { storeSurveyRows } from './store-responses.ts';

export interface KoboPull {
  source: KoboSource;
  instrument: Instrument;
  fetcher: Fetcher;
  pseudonymKey: string;
}

const SUBMISSION_TIME = '_submission_time';

/** The asset's data endpoint, asking for submissions after the cursor, oldest first. */
export function koboDataUrl(source: KoboSource, cursor: string | undefined): string {
  const url = new URL(`api/v2/assets/${source.asset_uid}/data/`, source.server.endsWith('/') ? source.server : `${source.server}/`);
  url.searchParams.set('format', 'json');
  url.searchParams.set('limit', String(source.page_size));
  url.searchParams.set('sort', JSON.stringify({ [SUBMISSION_TIME]: 1 }));
  if (cursor !== undefined) url.searchParams.set('query', JSON.stringify({ [SUBMISSION_TIME]: { $gt: cursor } }));
  return url.href;
}

/**
 * Pulls a KoboToolbox form's new submissions over API v2 (token auth, pages by `next`), scores
 * them through the instrument, and advances the source's cursor on `_submission_time` as pages
 * land. Each submission is keyed by its pseudonymised root uuid (see responseIdColumns; or the
 * instrument's respondent_id), so a pull that overlaps an earlier one stores nothing twice and an
 * edited submission pulled again updates its response.
 */
export function pullKobo(db: Db, { source, instrument, fetcher, pseudonymKey }: KoboPull): Promise<ImportSummary> {
  const dataUrl = koboDataUrl(source, undefined).split('?')[0] ?? '';
  const submittedZone = submissionZone(instrument);
  return pullApi(db, {
    source: { id: source.id, kind: 'survey', community_id: instrument.community, name: instrument.name ?? instrument.id, location: dataUrl, reach: 1 },
    fetcher,
    headers: { Authorization: `Token ${source.token ?? ''}`, Accept: 'application/json' },
    firstUrl: (cursor) => koboDataUrl(source, cursor),
    readPage(body, url) {
      if (!isJsonRecord(body) || !Array.isArray(body.results)) throw new Error(`${url}: expected a Kobo data page ({count, next, results: [...]})`);
      const records = body.results.filter(isJsonRecord);
      if (records.length !== body.results.length) throw new Error(`${url}: results holds something other than submission objects`);
      const next = typeof body.next === 'string' && body.next !== '' ? new URL(body.next, url).href : undefined;
      return { records, next };
    },
    parse(record, _url, position) {
      const id = jsonText(record, '_id');
      // The submission's own address names it in a reject: the operator can open it in Kobo.
      const location = id ? `${dataUrl}${id}/` : `${dataUrl} (submission ${position} of this pull)`;
      // source_row is a 32-bit integer; a larger id still names the submission in its location.
      const row = /^\d{1,9}$/.test(id) ? Number(id) : position;
      return jsonSurveyRow(instrument, record, { location, row }, { pseudonymKey, submittedZone, sourceId: source.id });
    },
    cursorOf: (record) => jsonText(record, SUBMISSION_TIME) || undefined,
    sorted: true,
    maxPages: source.max_pages,
    // The definition lands with the page: metrics, the Surveys page and the 差评 rectifications read it.
    write: (db, rows, alsoInTransaction) =>
      storeSurveyRows(db, rows, async (trx) => {
        await upsertSurveyInstrument(trx, instrument);
        await alsoInTransaction(trx);
      }),
  });
}
