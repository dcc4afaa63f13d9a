import type { Db } from '../../warehouse/database.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { readSourceCursor, saveSourceCursor } from '../../warehouse/writers/source-cursors.ts';
import { ensureSource, markSourceProducedNew, type SourceRow } from '../../warehouse/writers/sources.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { maxCursor } from './cursor-order.ts';
import type { ParsedRow } from './import-table.ts';
import { countWrite, type ImportSummary, type WriteOutcome } from './import-summary.ts';
import type { JsonRecord } from './json-record.ts';
import { startRun } from './run-recorder.ts';

export interface ApiPage {
  records: JsonRecord[];
  /** The next page's URL; undefined on the last page. */
  next: string | undefined;
}

export interface ApiPull<Row> {
  source: SourceRow;
  fetcher: Fetcher;
  headers: Record<string, string>;
  /** The first page's URL, asking only for records after the stored cursor. */
  firstUrl(cursor: string | undefined): string;
  /** One page's JSON body as records and the next URL; throws naming the URL when the shape is wrong. */
  readPage(body: unknown, url: string, page: number): ApiPage;
  /** A record as a row to store, or its problems (the reject names the record and field). */
  parse(record: JsonRecord, url: string, position: number): ParsedRow<Row>;
  /** The record's cursor value (rejected records count too: they are dealt with). */
  cursorOf(record: JsonRecord): string | undefined;
  /** True when the API returns records in ascending cursor order, so the cursor may advance page by page. */
  sorted: boolean;
  maxPages: number;
  /** Stores rows idempotently (new, unchanged or updated) and runs `alsoInTransaction` in the same transaction; `runId` is the collector run. */
  write(db: Db, rows: Row[], alsoInTransaction: (trx: Db) => Promise<void>, runId: number): Promise<readonly WriteOutcome[]>;
}

/**
 * The pull loop every API source shares: page through what is newer than the cursor, land each
 * page in one transaction together with the cursor it justifies, keep rejects, record the run.
 * A failure (unreachable, 401, not JSON) fails the run and leaves the cursor where it was, so the
 * next pull asks again; what already landed is not stored twice.
 */
export async function pullApi<Row>(db: Db, spec: ApiPull<Row>): Promise<ImportSummary> {
  const { source } = spec;
  await ensureCommunity(db, { id: source.community_id });
  await ensureSource(db, source);
  const run = await startRun(db, source.id);
  let url = spec.firstUrl(await readSourceCursor(db, source.id));
  const seen: string[] = [];
  try {
    for (let page = 1; ; page++) {
      const response = await spec.fetcher.fetch(url, { headers: spec.headers });
      let body: unknown;
      try {
        body = JSON.parse(response.body.toString('utf8'));
      } catch (error) {
        throw new Error(`${url}: the response is not JSON (${(error as Error).message})`, { cause: error });
      }
      const { records, next } = spec.readPage(body, url, page);
      const rows: Row[] = [];
      const values: string[] = [];
      for (const record of records) {
        run.stats.read++;
        const parsed = spec.parse(record, url, run.stats.read);
        if (parsed.ok) rows.push(parsed.row);
        else await run.reject(...parsed.problems);
        const value = spec.cursorOf(record);
        if (value !== undefined && value !== '') values.push(value);
      }
      const last = next === undefined || page >= spec.maxPages;
      const cursor = cursorAfterPage(spec.sorted, last && next === undefined, seen, values);
      const moveCursor = async (trx: Db) => {
        if (cursor !== undefined) await saveSourceCursor(trx, source.id, cursor);
      };
      for (const outcome of await spec.write(db, rows, moveCursor, run.runId)) countWrite(run.stats, outcome);
      if (last) break;
      url = next as string;
    }
    if (run.stats.new > 0 || (run.stats.updated ?? 0) > 0) await markSourceProducedNew(db, source.id, new Date());
    return await run.finish();
  } catch (error) {
    return await run.finish(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The cursor a landed page justifies. Sorted: everything before the page's last value is in (the
 * last value may go on in the next page, so it waits), all of it on the final page. Unsorted: only
 * the end of the whole pull proves nothing older is still to come.
 */
function cursorAfterPage(sorted: boolean, final: boolean, seen: string[], page: readonly string[]): string | undefined {
  const lastOfPage = page.at(-1);
  if (sorted && !final && lastOfPage !== undefined) {
    const before = page.filter((value) => value !== lastOfPage);
    seen.push(...page);
    return maxCursor(before);
  }
  seen.push(...page);
  return final ? maxCursor(seen) : undefined;
}
