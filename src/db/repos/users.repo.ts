// All SQL for user accounts. The password hash leaves this file only through findUserCredentials.
import type { Kysely } from 'kysely';
import type { User } from '../../domain/identity/identity.ts';
import type { Database, UsersTable } from '../schema.ts';

function rowToUser(r: UsersTable): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  };
}

export interface NewUser {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  at: string;
}

/** Inserts the user; false when the email is taken (checked by the unique index, so races lose cleanly). */
export async function insertUser(db: Kysely<Database>, u: NewUser): Promise<boolean> {
  const res = await db
    .insertInto('users')
    .values({
      id: u.id,
      email: u.email,
      name: u.name,
      password_hash: u.passwordHash,
      created_at: u.at,
      disabled_at: null,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : rowToUser(row);
}

export async function findUserByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  return row === undefined ? undefined : rowToUser(row);
}

/** For sign-in only. */
export async function findUserCredentials(
  db: Kysely<Database>,
  email: string,
): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  return row === undefined ? undefined : { user: rowToUser(row), passwordHash: row.password_hash };
}

/** Every user, or those with a membership in `orgId`, by email. */
export async function listUsers(db: Kysely<Database>, orgId?: string): Promise<User[]> {
  let q = db.selectFrom('users').selectAll('users');
  if (orgId !== undefined) {
    q = q
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .where('memberships.org_id', '=', orgId);
  }
  const rows = await q.orderBy('users.email').execute();
  return rows.map(rowToUser);
}

export async function setUserDisabled(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('users').set({ disabled_at: at }).where('id', '=', id).execute();
}
