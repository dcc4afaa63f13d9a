import type { SourceKind } from '../schema.ts';
import { protectingCommunities } from './community-protection.ts';

/** The scorecard's figures that are suppressed on a base of their own: the blocks, then the rates inside them. */
export const scorecardFigures = [
  'survey',
  'survey.satisfied_share',
  'mentions',
  'mentions.mean_sentiment',
  'mentions.net_sentiment',
  'mentions.negative_share',
  'tickets',
  'tickets.on_time_rate',
  'tickets.satisfied_rate',
] as const;
export type ScorecardFigure = (typeof scorecardFigures)[number];

/** n of a community's rollups for one clause, by source kind and metric (0 when absent). */
export type BaseOf = (kind: SourceKind, metric: string) => number;

/** What the privacy minimum counts for each figure, as clause-scorecard.ts suppresses it. */
const baseOf: Record<ScorecardFigure, (n: BaseOf) => number> = {
  survey: (n) => (n('survey', 'index') > 0 ? n('survey', 'respondents') : 0),
  'survey.satisfied_share': (n) => n('survey', 'satisfied'),
  mentions: (n) => Math.max(n('mentions', 'negative'), n('mentions', 'positive'), n('mentions', 'sentiment')),
  'mentions.mean_sentiment': (n) => n('mentions', 'sentiment'),
  'mentions.net_sentiment': (n) => n('mentions', 'negative') || n('mentions', 'positive'),
  'mentions.negative_share': (n) => n('mentions', 'negative'),
  tickets: (n) => n('servicedesk', 'opened'),
  'tickets.on_time_rate': (n) => n('servicedesk', 'on_time'),
  'tickets.satisfied_rate': (n) => n('servicedesk', 'rated_satisfied'),
};

const blockOf = (figure: ScorecardFigure) => figure.split('.')[0] as ScorecardFigure;

/**
 * For one clause, the figures each community withholds to protect a smaller community's
 * (community-protection.ts). Blocks first: a rate inside a withheld block is withheld with it, and
 * its base then counts among the hidden ones.
 */
export function protectedScorecardFigures(bases: ReadonlyMap<string, BaseOf>, minCell: number): Map<string, Set<ScorecardFigure>> {
  const result = new Map<string, Set<ScorecardFigure>>([...bases.keys()].map((id) => [id, new Set<ScorecardFigure>()]));
  const withheld = (id: string, figure: ScorecardFigure) => {
    const n = bases.get(id);
    return !!n && ((baseOf[figure](n) > 0 && baseOf[figure](n) < minCell) || (result.get(id)?.has(figure) ?? false));
  };
  for (const figure of scorecardFigures) {
    const block = blockOf(figure);
    const cells = [...bases].map(([community_id, n]) => ({
      community_id,
      n: baseOf[figure](n),
      withheld: withheld(community_id, figure) || (block !== figure && withheld(community_id, block)),
    }));
    for (const id of protectingCommunities(cells, minCell)) result.get(id)?.add(figure);
  }
  return result;
}
