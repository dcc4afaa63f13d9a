/** What happened to one item (or to a list/feed page) in a crawl, and why. */
export type ItemOutcome =
  /** Stored as the first mention of a new story. */
  | 'new'
  /** Stored, joining an earlier story whose text is within a few SimHash bits. */
  | 'near_duplicate'
  /** Not stored: its URL is stored already (not fetched again), or its exact text is. */
  | 'duplicate'
  | 'not_modified'
  | 'filtered_out'
  | 'disallowed'
  | 'failed'
  /** Over the source's max_items for this run; the next run takes it. */
  | 'deferred';

export interface ItemDecision {
  url: string;
  title: string | null;
  outcome: ItemOutcome;
  reason: string;
  /** For new and near-duplicate items: the story they belong to (url_hash of its original). */
  story_key?: string;
}

/**
 * Run statistics, stored in collector_runs.stats. Item outcomes are exclusive: new + near_duplicate
 * items were stored. `fetched` counts downloads (feed and list pages too), `read` the items
 * considered, `rejected` the failed URLs written to rejects.
 */
export interface CrawlStats {
  read: number;
  fetched: number;
  not_modified: number;
  new: number;
  near_duplicate: number;
  duplicate: number;
  filtered_out: number;
  disallowed: number;
  failed: number;
  deferred: number;
  rejected: number;
  [more: string]: number;
}

export interface CrawlReport {
  source_id: string;
  /** Null for a dry run, which records nothing. */
  run_id: number | null;
  dry_run: boolean;
  status: 'ok' | 'partial' | 'failed';
  stats: CrawlStats;
  items: ItemDecision[];
  /** Set when the source as a whole failed (feed or first list page unreachable or unreadable). */
  error?: string;
}

export function emptyCrawlStats(): CrawlStats {
  return { read: 0, fetched: 0, not_modified: 0, new: 0, near_duplicate: 0, duplicate: 0, filtered_out: 0, disallowed: 0, failed: 0, deferred: 0, rejected: 0 };
}
