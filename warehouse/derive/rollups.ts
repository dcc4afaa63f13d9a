import { sql } from 'kysely';
import type { TicketSla } from '../../config/ticket-sla.ts';
import type { Db } from '../database.ts';
import { slaDueValues } from '../read-models/sla-due-values.ts';

export interface RollupOptions {
  /** IANA zone that decides which day a record belongs to (reporting periods are local). */
  timezone: string;
  scorerVersion: string;
  /** 按时办结 without the export's due time: the rule metrics tickets and the overview apply (config/ticket-sla.ts). */
  ticketSla: TicketSla;
  /** Lowest 好差评 level counted satisfied (config satisfaction.satisfied_min_rating). */
  satisfiedMinRating: number;
  /** Recompute days from this local date on ('YYYY-MM-DD'); all days when absent. */
  fromDay?: string;
}

/**
 * Recomputes the daily rollups (day × community × clause × source kind × metric) from the raw rows.
 * Delete-then-insert inside one transaction, so running it twice equals running it once.
 */
export async function recomputeRollups(db: Db, options: RollupOptions): Promise<number> {
  const { timezone: tz, scorerVersion: version, satisfiedMinRating: minRating } = options;
  const from = options.fromDay ?? '0001-01-01';
  return db.transaction().execute(async (trx) => {
    // Ticket figures are dated by the opening, as every hotline output counts "tickets opened in the
    // period"; a ticket stored or closed since `from` but opened before it moves its opening day back in.
    const since = sql`(${from}::date)::timestamp at time zone ${tz}`;
    const earliest = await trx
      .selectFrom('tickets')
      .select(sql<string | null>`min((opened_at at time zone ${tz})::date)::text`.as('day'))
      .where(sql<boolean>`created_at >= ${since} or closed_at >= ${since}`)
      .executeTakeFirst();
    const ticketsFrom = earliest?.day && earliest.day < from ? earliest.day : from;
    await trx.deleteFrom('daily_rollups').where('day', '>=', from).execute();
    await trx.deleteFrom('daily_rollups').where('source_kind', '=', 'servicedesk').where('day', '>=', ticketsFrom).execute();
    const now = new Date();
    // The closed tickets the SLA judges (no usable due time of their own), with their due instants.
    const undue = await trx
      .selectFrom('tickets')
      .select(['id', 'opened_at'])
      .where(sql<boolean>`closed_at >= opened_at and (opened_at at time zone ${tz})::date >= ${ticketsFrom}::date`)
      .where((eb) => eb.or([eb('due_at', 'is', null), eb('due_at', '<', eb.ref('opened_at'))]))
      .execute();
    const slaDues = slaDueValues(undue, options.ticketSla);
    const statements = [
      // Survey items on a 0–100 scale; "don't know" and blanks (score null) leave the base.
      sql`
        insert into daily_rollups (community_id, day, clause_id, source_kind, metric, n, sum, sum_sq, updated_at)
        select r.community_id, (r.submitted_at at time zone ${tz})::date as day, c.clause_id, 'survey', m.metric,
               count(*)::int, sum(m.value), sum(m.value * m.value), ${now}
          from survey_responses r
          cross join lateral unnest(r.answer_clauses, r.answer_scores) as a(clause_id, score)
          cross join lateral unnest(array_remove(array[a.clause_id, '*'], null)) as c(clause_id)
          cross join lateral (values ('index', a.score), ('satisfied', case when a.score >= 75 then 1.0 else 0.0 end)) as m(metric, value)
         where a.score is not null and (r.submitted_at at time zone ${tz})::date >= ${from}::date
         group by 1, 2, 3, 5`,
      // Respondents per clause and day: the privacy minimum counts people, not answers, since one
      // person answering nine questions on a clause is still one person. A response lies on one day
      // in one community, so these counts add up exactly over days and communities.
      sql`
        insert into daily_rollups (community_id, day, clause_id, source_kind, metric, n, sum, sum_sq, updated_at)
        select r.community_id, (r.submitted_at at time zone ${tz})::date, c.clause_id, 'survey', 'respondents',
               count(*)::int, count(*), count(*), ${now}
          from survey_responses r
          cross join lateral (
            select distinct u.clause_id
              from unnest(r.answer_clauses, r.answer_scores) as a(clause_id, score)
              cross join lateral unnest(array_remove(array[a.clause_id, '*'], null)) as u(clause_id)
             where a.score is not null) as c(clause_id)
         where (r.submitted_at at time zone ${tz})::date >= ${from}::date
         group by 1, 2, 3`,
      sql`
        insert into daily_rollups (community_id, day, clause_id, source_kind, metric, n, sum, sum_sq, updated_at)
        select mn.community_id, (mn.published_at at time zone ${tz})::date, c.clause_id, 'mentions', m.metric,
               count(*)::int, sum(m.value), sum(m.value * m.value), ${now}
          from mentions mn
          join scores s on s.community_id = mn.community_id and s.record_kind = 'mention'
                       and s.record_id = mn.id and s.scorer_version = ${version}
          cross join lateral unnest(array_append(s.clause_ids, '*')) as c(clause_id)
          cross join lateral (values
            ('sentiment', s.score),
            ('negative', case when s.label = 'negative' then 1.0 else 0.0 end),
            ('positive', case when s.label = 'positive' then 1.0 else 0.0 end)) as m(metric, value)
         where s.label <> 'unscored' and (mn.published_at at time zone ${tz})::date >= ${from}::date
         group by 1, 2, 3, 5`,
      sql`
        insert into daily_rollups (community_id, day, clause_id, source_kind, metric, n, sum, sum_sq, updated_at)
        select t.community_id, (t.opened_at at time zone ${tz})::date, c.clause_id, 'servicedesk', m.metric,
               count(*)::int, sum(m.value), sum(m.value * m.value), ${now}
          from tickets t
          left join scores s on s.community_id = t.community_id and s.record_kind = 'ticket'
                            and s.record_id = t.id and s.scorer_version = ${version}
          left join ${slaDues} on sla_dues.id = t.id
          cross join lateral (select distinct x from unnest(t.clause_ids || coalesce(s.clause_ids, '{}') || array['*']) as u(x)) as c(clause_id)
          cross join lateral (
            select 'opened', 1.0
            union all
            -- As the hotline summary counts them: by the export's due time, else by the SLA's;
            -- a ticket closed before it was opened is a data-quality problem, neither on time nor late.
            select 'on_time',
                   case when t.closed_at <= case when t.due_at >= t.opened_at then t.due_at else sla_dues.due end
                        then 1.0 else 0.0 end
             where t.closed_at >= t.opened_at
            union all
            select 'resolution_hours', extract(epoch from t.closed_at - t.opened_at)::float8 / 3600
             where t.closed_at >= t.opened_at
            union all
            select 'rated_satisfied', case when t.rating >= ${minRating}::int then 1.0 else 0.0 end
             where t.rating is not null) as m(metric, value)
         where (t.opened_at at time zone ${tz})::date >= ${ticketsFrom}::date
         group by 1, 2, 3, 5`,
    ];
    let rows = 0;
    for (const statement of statements) rows += Number((await statement.execute(trx)).numAffectedRows ?? 0);
    return rows;
  });
}
