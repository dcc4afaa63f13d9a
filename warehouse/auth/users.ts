import bcrypt from 'bcryptjs';
import type { Db } from '../database.ts';
import type { Role } from '../schema.ts';

export interface NewUserInput {
  username: string;
  password: string;
  role: Role;
  display_name: string;
}

/** What the dashboard may know about a user: never the hash. */
export interface PublicUser {
  id: number;
  username: string;
  role: Role;
  display_name: string;
}

const ROUNDS = 10;
// Compared against when the username is unknown, so a miss costs as long as a wrong password.
const DUMMY_HASH = bcrypt.hashSync('talentpulse-no-such-user', ROUNDS);

/** Creates the user, or replaces password, role and name of an existing one with that username. */
export async function createUser(db: Db, input: NewUserInput): Promise<PublicUser> {
  const password_hash = await bcrypt.hash(input.password, ROUNDS);
  return db
    .insertInto('users')
    .values({ username: input.username, password_hash, role: input.role, display_name: input.display_name })
    .onConflict((oc) => oc.column('username').doUpdateSet({ password_hash, role: input.role, display_name: input.display_name }))
    .returning(['id', 'username', 'role', 'display_name'])
    .executeTakeFirstOrThrow();
}

/** Creates the user only when the username is free; an existing user (and its password) is left alone. */
export async function ensureUser(db: Db, input: NewUserInput): Promise<PublicUser> {
  const existing = await findUser(db, input.username);
  if (existing) return existing;
  const password_hash = await bcrypt.hash(input.password, ROUNDS);
  await db
    .insertInto('users')
    .values({ username: input.username, password_hash, role: input.role, display_name: input.display_name })
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();
  const user = await findUser(db, input.username);
  if (!user) throw new Error(`user "${input.username}" could not be created`);
  return user;
}

export async function findUser(db: Db, username: string): Promise<PublicUser | undefined> {
  return db.selectFrom('users').select(['id', 'username', 'role', 'display_name']).where('username', '=', username).executeTakeFirst();
}

/** The user when the password matches; undefined otherwise, whichever part was wrong. */
export async function verifyLogin(db: Db, username: string, password: string): Promise<PublicUser | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'display_name', 'password_hash'])
    .where('username', '=', username)
    .executeTakeFirst();
  const ok = await bcrypt.compare(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok) return undefined;
  return { id: row.id, username: row.username, role: row.role, display_name: row.display_name };
}
