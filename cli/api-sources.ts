import { loadInstrument } from '../config/instrument.ts';
import type { Config } from '../config/schema.ts';
import { loadTicketMapping } from '../config/ticket-mapping.ts';
import type { Fetcher } from '../collectors/http/fetcher.ts';
import { configuredFetcher } from './configured-fetcher.ts';
import { pullTicketsApi } from '../collectors/servicedesk/pull-tickets-api.ts';
import type { ImportSummary } from '../collectors/shared/import-summary.ts';
import { pullKobo } from '../collectors/survey/pull-kobo.ts';
import type { Db } from '../warehouse/database.ts';

/** One configured API source ready to pull: a Kobo form or a desk's ticket API. */
export interface ApiSource {
  id: string;
  schedule: string;
  /** The setting its schedule came from, for error messages. */
  setting: string;
  pull(db: Db): Promise<ImportSummary>;
}

/**
 * The fetcher for APIs we hold a token for: the same timeouts, retries and per-host politeness
 * as the crawler, but no robots.txt (it speaks to crawlers, not to an account's own API client).
 */
export function apiFetcher(config: Config): Fetcher {
  return configuredFetcher(config, { robots: false });
}

/** The enabled survey_sources and ticket_sources, each with its instrument or mapping loaded. */
export function apiSources(config: Config, fetcher: Fetcher = apiFetcher(config)): ApiSource[] {
  const pseudonymKey = config.privacy.pseudonym_key;
  const surveys = config.survey_sources
    .map((source, i) => ({ source, i }))
    .filter(({ source }) => source.enabled)
    .map(({ source, i }): ApiSource => {
      const instrument = loadInstrument(source.instrument);
      return { id: source.id, schedule: source.schedule, setting: `survey_sources.${i}.schedule`, pull: (db) => pullKobo(db, { source, instrument, fetcher, pseudonymKey }) };
    });
  const tickets = config.ticket_sources
    .map((source, i) => ({ source, i }))
    .filter(({ source }) => source.enabled)
    .map(({ source, i }): ApiSource => {
      const mapping = loadTicketMapping(source.mapping);
      return { id: source.id, schedule: source.schedule, setting: `ticket_sources.${i}.schedule`, pull: (db) => pullTicketsApi(db, { source, mapping, fetcher }) };
    });
  return [...surveys, ...tickets];
}

/** Pulls each source in turn; one failing (even unexpectedly) never stops the others. */
export async function pullApiSources(db: Db, sources: readonly ApiSource[]): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const source of sources) {
    try {
      summaries.push(await source.pull(db));
    } catch (error) {
      summaries.push({ source_id: source.id, run_id: 0, read: 0, new: 0, duplicate: 0, rejected: 0, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return summaries;
}
