import type { Clause } from '../config/clauses.ts';
import type { Config } from '../config/schema.ts';
import type { Db } from '../warehouse/database.ts';

/** What every route needs, handed down from createApp. */
export interface AppContext {
  config: Readonly<Config>;
  db: Db;
  clauses: readonly Clause[];
}
