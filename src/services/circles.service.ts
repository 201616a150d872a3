// Circles of trust: created by one org (the owner), joined by invitation and the invited org's
// acceptance, left at will, members removed by the owner. Orgs outside a circle get not_found for
// it, never a hint that it exists; an invited org sees only its own invitation until it joins.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  deleteMember,
  findCircle,
  findInvitation,
  insertCircle,
  insertInvitation,
  insertMember,
  listCirclesOf,
  listMembers,
  listPendingInvitations,
  memberRole,
  updateInvitation,
  type CircleOfOrg,
  type NamedInvitation,
  type NamedMember,
} from '../db/repos/circles.repo.ts';
import { findOrg } from '../db/repos/orgs.repo.ts';
import type { Database } from '../db/schema.ts';
import {
  checkCircleInput,
  checkDeparture,
  checkInvite,
  decideInvitation,
  type Circle,
  type CircleInvitation,
  type CircleRole,
  type InvitationAction,
} from '../domain/deals/circle.ts';
import { AppError, notFound, validationError } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import { isAdmin, type Actor, type RequestMeta, type ServiceDeps } from './deps.ts';

export interface CircleDetail extends Circle {
  role: CircleRole;
  members: NamedMember[];
  pendingInvitations: NamedInvitation[];
}

function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) {
    throw new AppError('forbidden', 'Only owners and admins act on circles; members can read them');
  }
}

/** The circle and the actor's role in it; not_found unless the actor's org is a member. */
async function loadForMember(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<{ circle: Circle; role: CircleRole }> {
  const circle = await findCircle(db, id);
  const role = circle === undefined ? undefined : await memberRole(db, id, actor.orgId);
  if (circle === undefined || role === undefined) throw notFound('Circle');
  return { circle, role };
}

async function detailOf(
  db: Kysely<Database>,
  circle: Circle,
  role: CircleRole,
): Promise<CircleDetail> {
  return {
    ...circle,
    role,
    members: await listMembers(db, circle.id),
    pendingInvitations: await listPendingInvitations(db, { circleId: circle.id }),
  };
}

async function audit(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  action: string,
  circleId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit(trx, deps, actor, meta, {
    action,
    targetType: 'circle',
    targetId: circleId,
    details,
  });
}

export async function createCircle(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  input: { name: string; description?: string | undefined },
): Promise<CircleDetail> {
  requireAdmin(actor);
  const issues = checkCircleInput(input);
  if (issues.length > 0) throw validationError(issues, 'Invalid circle');
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.now().toISOString();
    const circle: Circle = {
      id: randomUUID(),
      name: input.name.trim(),
      description: input.description?.trim() ?? '',
      ownerOrgId: actor.orgId,
      createdAt: at,
    };
    await insertCircle(trx, circle);
    await insertMember(trx, circle.id, { orgId: actor.orgId, role: 'owner', joinedAt: at });
    await audit(trx, deps, actor, meta, 'circle.created', circle.id, { name: circle.name });
    return detailOf(trx, circle, 'owner');
  });
}

export async function listCircles(
  deps: ServiceDeps,
  actor: Actor,
): Promise<{ circles: CircleOfOrg[]; invitations: NamedInvitation[] }> {
  return {
    circles: await listCirclesOf(deps.db, actor.orgId),
    invitations: await listPendingInvitations(deps.db, { orgId: actor.orgId }),
  };
}

export async function getCircle(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<CircleDetail> {
  const { circle, role } = await loadForMember(deps.db, actor, id);
  return detailOf(deps.db, circle, role);
}

export async function inviteToCircle(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  orgId: string,
): Promise<NamedInvitation> {
  return deps.db.transaction().execute(async (trx) => {
    const { circle } = await loadForMember(trx, actor, id);
    requireAdmin(actor);
    const members = await listMembers(trx, id);
    const pending = await listPendingInvitations(trx, { circleId: id });
    const refused = checkInvite(circle, members, pending, actor.orgId, orgId);
    if (refused !== null) throw refused;
    if ((await findOrg(trx, orgId)) === undefined) throw notFound('Organization');
    const inv: CircleInvitation = {
      id: randomUUID(),
      circleId: id,
      orgId,
      invitedByOrgId: actor.orgId,
      status: 'pending',
      createdAt: deps.now().toISOString(),
      decidedAt: null,
      version: 1,
    };
    if (!(await insertInvitation(trx, inv))) {
      throw new AppError('conflict', 'That organization was just invited to the circle');
    }
    await audit(trx, deps, actor, meta, 'circle.invited', id, { invitationId: inv.id, orgId });
    const named = await listPendingInvitations(trx, { circleId: id });
    return named.find((n) => n.id === inv.id) ?? { ...inv, circleName: circle.name, orgName: '' };
  });
}

const PAST: Record<InvitationAction, string> = {
  accept: 'accepted',
  decline: 'declined',
  revoke: 'revoked',
};

/** The invited org accepts (joining the circle) or declines; the owner revokes. */
export async function actOnInvitation(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  circleId: string,
  invitationId: string,
  action: InvitationAction,
): Promise<NamedInvitation> {
  return deps.db.transaction().execute(async (trx) => {
    const circle = await findCircle(trx, circleId);
    const inv =
      circle === undefined ? undefined : await findInvitation(trx, circleId, invitationId);
    const member = (await memberRole(trx, circleId, actor.orgId)) !== undefined;
    // The invited org and the circle's members may know of the invitation; nobody else.
    if (circle === undefined || inv === undefined || (!member && inv.orgId !== actor.orgId)) {
      throw notFound('Circle invitation');
    }
    requireAdmin(actor);
    const next = decideInvitation(circle, inv, action, actor.orgId, deps.now());
    if (next instanceof AppError) throw next;
    if (!(await updateInvitation(trx, next, inv.version))) {
      throw new AppError('conflict', 'The invitation changed at the same time; reload and retry');
    }
    if (next.status === 'accepted') {
      const joined = { orgId: inv.orgId, role: 'member' as const, joinedAt: next.decidedAt ?? '' };
      if (!(await insertMember(trx, circleId, joined))) {
        throw new AppError('conflict', 'Your organization is already a member of this circle');
      }
    }
    await audit(trx, deps, actor, meta, `circle.invitation_${PAST[action]}`, circleId, {
      invitationId,
      orgId: inv.orgId,
    });
    const orgName = (await findOrg(trx, inv.orgId))?.name ?? '';
    return { ...next, circleName: circle.name, orgName };
  });
}

/** A member org leaves, or the owner removes `orgId`; either way it stops seeing the circle. */
export async function removeFromCircle(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  circleId: string,
  orgId: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { circle } = await loadForMember(trx, actor, circleId);
    requireAdmin(actor);
    const members = await listMembers(trx, circleId);
    const refused = checkDeparture(circle, members, actor.orgId, orgId);
    if (refused !== null) throw refused;
    if (!(await deleteMember(trx, circleId, orgId))) {
      throw new AppError('conflict', 'The membership changed at the same time; reload and retry');
    }
    const action = orgId === actor.orgId ? 'circle.left' : 'circle.member_removed';
    await audit(trx, deps, actor, meta, action, circleId, { orgId });
  });
}

/** For other services: the circle's detail, checked for membership. */
export async function circleForMember(
  deps: Pick<ServiceDeps, 'db'>,
  actor: Actor,
  id: string,
): Promise<{ circle: Circle; role: CircleRole }> {
  return loadForMember(deps.db, actor, id);
}
