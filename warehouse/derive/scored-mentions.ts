import type { Db } from '../database.ts';

/** A community's mentions joined to their scores of one scorer version: the base of every mention rule. */
export function scoredMentions(db: Db, q: { communityId: string; scorerVersion: string }) {
  return db
    .selectFrom('mentions as m')
    .innerJoin('scores as s', (join) =>
      join
        .onRef('s.community_id', '=', 'm.community_id')
        .onRef('s.record_id', '=', 'm.id')
        .on('s.record_kind', '=', 'mention')
        .on('s.scorer_version', '=', q.scorerVersion),
    )
    .where('m.community_id', '=', q.communityId);
}
