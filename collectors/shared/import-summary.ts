/** What one collector run did; also stored (without ids) as the run's stats. */
export interface ImportSummary {
  source_id: string;
  run_id: number;
  read: number;
  new: number;
  duplicate: number;
  /** Records already stored whose content changed and was updated (tickets, survey responses). */
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

/** What a bulk writer says of a batch: how many of its records were new and how many changed; the rest were stored before. */
export interface WriteCounts {
  new: number;
  updated: number;
}

export const isWriteCounts = (written: readonly WriteOutcome[] | WriteCounts): written is WriteCounts => !Array.isArray(written);

/** Counts a batch of `size` records written in bulk; `updated` appears only once something was updated. */
export function countWrites(stats: { new: number; duplicate: number; updated?: number }, counts: WriteCounts, size: number): void {
  stats.new += counts.new;
  stats.duplicate += size - counts.new - counts.updated;
  if (counts.updated > 0) stats.updated = (stats.updated ?? 0) + counts.updated;
}
