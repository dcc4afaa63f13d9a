/** What one collector run did; also stored (without ids) as the run's stats. */
export interface ImportSummary {
  source_id: string;
  run_id: number;
  read: number;
  new: number;
  duplicate: number;
  /** Records already stored whose content changed and was updated (sources that update: tickets). */
  updated?: number;
  rejected: number;
  /** What the run noticed that a person should know, one sentence each. */
  notes?: string[];
  /** Set when the run failed as a whole (unreachable feed, unreadable file). */
  error?: string;
}

/** What storing one record did: true new, false already stored as it is, 'updated' stored and changed. */
export type WriteOutcome = boolean | 'updated';

/** Counts one write in a run's stats; `updated` appears only once something was updated. */
export function countWrite(stats: { new: number; duplicate: number; updated?: number }, outcome: WriteOutcome): void {
  if (outcome === 'updated') stats.updated = (stats.updated ?? 0) + 1;
  else stats[outcome ? 'new' : 'duplicate']++;
}
