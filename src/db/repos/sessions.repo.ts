// All SQL for sign-in sessions. Only the SHA-256 of a session token is ever stored or looked up.
import type { Kysely } from 'kysely';
import type { ResolvedCredential } from '../../domain/identity/identity.ts';
import type { Database } from '../schema.ts';

export interface NewSession {
  id: string;
  tokenHash: string;
  userId: string;
  orgId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export async function insertSession(db: Kysely<Database>, s: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      token_hash: s.tokenHash,
      user_id: s.userId,
      org_id: s.orgId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
      revoked_at: null,
    })
    .execute();
}

/**
 * The live session with this hash, as the user's current role in the session's org. A revoked or
 * expired session, a disabled user or a lost membership all resolve to nothing.
 */
export async function resolveSession(
  db: Kysely<Database>,
  tokenHash: string,
  nowIso: string,
): Promise<ResolvedCredential | undefined> {
  const r = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('memberships', (j) =>
      j
        .onRef('memberships.user_id', '=', 'sessions.user_id')
        .onRef('memberships.org_id', '=', 'sessions.org_id'),
    )
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.org_id',
      'sessions.csrf_token',
      'memberships.role',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', nowIso)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (r === undefined) return undefined;
  return {
    userId: r.user_id,
    orgId: r.org_id,
    role: r.role,
    sessionId: r.id,
    tokenId: null,
    csrfToken: r.csrf_token,
    lastUsedAt: null,
  };
}

/** Revokes a live session; false when it was already revoked (or never existed). */
export async function revokeSession(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Revokes the user's live sessions, in one org or everywhere. Returns how many. */
export async function revokeUserSessions(
  db: Kysely<Database>,
  userId: string,
  at: string,
  orgId?: string,
): Promise<number> {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (orgId !== undefined) q = q.where('org_id', '=', orgId);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function setSessionOrg(
  db: Kysely<Database>,
  id: string,
  orgId: string,
): Promise<void> {
  await db.updateTable('sessions').set({ org_id: orgId }).where('id', '=', id).execute();
}
