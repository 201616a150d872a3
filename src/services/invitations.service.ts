// Inviting people into an org. There is no mail: the inviter receives the token once and passes it on.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  findInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  listOpenInvitations,
  markInvitationAccepted,
  revokeInvitation as revokeInvitationRow,
  revokeOpenInvitationsFor,
} from '../db/repos/invitations.repo.ts';
import { findMembership, insertMembership, listMembers } from '../db/repos/memberships.repo.ts';
import { findOrg } from '../db/repos/orgs.repo.ts';
import { findUserById } from '../db/repos/users.repo.ts';
import type { Database } from '../db/schema.ts';
import { checkEmail, normaliseEmail } from '../domain/identity/email.ts';
import type { Invitation } from '../domain/identity/identity.ts';
import { INVITATION_DAYS, daysFrom, isLive } from '../domain/identity/lifetimes.ts';
import { canManageMembers, checkInvite, type Role } from '../domain/identity/roles.ts';
import { hashSecret } from '../domain/identity/secrets.ts';
import { AppError, notFound, validationError } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import { newSecret } from './credentials.ts';
import type { Actor, RequestMeta, ServiceDeps } from './deps.ts';
import { requireSession, type OrgRole } from './sessions.service.ts';

export interface InviteInput {
  email: string;
  role: Role;
}

/** Role checks use the caller's role as stored now, not as it was when the request began. */
async function currentRole(trx: Kysely<Database>, actor: Actor): Promise<Role> {
  const m = await findMembership(trx, actor.orgId, actor.userId);
  if (m === undefined)
    throw new AppError('forbidden', 'You are no longer a member of this organization');
  return m.role;
}

function requireManager(actor: Actor): void {
  if (!canManageMembers(actor.role))
    throw new AppError('forbidden', 'Only admins and owners manage invitations');
}

export async function invite(
  deps: ServiceDeps,
  actor: Actor,
  input: InviteInput,
  meta: RequestMeta,
): Promise<{ invitation: Invitation; token: string }> {
  requireManager(actor);
  const email = normaliseEmail(input.email);
  const issues = checkEmail(email);
  if (issues.length > 0) throw validationError(issues);
  return deps.db.transaction().execute(async (trx) => {
    const denied = checkInvite(await currentRole(trx, actor), input.role);
    if (denied !== null) throw denied;
    const members = await listMembers(trx, actor.orgId);
    if (members.some((m) => m.email === email)) {
      throw new AppError('conflict', 'Already a member of this organization', [
        { path: 'email', message: 'Already a member' },
      ]);
    }
    const now = deps.now();
    const replaced = await revokeOpenInvitationsFor(trx, actor.orgId, email, now.toISOString());
    const { token, hash } = newSecret('invitation');
    const invitation = await insertInvitation(trx, {
      id: randomUUID(),
      orgId: actor.orgId,
      email,
      role: input.role,
      invitedBy: actor.userId,
      createdAt: now.toISOString(),
      expiresAt: daysFrom(now, INVITATION_DAYS),
      tokenHash: hash,
    });
    await recordAudit(trx, deps, actor, meta, {
      action: 'member.invited',
      targetType: 'invitation',
      targetId: invitation.id,
      details: { email, role: input.role, replaced },
    });
    return { invitation, token };
  });
}

export async function listInvitations(deps: ServiceDeps, actor: Actor): Promise<Invitation[]> {
  requireManager(actor);
  return listOpenInvitations(deps.db, actor.orgId);
}

export async function revokeInvitation(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<void> {
  requireManager(actor);
  await deps.db.transaction().execute(async (trx) => {
    const inv = await findInvitation(trx, actor.orgId, id);
    if (inv === undefined || inv.revokedAt !== null) throw notFound('Invitation');
    if (inv.acceptedAt !== null)
      throw new AppError('conflict', 'This invitation was already accepted');
    if (!canManageMembers(await currentRole(trx, actor)))
      throw new AppError('forbidden', 'Only admins and owners manage invitations');
    await revokeInvitationRow(trx, id, deps.now().toISOString());
    await recordAudit(trx, deps, actor, meta, {
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: id,
      details: { email: inv.email },
    });
  });
}

/** The open invitation behind a token; unknown, used, revoked and expired all look the same. */
async function liveInvitation(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  token: string,
): Promise<Invitation> {
  const inv =
    token.length > 200 ? undefined : await findInvitationByTokenHash(trx, hashSecret(token));
  if (inv === undefined || inv.acceptedAt !== null || !isLive(inv, deps.now())) {
    throw notFound('Invitation (it may have expired, been used or been withdrawn)');
  }
  return inv;
}

/**
 * Joins `user` to the invitation's org inside the caller's transaction (sign-up, sign-in and
 * accept all come through here). The invitation is for one address and is used once.
 */
export async function acceptInvitationIn(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  user: { id: string; email: string },
  token: string,
  meta: RequestMeta,
): Promise<OrgRole> {
  const inv = await liveInvitation(trx, deps, token);
  if (inv.email !== user.email) {
    throw new AppError('forbidden', 'This invitation was sent to a different email address');
  }
  const at = deps.now().toISOString();
  if (!(await markInvitationAccepted(trx, inv.id, at))) throw notFound('Invitation');
  if (
    !(await insertMembership(trx, {
      orgId: inv.orgId,
      userId: user.id,
      role: inv.role,
      createdAt: at,
    }))
  ) {
    throw new AppError('conflict', 'You are already a member of this organization');
  }
  await recordAudit(trx, deps, { userId: user.id, orgId: inv.orgId, tokenId: null }, meta, {
    action: 'invitation.accepted',
    targetType: 'invitation',
    targetId: inv.id,
    details: { role: inv.role, invitedBy: inv.invitedBy },
  });
  const org = await findOrg(trx, inv.orgId);
  return { id: inv.orgId, name: org?.name ?? '', role: inv.role };
}

/** A signed-in user accepts an invitation sent to their address; their session stays where it is. */
export async function acceptInvitation(
  deps: ServiceDeps,
  actor: Actor,
  token: string,
  meta: RequestMeta,
): Promise<OrgRole> {
  requireSession(actor, 'Accepting an invitation');
  return deps.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, actor.userId);
    if (user === undefined) throw new AppError('unauthenticated', 'Sign in again');
    return acceptInvitationIn(trx, deps, user, token, meta);
  });
}
