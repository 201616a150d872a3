// Partnerships between orgs: request, accept/decline by the addressed org, end by either side.
// Orgs that are not party to a partnership get not_found, never a hint that it exists.
import { randomUUID } from 'node:crypto';
import { findOrg } from '../db/repos/orgs.repo.ts';
import {
  findBetween,
  findPartnership,
  insertPartnership,
  listPartnershipsOf,
  updatePartnership,
} from '../db/repos/partnerships.repo.ts';
import {
  decidePartnership,
  isPartyTo,
  type Partnership,
  type PartnershipAction,
  type PartnershipStatus,
} from '../domain/deals/partnership.ts';
import { AppError, notFound } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import { isAdmin, type Actor, type RequestMeta, type ServiceDeps } from './deps.ts';

function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) {
    throw new AppError(
      'forbidden',
      'Only owners and admins act on partnerships; members can read them',
    );
  }
}

export async function requestPartnership(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  toOrgId: string,
): Promise<Partnership> {
  requireAdmin(actor);
  if (toOrgId === actor.orgId) {
    throw new AppError('validation', 'An organization cannot partner with itself', [
      { path: 'orgId', message: 'Must be another organization' },
    ]);
  }
  return deps.db.transaction().execute(async (trx) => {
    if ((await findOrg(trx, toOrgId)) === undefined) throw notFound('Organization');
    const open = await findBetween(trx, actor.orgId, toOrgId, ['requested', 'active']);
    if (open[0] !== undefined) {
      throw new AppError(
        'conflict',
        `A partnership with this organization is already ${open[0].status}`,
        [{ path: 'orgId', message: `Existing partnership ${open[0].id}` }],
      );
    }
    const p: Partnership = {
      id: randomUUID(),
      requesterOrgId: actor.orgId,
      addresseeOrgId: toOrgId,
      status: 'requested',
      createdAt: deps.now().toISOString(),
      decidedAt: null,
      endedAt: null,
      endedByOrgId: null,
      version: 1,
    };
    if (!(await insertPartnership(trx, p))) {
      throw new AppError('conflict', 'A partnership with this organization was just requested');
    }
    await recordAudit(trx, deps, actor, meta, {
      action: 'partnership.requested',
      targetType: 'partnership',
      targetId: p.id,
      details: { toOrgId },
    });
    return p;
  });
}

export async function actOnPartnership(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  action: PartnershipAction,
): Promise<Partnership> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await findPartnership(trx, id);
    if (current === undefined || !isPartyTo(current, actor.orgId)) throw notFound('Partnership');
    requireAdmin(actor);
    const next = decidePartnership(current, action, actor.orgId, deps.now());
    if (next instanceof AppError) throw next;
    if (!(await updatePartnership(trx, next, current.version))) {
      throw new AppError('conflict', 'The partnership changed at the same time; reload and retry');
    }
    await recordAudit(trx, deps, actor, meta, {
      action: `partnership.${action === 'accept' ? 'accepted' : action === 'decline' ? 'declined' : 'ended'}`,
      targetType: 'partnership',
      targetId: id,
      details: { status: next.status },
    });
    return next;
  });
}

export async function getPartnership(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<Partnership> {
  const p = await findPartnership(deps.db, id);
  if (p === undefined || !isPartyTo(p, actor.orgId)) throw notFound('Partnership');
  return p;
}

export async function listPartnerships(
  deps: ServiceDeps,
  actor: Actor,
  status: PartnershipStatus | undefined,
): Promise<Partnership[]> {
  return listPartnershipsOf(deps.db, actor.orgId, status);
}

/** The active partnership between two orgs, if any (for agreements and referrals). */
export async function activePartnershipBetween(
  deps: Pick<ServiceDeps, 'db'>,
  orgA: string,
  orgB: string,
): Promise<Partnership | undefined> {
  return (await findBetween(deps.db, orgA, orgB, ['active']))[0];
}
