// Sessions and bearer credentials: issuing, resolving a presented secret to an actor, sign-out,
// switching the org a session acts in, and "who am I".
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { resolveApiToken, touchApiToken } from '../db/repos/api-tokens.repo.ts';
import { findMembership, listUserMemberships } from '../db/repos/memberships.repo.ts';
import {
  insertSession,
  resolveSession,
  revokeSession,
  setSessionOrg,
} from '../db/repos/sessions.repo.ts';
import { findUserById } from '../db/repos/users.repo.ts';
import type { Database } from '../db/schema.ts';
import type { ResolvedCredential, User, UserMembership } from '../domain/identity/identity.ts';
import { hoursFrom } from '../domain/identity/lifetimes.ts';
import type { Role } from '../domain/identity/roles.ts';
import { hashSecret, secretKindOf } from '../domain/identity/secrets.ts';
import { AppError, notFound } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import { newCsrfToken, newSecret } from './credentials.ts';
import type { Actor, RequestMeta, ServiceDeps } from './deps.ts';

export interface SessionPolicy {
  sessionHours: number;
}

export interface IssuedSession {
  sessionId: string;
  /** The bearer secret: returned once, only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** The org a caller acts in, with their role there. */
export interface OrgRole {
  id: string;
  name: string;
  role: Role;
}

export async function issueSession(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  userId: string,
  orgId: string,
  policy: SessionPolicy,
): Promise<IssuedSession> {
  const now = deps.now();
  const { token, hash } = newSecret('session');
  const s = {
    sessionId: randomUUID(),
    token,
    csrfToken: newCsrfToken(),
    expiresAt: hoursFrom(now, policy.sessionHours),
  };
  await insertSession(trx, {
    id: s.sessionId,
    tokenHash: hash,
    userId,
    orgId,
    csrfToken: s.csrfToken,
    createdAt: now.toISOString(),
    expiresAt: s.expiresAt,
  });
  return s;
}

// last_used_at is advisory; writing it at most once a minute keeps reads from turning into writes.
const TOUCH_EVERY_MS = 60_000;

/** A presented session or API token secret, resolved to who it acts for; null when not (or no longer) valid. */
export async function resolveCredential(
  deps: ServiceDeps,
  secret: string,
): Promise<ResolvedCredential | null> {
  const kind = secretKindOf(secret);
  if (kind === null || kind === 'invitation' || secret.length > 200) return null;
  const now = deps.now();
  const hash = hashSecret(secret);
  if (kind === 'session') return (await resolveSession(deps.db, hash, now.toISOString())) ?? null;
  const cred = await resolveApiToken(deps.db, hash, now.toISOString());
  if (cred === undefined) return null;
  if (
    cred.tokenId !== null &&
    (cred.lastUsedAt === null || now.getTime() - Date.parse(cred.lastUsedAt) >= TOUCH_EVERY_MS)
  ) {
    await touchApiToken(deps.db, cred.tokenId, now.toISOString());
  }
  return cred;
}

export function actorOf(c: ResolvedCredential): Actor {
  return {
    userId: c.userId,
    orgId: c.orgId,
    role: c.role,
    tokenId: c.tokenId,
    sessionId: c.sessionId,
  };
}

/** Ends the caller's session; API token callers have none, so nothing happens for them. */
export async function logout(
  deps: ServiceDeps,
  actor: Actor | null,
  meta: RequestMeta,
): Promise<void> {
  const sessionId = actor?.sessionId ?? null;
  if (actor === null || sessionId === null) return;
  await deps.db.transaction().execute(async (trx) => {
    if (!(await revokeSession(trx, sessionId, deps.now().toISOString()))) return;
    await recordAudit(trx, deps, actor, meta, {
      action: 'auth.logout',
      targetType: 'session',
      targetId: sessionId,
    });
  });
}

export function requireSession(actor: Actor, what: string): string {
  if (actor.sessionId === null) {
    throw new AppError('forbidden', `${what} needs a signed-in session, not an API token`);
  }
  return actor.sessionId;
}

/** Moves the caller's session to another org they belong to; another org looks like no org at all. */
export async function switchOrg(
  deps: ServiceDeps,
  actor: Actor,
  orgId: string,
  meta: RequestMeta,
): Promise<OrgRole> {
  const sessionId = requireSession(actor, 'Switching organization');
  return deps.db.transaction().execute(async (trx) => {
    const membership = await findMembership(trx, orgId, actor.userId);
    if (membership === undefined) throw notFound('Organization');
    await setSessionOrg(trx, sessionId, orgId);
    await recordAudit(trx, deps, { ...actor, orgId }, meta, {
      action: 'auth.switch_org',
      targetType: 'session',
      targetId: sessionId,
      details: { fromOrgId: actor.orgId },
    });
    const all = await listUserMemberships(trx, actor.userId);
    return orgRoleOf(all, orgId, membership.role);
  });
}

function orgRoleOf(all: readonly UserMembership[], orgId: string, role: Role): OrgRole {
  return { id: orgId, name: all.find((m) => m.orgId === orgId)?.orgName ?? '', role };
}

export interface Me {
  user: User;
  organization: OrgRole;
  memberships: UserMembership[];
}

export async function describeMe(deps: ServiceDeps, actor: Actor): Promise<Me> {
  const user = await findUserById(deps.db, actor.userId);
  if (user === undefined) throw new AppError('unauthenticated', 'Sign in again');
  const memberships = await listUserMemberships(deps.db, actor.userId);
  return { user, organization: orgRoleOf(memberships, actor.orgId, actor.role), memberships };
}
