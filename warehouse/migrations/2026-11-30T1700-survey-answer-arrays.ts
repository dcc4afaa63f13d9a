import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// A response's answers move into its own row, as four parallel arrays (question, clause, raw
// answer, 0–100 score, in the order the instrument lists them): a survey export of a million
// answers is then 100,000 rows to store, not 1.1 million, each without a foreign-key check, which
// is what lets the importer keep up with PostgreSQL's COPY. `survey_answers` stays, as a view with
// one row per answer, so ad-hoc SQL and every reader see the same answers as before.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table survey_responses
      add column answer_questions text[] not null default '{}',
      add column answer_clauses text[] not null default '{}',
      add column answer_raw_values text[] not null default '{}',
      add column answer_scores double precision[] not null default '{}',
      add constraint survey_responses_answers_parallel check (
        cardinality(answer_clauses) = cardinality(answer_questions)
        and cardinality(answer_raw_values) = cardinality(answer_questions)
        and cardinality(answer_scores) = cardinality(answer_questions)),
      add constraint survey_responses_answer_scores_range check (0 <= all (answer_scores) and 100 >= all (answer_scores))
  `.execute(db);
  await sql`
    update survey_responses r
       set answer_questions = a.questions, answer_clauses = a.clauses, answer_raw_values = a.raw_values, answer_scores = a.scores
      from (select community_id, response_id,
                   array_agg(question_id order by question_id) as questions,
                   array_agg(clause_id order by question_id) as clauses,
                   array_agg(raw_value order by question_id) as raw_values,
                   array_agg(score order by question_id) as scores
              from survey_answers
             group by community_id, response_id) a
     where r.community_id = a.community_id and r.id = a.response_id
  `.execute(db);
  await sql`drop table survey_answers`.execute(db);
  await sql`
    create view survey_answers as
    select r.community_id, r.id as response_id, a.question_id, a.clause_id, a.raw_value, a.score
      from survey_responses r
     cross join lateral unnest(r.answer_questions, r.answer_clauses, r.answer_raw_values, r.answer_scores)
           as a(question_id, clause_id, raw_value, score)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop view survey_answers`.execute(db);
  await sql`
    create table survey_answers (
      community_id text not null,
      response_id bigint not null,
      question_id text not null,
      clause_id text,
      raw_value text,
      score double precision check (score between 0 and 100),
      primary key (community_id, response_id, question_id),
      foreign key (community_id, response_id) references survey_responses (community_id, id) on delete cascade
    )
  `.execute(db);
  await sql`
    insert into survey_answers (community_id, response_id, question_id, clause_id, raw_value, score)
    select r.community_id, r.id, a.question_id, a.clause_id, a.raw_value, a.score
      from survey_responses r
     cross join lateral unnest(r.answer_questions, r.answer_clauses, r.answer_raw_values, r.answer_scores)
           as a(question_id, clause_id, raw_value, score)
  `.execute(db);
  await sql`
    alter table survey_responses
      drop constraint survey_responses_answers_parallel,
      drop constraint survey_responses_answer_scores_range,
      drop column answer_questions,
      drop column answer_clauses,
      drop column answer_raw_values,
      drop column answer_scores
  `.execute(db);
}
