// All SQL for circles, their members and invitations. Returns domain types.
import type { Kysely } from 'kysely';
import type {
  Circle,
  CircleInvitation,
  CircleInvitationStatus,
  CircleMember,
  CircleRole,
  CircleRoster,
} from '../../domain/deals/circle.ts';
import type { CircleInvitationsTable, CirclesTable, Database } from '../schema.ts';

const isUniqueViolation = (e: unknown): boolean => {
  const code = (e as { code?: unknown }).code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
};

const toCircle = (r: CirclesTable): Circle => ({
  id: r.id,
  name: r.name,
  description: r.description,
  ownerOrgId: r.owner_org_id,
  createdAt: r.created_at,
});

const toInvitation = (r: CircleInvitationsTable): CircleInvitation => ({
  id: r.id,
  circleId: r.circle_id,
  orgId: r.org_id,
  invitedByOrgId: r.invited_by_org_id,
  status: r.status as CircleInvitationStatus,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
  version: r.version,
});

const openKey = (i: CircleInvitation): string | null =>
  i.status === 'pending' ? `${i.circleId}:${i.orgId}` : null;

export async function insertCircle(db: Kysely<Database>, c: Circle): Promise<void> {
  await db
    .insertInto('circles')
    .values({
      id: c.id,
      name: c.name,
      description: c.description,
      owner_org_id: c.ownerOrgId,
      created_at: c.createdAt,
    })
    .execute();
}

export async function findCircle(db: Kysely<Database>, id: string): Promise<Circle | undefined> {
  const row = await db.selectFrom('circles').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toCircle(row);
}

/** Adds a member; false when the org already is one (a concurrent acceptance). */
export async function insertMember(
  db: Kysely<Database>,
  circleId: string,
  m: CircleMember,
): Promise<boolean> {
  try {
    await db
      .insertInto('circle_members')
      .values({ circle_id: circleId, org_id: m.orgId, role: m.role, joined_at: m.joinedAt })
      .execute();
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/** Removes a member; false when it was not (or no longer) one. */
export async function deleteMember(
  db: Kysely<Database>,
  circleId: string,
  orgId: string,
): Promise<boolean> {
  const res = await db
    .deleteFrom('circle_members')
    .where('circle_id', '=', circleId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return res.numDeletedRows === 1n;
}

export interface NamedMember extends CircleMember {
  orgName: string;
}

export async function listMembers(db: Kysely<Database>, circleId: string): Promise<NamedMember[]> {
  const rows = await db
    .selectFrom('circle_members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['m.org_id', 'm.role', 'm.joined_at', 'o.name'])
    .where('m.circle_id', '=', circleId)
    .orderBy('m.joined_at')
    .orderBy('m.org_id')
    .execute();
  return rows.map((r) => ({
    orgId: r.org_id,
    role: r.role as CircleRole,
    joinedAt: r.joined_at,
    orgName: r.name,
  }));
}

export async function memberRole(
  db: Kysely<Database>,
  circleId: string,
  orgId: string,
): Promise<CircleRole | undefined> {
  const row = await db
    .selectFrom('circle_members')
    .select('role')
    .where('circle_id', '=', circleId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.role as CircleRole | undefined;
}

export interface CircleOfOrg extends Circle {
  role: CircleRole;
  memberCount: number;
}

/** The circles `orgId` belongs to (owned ones included), newest first. */
export async function listCirclesOf(db: Kysely<Database>, orgId: string): Promise<CircleOfOrg[]> {
  const rows = await db
    .selectFrom('circle_members as me')
    .innerJoin('circles as c', 'c.id', 'me.circle_id')
    .selectAll('c')
    .select('me.role')
    .select((eb) =>
      eb
        .selectFrom('circle_members as cmc')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('cmc.circle_id', '=', 'c.id')
        .as('member_count'),
    )
    .where('me.org_id', '=', orgId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    ...toCircle(r),
    role: r.role as CircleRole,
    memberCount: Number(r.member_count ?? 0),
  }));
}

/** Circle id -> members, for every circle `orgId` belongs to (what circle visibility needs). */
export async function rosterOf(db: Kysely<Database>, orgId: string): Promise<CircleRoster> {
  const rows = await db
    .selectFrom('circle_members as me')
    .innerJoin('circle_members as m', 'm.circle_id', 'me.circle_id')
    .select(['m.circle_id', 'm.org_id'])
    .where('me.org_id', '=', orgId)
    .execute();
  const roster = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = roster.get(r.circle_id) ?? new Set<string>();
    set.add(r.org_id);
    roster.set(r.circle_id, set);
  }
  return roster;
}

/** Inserts `i`; false when the org already has a pending invitation to the circle. */
export async function insertInvitation(
  db: Kysely<Database>,
  i: CircleInvitation,
): Promise<boolean> {
  try {
    await db
      .insertInto('circle_invitations')
      .values({
        id: i.id,
        circle_id: i.circleId,
        org_id: i.orgId,
        invited_by_org_id: i.invitedByOrgId,
        status: i.status,
        created_at: i.createdAt,
        decided_at: i.decidedAt,
        open_key: openKey(i),
        version: i.version,
      })
      .execute();
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

export async function findInvitation(
  db: Kysely<Database>,
  circleId: string,
  id: string,
): Promise<CircleInvitation | undefined> {
  const row = await db
    .selectFrom('circle_invitations')
    .selectAll()
    .where('id', '=', id)
    .where('circle_id', '=', circleId)
    .executeTakeFirst();
  return row === undefined ? undefined : toInvitation(row);
}

/** Writes the decided invitation if it is still at `expectedVersion`; false when stale. */
export async function updateInvitation(
  db: Kysely<Database>,
  i: CircleInvitation,
  expectedVersion: number,
): Promise<boolean> {
  const res = await db
    .updateTable('circle_invitations')
    .set({ status: i.status, decided_at: i.decidedAt, open_key: openKey(i), version: i.version })
    .where('id', '=', i.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

export interface NamedInvitation extends CircleInvitation {
  circleName: string;
  orgName: string;
}

/** Pending invitations of one circle, or to one org (across circles), oldest first. */
export async function listPendingInvitations(
  db: Kysely<Database>,
  by: { circleId: string } | { orgId: string },
): Promise<NamedInvitation[]> {
  let q = db
    .selectFrom('circle_invitations as i')
    .innerJoin('circles as c', 'c.id', 'i.circle_id')
    .innerJoin('orgs as o', 'o.id', 'i.org_id')
    .selectAll('i')
    .select(['c.name as circle_name', 'o.name as org_name'])
    .where('i.status', '=', 'pending');
  q =
    'circleId' in by
      ? q.where('i.circle_id', '=', by.circleId)
      : q.where('i.org_id', '=', by.orgId);
  const rows = await q.orderBy('i.created_at').orderBy('i.id').execute();
  return rows.map((r) => ({ ...toInvitation(r), circleName: r.circle_name, orgName: r.org_name }));
}
