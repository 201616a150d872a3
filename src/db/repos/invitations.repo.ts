// All SQL for invitations. The invitation token itself is never stored, only its SHA-256.
import type { Kysely } from 'kysely';
import type { Invitation } from '../../domain/identity/identity.ts';
import type { Database, InvitationsTable } from '../schema.ts';

function rowToInvitation(r: InvitationsTable): Invitation {
  return {
    id: r.id,
    orgId: r.org_id,
    email: r.email,
    role: r.role,
    invitedBy: r.invited_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    acceptedAt: r.accepted_at,
    revokedAt: r.revoked_at,
  };
}

export type NewInvitation = Omit<Invitation, 'acceptedAt' | 'revokedAt'> & { tokenHash: string };

export async function insertInvitation(
  db: Kysely<Database>,
  i: NewInvitation,
): Promise<Invitation> {
  const row: InvitationsTable = {
    id: i.id,
    org_id: i.orgId,
    email: i.email,
    role: i.role,
    token_hash: i.tokenHash,
    invited_by: i.invitedBy,
    created_at: i.createdAt,
    expires_at: i.expiresAt,
    accepted_at: null,
    revoked_at: null,
  };
  await db.insertInto('invitations').values(row).execute();
  return rowToInvitation(row);
}

export async function findInvitationByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<Invitation | undefined> {
  const r = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return r === undefined ? undefined : rowToInvitation(r);
}

/** An invitation by id, only within `orgId`. */
export async function findInvitation(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<Invitation | undefined> {
  const r = await db
    .selectFrom('invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r === undefined ? undefined : rowToInvitation(r);
}

/** Open invitations (neither accepted nor revoked; expired ones included so they can be seen), newest first. */
export async function listOpenInvitations(
  db: Kysely<Database>,
  orgId: string,
): Promise<Invitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(rowToInvitation);
}

/** False when it was already accepted or revoked. */
export async function revokeInvitation(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable('invitations')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Revokes the org's open invitations for an address (a new one replaces them). Returns how many. */
export async function revokeOpenInvitationsFor(
  db: Kysely<Database>,
  orgId: string,
  email: string,
  at: string,
): Promise<number> {
  const res = await db
    .updateTable('invitations')
    .set({ revoked_at: at })
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Marks it accepted unless someone got there first (then false: an invitation is used once). */
export async function markInvitationAccepted(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable('invitations')
    .set({ accepted_at: at })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
