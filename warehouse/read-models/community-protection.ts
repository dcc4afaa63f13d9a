/**
 * Complementary suppression across communities. Every read model that can be asked for one
 * community (`?community=`, `--community`) also publishes the same figure for all communities
 * together; were a small community's cell the only one withheld, the total less the published
 * communities would give its count and mean (or rate) back. So, figure by figure (same period,
 * month, clause, question or KPI), the communities withheld must hold at least `minCell` people
 * between them, or none: while they hold fewer, the smallest published community is withheld too.
 * The same rule as `--by` splits (pipeline/metrics/survey-metrics.ts, pipeline/scoring/ticket-kpis.ts).
 * Pure: counts in, decisions out.
 */

/** One community's cell of a figure: what the privacy minimum counts, and whether it is already withheld. */
export interface CommunityCell {
  community_id: string;
  /** Respondents, rated tickets, scored mentions…: the base the figure is suppressed on; 0 for no data. */
  n: number;
  /** Withheld already (below the minimum, or hidden with a figure it is part of). Default: n < minCell. */
  withheld?: boolean;
}

/**
 * The communities whose figure must be withheld although their own base reaches `minCell`. Ties go
 * by community id, so every view of the same data (one community or another) decides alike.
 */
export function protectingCommunities(cells: readonly CommunityCell[], minCell: number): Set<string> {
  const present = cells.filter((c) => c.n > 0);
  const isWithheld = (c: CommunityCell) => c.withheld ?? c.n < minCell;
  let hidden = present.filter(isWithheld).reduce((total, c) => total + c.n, 0);
  const protecting = new Set<string>();
  if (hidden === 0) return protecting;
  const published = present.filter((c) => !isWithheld(c)).sort((a, b) => a.n - b.n || a.community_id.localeCompare(b.community_id));
  for (const c of published) {
    if (hidden >= minCell) break;
    protecting.add(c.community_id);
    hidden += c.n;
  }
  return protecting;
}

/** Whether `communityId`'s published figure protects a smaller community's (see protectingCommunities). */
export function protectsSmallerCommunity(cells: readonly CommunityCell[], communityId: string, minCell: number): boolean {
  return protectingCommunities(cells, minCell).has(communityId);
}
