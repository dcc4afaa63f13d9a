/** What one collector run did; also stored (without ids) as the run's stats. */
export interface ImportSummary {
  source_id: string;
  run_id: number;
  read: number;
  new: number;
  duplicate: number;
  rejected: number;
  /** Set when the run failed as a whole (unreachable feed, unreadable file). */
  error?: string;
}
