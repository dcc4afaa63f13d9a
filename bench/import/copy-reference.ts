import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** A pg client working in the bench's schema, for COPY (which Kysely does not speak). */
export async function copyClient(url: string, schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  return client;
}

/** COPY FROM a CSV file into a table; seconds taken. */
export async function copyIn(client: pg.Client, table: string, file: string, header: boolean): Promise<number> {
  const started = performance.now();
  await pipeline(createReadStream(file), client.query(copyFrom(`copy ${table} from stdin with (format csv${header ? ', header true' : ''})`)));
  return (performance.now() - started) / 1000;
}

/** COPY a query's rows out to a CSV file. */
export async function copyOut(client: pg.Client, query: string, file: string): Promise<void> {
  await pipeline(client.query(copyTo(`copy (${query}) to stdout with (format csv)`)), createWriteStream(file));
}
