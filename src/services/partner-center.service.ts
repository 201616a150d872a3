// The Partner Center bridge: export a referral as Partner Center referral JSON (as the caller's
// side sees it), and import one as a new opportunity plus referral from the caller's org, in one
// transaction. Mapping is pure (domain/deals/partner-center.ts); issues carry the body's paths.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findOpportunity, insertOpportunity } from '../db/repos/opportunities.repo.ts';
import { findOrg } from '../db/repos/orgs.repo.ts';
import { engagementInUse } from '../db/repos/partner-center.repo.ts';
import type { Database } from '../db/schema.ts';
import type { ArrangementType } from '../domain/deals/agreement.ts';
import { customerDomainOf } from '../domain/deals/attribution.ts';
import { toAmount } from '../domain/deals/money.ts';
import {
  opportunityFor,
  validateOpportunity,
  type Opportunity,
  type OpportunityInput,
} from '../domain/deals/opportunity.ts';
import {
  fromPartnerCenter,
  toPartnerCenter,
  type ImportedReferral,
} from '../domain/deals/partner-center.ts';
import type { PcReferral } from '../domain/deals/partner-center-types.ts';
import { sideOf, type PartnerRole, type Referral } from '../domain/deals/referral.ts';
import { AppError, notFound, validationError, type FieldIssue } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import { isAdmin, type Actor, type RequestMeta, type ServiceDeps } from './deps.ts';
import { activePartnership } from './referral-basis.ts';
import { createReferralIn, getReferral } from './referrals.service.ts';

export async function exportToPartnerCenter(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<PcReferral> {
  const r = await getReferral(deps, actor, id); // not_found unless a party
  const o = await findOpportunity(deps.db, r.opportunityId);
  if (o === undefined) throw notFound('Opportunity');
  const sender = await findOrg(deps.db, r.fromOrgId);
  return toPartnerCenter(r, {
    side: sideOf(r, actor.orgId) ?? 'receiver',
    opportunity: opportunityFor(o, actor.orgId),
    senderName: sender?.name ?? '',
  });
}

export interface PartnerCenterImport {
  referral: PcReferral;
  toOrgId?: string | undefined;
  customerDomain?: string | undefined;
  arrangementType?: ArrangementType | undefined;
  partnerRole?: PartnerRole | undefined;
}

export interface ImportOutcome {
  referral: Referral;
  opportunityId: string;
  ignored: string[];
}

function retarget(issues: readonly FieldIssue[], m: ImportedReferral): FieldIssue[] {
  return issues.map((i) => ({ ...i, path: m.sourceOf(i.path) }));
}

/** Validation issues keep pointing into the body; other errors pass through unchanged. */
async function mapped<T>(m: ImportedReferral, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.issues.length > 0) {
      throw new AppError(err.code, err.message, retarget(err.issues, m));
    }
    throw err;
  }
}

export async function importFromPartnerCenter(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  body: PartnerCenterImport,
): Promise<ImportOutcome> {
  if (!isAdmin(actor)) {
    throw new AppError('forbidden', 'Only owners and admins import referrals');
  }
  const result = fromPartnerCenter(body.referral, body);
  if (!result.ok) throw validationError(result.issues, 'Invalid Partner Center referral');
  const m = result.value;
  return deps.db.transaction().execute((trx) =>
    mapped(m, async () => {
      await activePartnership(trx, actor, m.referral.toOrgId);
      const opportunity = await insertImportedOpportunity(trx, deps, actor, meta, m);
      const referral = await createReferralIn(trx, deps, actor, meta, {
        opportunityId: opportunity.id,
        toOrgId: m.referral.toOrgId,
        arrangementType: body.arrangementType ?? 'referral',
        partnerRole: body.partnerRole,
        inviteeValue: m.referral.inviteeValue,
        estimatedCloseDate: m.referral.estimatedCloseDate,
        notes: m.referral.notes,
        team: m.referral.team,
      });
      await recordAudit(trx, deps, actor, meta, {
        action: 'referral.imported',
        targetType: 'referral',
        targetId: referral.id,
        details: { source: 'partner-center', engagementId: referral.engagementId },
      });
      return { referral, opportunityId: opportunity.id, ignored: m.ignored };
    }),
  );
}

/**
 * The opportunity behind an imported referral, shown to the partner it is referred to. Same
 * rules as opportunities.service's createOpportunity, inside this import's transaction; keeps
 * Partner Center's engagementId when it is free.
 */
async function insertImportedOpportunity(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  m: ImportedReferral,
): Promise<Opportunity> {
  const input: OpportunityInput = {
    ...m.opportunity,
    visibility: 'selected',
    selectedOrgIds: [m.referral.toOrgId],
  };
  const issues = validateOpportunity(input, actor.orgId, new Set([m.referral.toOrgId]));
  if (issues.length > 0) throw validationError(issues, 'Invalid opportunity');
  const given = m.engagementId;
  if (given !== undefined && (await engagementInUse(trx, given))) {
    throw new AppError('conflict', 'This engagementId was already imported or is in use', [
      { path: 'referral.engagementId', message: 'Already in use' },
    ]);
  }
  const o: Opportunity = {
    id: randomUUID(),
    ownerOrgId: actor.orgId,
    engagementId: given ?? randomUUID(),
    description: input.description?.trim() ?? '',
    cells: input.cells ?? [],
    customerName: input.customerName.trim(),
    customerDomain: customerDomainOf(input.customerDomain) ?? '', // checked by validateOpportunity
    hideCustomer: input.hideCustomer,
    value: toAmount(input.value),
    expectedCloseDate: input.expectedCloseDate,
    visibility: 'selected',
    selectedOrgIds: [m.referral.toOrgId],
    competitorOrgIds: [],
    circleId: null,
    createdAt: deps.now().toISOString(),
  };
  await insertOpportunity(trx, o);
  await recordAudit(trx, deps, actor, meta, {
    action: 'opportunity.created',
    targetType: 'opportunity',
    targetId: o.id,
    details: { visibility: o.visibility, source: 'partner-center' },
  });
  return o;
}
