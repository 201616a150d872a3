// Members of the caller's org: list, change role, remove. The rules live in domain/identity/roles.ts;
// this file supplies the facts (read under lock) and records what happened.
import type { Kysely } from 'kysely';
import { revokeUserTokensInOrg } from '../db/repos/api-tokens.repo.ts';
import {
  deleteMembership,
  findMember,
  findMembership,
  listMembers as listMemberRows,
  ownerIds,
  updateMembershipRole,
} from '../db/repos/memberships.repo.ts';
import { revokeUserSessions } from '../db/repos/sessions.repo.ts';
import type { Database } from '../db/schema.ts';
import type { Member } from '../domain/identity/identity.ts';
import {
  canManageMembers,
  checkRemoval,
  checkRoleChange,
  type Role,
} from '../domain/identity/roles.ts';
import { AppError, notFound } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import type { Actor, RequestMeta, ServiceDeps } from './deps.ts';

export async function listMembers(deps: ServiceDeps, actor: Actor): Promise<Member[]> {
  return listMemberRows(deps.db, actor.orgId);
}

interface Facts {
  target: Member;
  actorRole: Role;
  owners: number;
}

/** Locks the owner rows first (PostgreSQL), then reads the target and the caller's current role. */
async function readFacts(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
): Promise<Facts> {
  const owners = await ownerIds(trx, actor.orgId, deps.storeKind === 'postgres');
  const target = await findMember(trx, actor.orgId, userId);
  if (target === undefined) throw notFound('Member');
  const me = await findMembership(trx, actor.orgId, actor.userId);
  if (me === undefined)
    throw new AppError('forbidden', 'You are no longer a member of this organization');
  return { target, actorRole: me.role, owners: owners.length };
}

export async function changeRole(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  role: Role,
  meta: RequestMeta,
): Promise<Member> {
  if (!canManageMembers(actor.role))
    throw new AppError('forbidden', 'Only admins and owners can change roles');
  return deps.db.transaction().execute(async (trx) => {
    const f = await readFacts(trx, deps, actor, userId);
    const denied = checkRoleChange({
      actorRole: f.actorRole,
      from: f.target.role,
      to: role,
      owners: f.owners,
    });
    if (denied !== null) throw denied;
    if (f.target.role === role) return f.target;
    await updateMembershipRole(trx, actor.orgId, userId, role);
    await recordAudit(trx, deps, actor, meta, {
      action: 'member.role_changed',
      targetType: 'user',
      targetId: userId,
      details: { from: f.target.role, to: role },
    });
    return { ...f.target, role };
  });
}

/** Removes a member (or lets one leave). Their sessions and API tokens in this org die with the membership. */
export async function removeMember(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  meta: RequestMeta,
): Promise<void> {
  const self = userId === actor.userId;
  if (!self && !canManageMembers(actor.role))
    throw new AppError('forbidden', 'Only admins and owners can remove members');
  await deps.db.transaction().execute(async (trx) => {
    const f = await readFacts(trx, deps, actor, userId);
    const denied = checkRemoval({
      actorRole: f.actorRole,
      self,
      targetRole: f.target.role,
      owners: f.owners,
    });
    if (denied !== null) throw denied;
    const at = deps.now().toISOString();
    await deleteMembership(trx, actor.orgId, userId);
    const sessionsRevoked = await revokeUserSessions(trx, userId, at, actor.orgId);
    const tokensRevoked = await revokeUserTokensInOrg(trx, actor.orgId, userId, at);
    await recordAudit(trx, deps, actor, meta, {
      action: 'member.removed',
      targetType: 'user',
      targetId: userId,
      details: { role: f.target.role, self, sessionsRevoked, tokensRevoked },
    });
  });
}
