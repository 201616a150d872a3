// API tokens: created from a signed-in session, shown once, act as their creator within one org.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  findApiToken,
  findApiTokenAnyOrg,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
} from '../db/repos/api-tokens.repo.ts';
import { findMembership } from '../db/repos/memberships.repo.ts';
import { findUserByEmail } from '../db/repos/users.repo.ts';
import type { Database } from '../db/schema.ts';
import { normaliseEmail } from '../domain/identity/email.ts';
import type { ApiToken } from '../domain/identity/identity.ts';
import {
  API_TOKEN_DAYS_DEFAULT,
  API_TOKEN_DAYS_MAX,
  daysFrom,
} from '../domain/identity/lifetimes.ts';
import { TOKEN_DISPLAY_PREFIX_LENGTH } from '../domain/identity/secrets.ts';
import { AppError, notFound, validationError } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import { newSecret } from './credentials.ts';
import { isAdmin, type Actor, type RequestMeta, type ServiceDeps } from './deps.ts';
import { requireSession } from './sessions.service.ts';

export interface NewTokenInput {
  name: string;
  expiresInDays?: number;
}

export interface CreatedToken {
  token: string;
  apiToken: ApiToken;
}

function checkInput(input: NewTokenInput): { name: string; days: number } {
  const name = input.name.trim();
  const days = input.expiresInDays ?? API_TOKEN_DAYS_DEFAULT;
  const issues = [];
  if (name === '' || name.length > 100) issues.push({ path: 'name', message: '1-100 characters' });
  if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_DAYS_MAX) {
    issues.push({
      path: 'expiresInDays',
      message: `A whole number of days, 1-${API_TOKEN_DAYS_MAX}`,
    });
  }
  if (issues.length > 0) throw validationError(issues);
  return { name, days };
}

async function mint(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  owner: { orgId: string; userId: string },
  input: NewTokenInput,
): Promise<CreatedToken> {
  const { name, days } = checkInput(input);
  const now = deps.now();
  const { token, hash } = newSecret('apiToken');
  const apiToken = await insertApiToken(trx, {
    id: randomUUID(),
    orgId: owner.orgId,
    userId: owner.userId,
    name,
    prefix: token.slice(0, TOKEN_DISPLAY_PREFIX_LENGTH),
    createdAt: now.toISOString(),
    expiresAt: daysFrom(now, days),
    tokenHash: hash,
  });
  return { token, apiToken };
}

/** A token cannot mint tokens: a leaked one must not be able to outlive its own revocation. */
export async function createToken(
  deps: ServiceDeps,
  actor: Actor,
  input: NewTokenInput,
  meta: RequestMeta,
): Promise<CreatedToken> {
  requireSession(actor, 'Creating an API token');
  return deps.db.transaction().execute(async (trx) => {
    const created = await mint(trx, deps, actor, input);
    await recordAudit(trx, deps, actor, meta, {
      action: 'token.created',
      targetType: 'api_token',
      targetId: created.apiToken.id,
      details: {
        name: created.apiToken.name,
        prefix: created.apiToken.prefix,
        expiresAt: created.apiToken.expiresAt,
      },
    });
    return created;
  });
}

/** Admins see every token of the org; members see their own. */
export async function listTokens(deps: ServiceDeps, actor: Actor): Promise<ApiToken[]> {
  return listApiTokens(deps.db, actor.orgId, isAdmin(actor) ? undefined : actor.userId);
}

export async function revokeToken(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const t = await findApiToken(trx, actor.orgId, id);
    if (t === undefined) throw notFound('API token');
    if (!isAdmin(actor) && t.userId !== actor.userId) {
      throw new AppError('forbidden', 'Only admins or the token’s creator can revoke it');
    }
    if (!(await revokeApiToken(trx, id, deps.now().toISOString()))) return; // already revoked: nothing to do
    await recordAudit(trx, deps, actor, meta, {
      action: 'token.revoked',
      targetType: 'api_token',
      targetId: id,
      details: { name: t.name, prefix: t.prefix, creatorUserId: t.userId },
    });
  });
}

// Operator commands (CLI): no actor; the audit entry shows actor null and via "cli".

export async function listOrgTokens(deps: ServiceDeps, orgId: string): Promise<ApiToken[]> {
  return listApiTokens(deps.db, orgId);
}

export interface OperatorTokenInput extends NewTokenInput {
  orgId: string;
  userEmail: string;
}

export async function createTokenAsOperator(
  deps: ServiceDeps,
  input: OperatorTokenInput,
): Promise<CreatedToken> {
  return deps.db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, normaliseEmail(input.userEmail));
    if (user === undefined || (await findMembership(trx, input.orgId, user.id)) === undefined) {
      throw notFound('Member of that organization with this email');
    }
    const created = await mint(trx, deps, { orgId: input.orgId, userId: user.id }, input);
    await recordAudit(
      trx,
      deps,
      null,
      { requestId: null },
      {
        action: 'token.created',
        targetType: 'api_token',
        targetId: created.apiToken.id,
        orgId: input.orgId,
        details: {
          name: created.apiToken.name,
          prefix: created.apiToken.prefix,
          userId: user.id,
          via: 'cli',
        },
      },
    );
    return created;
  });
}

export async function revokeTokenAsOperator(deps: ServiceDeps, id: string): Promise<ApiToken> {
  return deps.db.transaction().execute(async (trx) => {
    const t = await findApiTokenAnyOrg(trx, id);
    if (t === undefined) throw notFound('API token');
    const at = deps.now().toISOString();
    if (await revokeApiToken(trx, id, at)) {
      await recordAudit(
        trx,
        deps,
        null,
        { requestId: null },
        {
          action: 'token.revoked',
          targetType: 'api_token',
          targetId: id,
          orgId: t.orgId,
          details: { name: t.name, prefix: t.prefix, via: 'cli' },
        },
      );
    }
    return { ...t, revokedAt: t.revokedAt ?? at };
  });
}
