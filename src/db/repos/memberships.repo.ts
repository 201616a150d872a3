// All SQL for who belongs to which organization, and with which role.
import type { Kysely } from 'kysely';
import type { Member, Membership, UserMembership } from '../../domain/identity/identity.ts';
import type { Role } from '../../domain/identity/roles.ts';
import type { Database } from '../schema.ts';

/** Inserts the membership; false when the user already belongs to the org. */
export async function insertMembership(db: Kysely<Database>, m: Membership): Promise<boolean> {
  const res = await db
    .insertInto('memberships')
    .values({ org_id: m.orgId, user_id: m.userId, role: m.role, created_at: m.createdAt })
    .onConflict((oc) => oc.columns(['org_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findMembership(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
): Promise<Membership | undefined> {
  const r = await db
    .selectFrom('memberships')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r === undefined
    ? undefined
    : { orgId: r.org_id, userId: r.user_id, role: r.role, createdAt: r.created_at };
}

export async function listMembers(db: Kysely<Database>, orgId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as userId',
      'users.email',
      'users.name',
      'users.disabled_at',
      'memberships.role',
      'memberships.created_at',
    ])
    .where('memberships.org_id', '=', orgId)
    .orderBy('memberships.created_at')
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({
    userId: r.userId,
    email: r.email,
    name: r.name,
    role: r.role,
    joinedAt: r.created_at,
    disabled: r.disabled_at !== null,
  }));
}

/** The user's orgs, oldest membership first (the default org at sign-in). */
export async function listUserMemberships(
  db: Kysely<Database>,
  userId: string,
): Promise<UserMembership[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('orgs', 'orgs.id', 'memberships.org_id')
    .select(['memberships.org_id', 'orgs.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.created_at')
    .orderBy('memberships.org_id')
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, orgName: r.name, role: r.role }));
}

/**
 * The org's owners. With `forUpdate` (PostgreSQL) the owner rows stay locked until commit, so two
 * owners demoting each other at once cannot both pass the "keep one owner" check.
 */
export async function ownerIds(
  db: Kysely<Database>,
  orgId: string,
  forUpdate: boolean,
): Promise<string[]> {
  let q = db
    .selectFrom('memberships')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner');
  if (forUpdate) q = q.forUpdate();
  const rows = await q.execute();
  return rows.map((r) => r.user_id);
}

export async function updateMembershipRole(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMembership(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
): Promise<void> {
  await db
    .deleteFrom('memberships')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
}

export async function findMember(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
): Promise<Member | undefined> {
  const r = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.email',
      'users.name',
      'users.disabled_at',
      'memberships.role',
      'memberships.created_at',
    ])
    .where('memberships.org_id', '=', orgId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();
  if (r === undefined) return undefined;
  return {
    userId,
    email: r.email,
    name: r.name,
    role: r.role,
    joinedAt: r.created_at,
    disabled: r.disabled_at !== null,
  };
}
