// All SQL for API tokens. Only the SHA-256 of a token is stored; `prefix` is what lists show.
import type { Kysely } from 'kysely';
import type { ApiToken, ResolvedCredential } from '../../domain/identity/identity.ts';
import type { ApiTokensTable, Database } from '../schema.ts';

function rowToToken(r: ApiTokensTable): ApiToken {
  return {
    id: r.id,
    orgId: r.org_id,
    userId: r.user_id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

export type NewApiToken = Omit<ApiToken, 'lastUsedAt' | 'revokedAt'> & { tokenHash: string };

export async function insertApiToken(db: Kysely<Database>, t: NewApiToken): Promise<ApiToken> {
  const row: ApiTokensTable = {
    id: t.id,
    org_id: t.orgId,
    user_id: t.userId,
    name: t.name,
    token_hash: t.tokenHash,
    prefix: t.prefix,
    created_at: t.createdAt,
    expires_at: t.expiresAt,
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return rowToToken(row);
}

/**
 * The live token with this hash, acting as its creator with the creator's current role in the
 * token's org: a removed member or a disabled user makes every token of theirs stop working.
 */
export async function resolveApiToken(
  db: Kysely<Database>,
  tokenHash: string,
  nowIso: string,
): Promise<ResolvedCredential | undefined> {
  const r = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .innerJoin('memberships', (j) =>
      j
        .onRef('memberships.user_id', '=', 'api_tokens.user_id')
        .onRef('memberships.org_id', '=', 'api_tokens.org_id'),
    )
    .select([
      'api_tokens.id',
      'api_tokens.user_id',
      'api_tokens.org_id',
      'api_tokens.last_used_at',
      'memberships.role',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('api_tokens.expires_at', '>', nowIso)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (r === undefined) return undefined;
  return {
    userId: r.user_id,
    orgId: r.org_id,
    role: r.role,
    sessionId: null,
    tokenId: r.id,
    csrfToken: null,
    lastUsedAt: r.last_used_at,
  };
}

/** The org's tokens (or one user's), newest first. */
export async function listApiTokens(
  db: Kysely<Database>,
  orgId: string,
  userId?: string,
): Promise<ApiToken[]> {
  let q = db.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId);
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(rowToToken);
}

/** A token by id, only within `orgId` (another org's id is simply not found). */
export async function findApiToken(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<ApiToken | undefined> {
  const r = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r === undefined ? undefined : rowToToken(r);
}

/** A token by id in any org: for operators on the command line. */
export async function findApiTokenAnyOrg(
  db: Kysely<Database>,
  id: string,
): Promise<ApiToken | undefined> {
  const r = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  return r === undefined ? undefined : rowToToken(r);
}

/** False when it was already revoked. */
export async function revokeApiToken(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function revokeUserTokensInOrg(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
  at: string,
): Promise<number> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function touchApiToken(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
