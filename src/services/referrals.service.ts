// Referrals between two partnered orgs on an opportunity: create (pinning the agreement version
// in force and stamping attribution), read, list as an inbox, move through the Partner Center
// state machine with optimistic concurrency, and read the shared event log.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  findReferral,
  insertReferral,
  listReferralEvents,
  listReferralsOf,
  lockReferral,
  updateReferralState,
} from '../db/repos/referrals.repo.ts';
import type { Database } from '../db/schema.ts';
import type { ArrangementType } from '../domain/deals/agreement.ts';
import {
  verifyEventLog,
  type ChainedEvent,
  type EventLogBreak,
} from '../domain/deals/event-log.ts';
import { isIsoDate } from '../domain/deals/iso-date.ts';
import { checkMoney, toAmount } from '../domain/deals/money.ts';
import type { ReferralStatus } from '../domain/deals/referral-state.ts';
import { newReferralState } from '../domain/deals/referral-state.ts';
import { transition, type TransitionRequest } from '../domain/deals/referral-transition.ts';
import {
  byUrgency,
  sideOf,
  type PartnerRole,
  type Referral,
  type TeamMember,
} from '../domain/deals/referral.ts';
import type { Money } from '../domain/profile/profile.ts';
import { AppError, notFound, validationError, type FieldIssue } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import type { Actor, RequestMeta, ServiceDeps } from './deps.ts';
import { ownOpportunity } from './opportunities.service.ts';
import { activePartnership, pinAgreement } from './referral-basis.ts';
import { stampAttribution } from './referral-attribution.ts';
import { referralChangeData, referralEventData } from './deal-events.ts';
import { appendReferralEvent, moneyJson, stateJson } from './referral-log.ts';
import { enqueueEvent } from './webhook-events.ts';
import { onReferralWon } from './referral-won.ts';

export interface ReferralCreateInput {
  opportunityId: string;
  toOrgId: string;
  agreementId?: string | undefined;
  arrangementType: ArrangementType;
  partnerRole?: PartnerRole | undefined;
  inviteeValue?: Money | undefined;
  estimatedCloseDate: string;
  notes?: string | undefined;
  team?: readonly TeamMember[] | undefined;
}

const INBOX_LIMIT = 1000;

function checkInput(input: ReferralCreateInput, actor: Actor): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.toOrgId === actor.orgId) {
    issues.push({ path: 'toOrgId', message: 'Refer to another organization, not your own' });
  }
  if (input.inviteeValue !== undefined)
    issues.push(...checkMoney(input.inviteeValue, 'inviteeValue'));
  if (!isIsoDate(input.estimatedCloseDate)) {
    issues.push({ path: 'estimatedCloseDate', message: 'Must be a date (YYYY-MM-DD)' });
  }
  return issues;
}

export async function createReferral(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  input: ReferralCreateInput,
): Promise<Referral> {
  return deps.db.transaction().execute((trx) => createReferralIn(trx, deps, actor, meta, input));
}

/** createReferral inside the caller's transaction (an import creates the opportunity first). */
export async function createReferralIn(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  input: ReferralCreateInput,
): Promise<Referral> {
  const issues = checkInput(input, actor);
  if (issues.length > 0) throw validationError(issues, 'Invalid referral');
  const now = deps.now();
  const opp = await ownOpportunity({ db: trx }, actor, input.opportunityId);
  const p = await activePartnership(trx, actor, input.toOrgId);
  const pinned = await pinAgreement(trx, actor, p, input, now);
  const value = input.inviteeValue === undefined ? null : toAmount(input.inviteeValue);
  const id = randomUUID();
  const attribution = await stampAttribution(trx, {
    customer: opp.customerDomain,
    partnerOrgId: input.toOrgId,
    introducedByOrgId: actor.orgId,
    referralId: id,
    at: now,
  });
  const r: Referral = {
    ...newReferralState(now, value),
    id,
    engagementId: opp.engagementId,
    opportunityId: opp.id,
    fromOrgId: actor.orgId,
    toOrgId: input.toOrgId,
    ...pinned,
    arrangementType: input.arrangementType,
    partnerRole: input.partnerRole ?? null,
    notes: input.notes ?? '',
    team: input.team ?? [],
    estimatedCloseDate: input.estimatedCloseDate,
    customerDomain: opp.customerDomain,
    attribution,
    updatedAt: now.toISOString(),
    version: 1,
  };
  await insertReferral(trx, r);
  await appendReferralEvent(trx, id, {
    at: now.toISOString(),
    actorOrgId: actor.orgId,
    type: 'referral.created',
    data: {
      fromOrgId: r.fromOrgId,
      toOrgId: r.toOrgId,
      engagementId: r.engagementId,
      opportunityId: r.opportunityId,
      arrangementType: r.arrangementType,
      agreementId: r.agreementId,
      agreementVersion: r.agreementVersion,
      value: moneyJson(r.value),
      expiresAt: r.expiresAt,
    },
  });
  await appendAttributionEvents(trx, r, now);
  await enqueueEvent(trx, {
    orgIds: [r.fromOrgId, r.toOrgId],
    type: 'referral.created',
    data: referralEventData(r),
    at: now,
  });
  await recordAudit(trx, deps, actor, meta, {
    action: 'referral.created',
    targetType: 'referral',
    targetId: id,
    details: { toOrgId: r.toOrgId, attribution: attribution.kind },
  });
  return r;
}

async function appendAttributionEvents(
  trx: Kysely<Database>,
  r: Referral,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const a = r.attribution;
  if (a.kind === 'stamped') {
    await appendReferralEvent(trx, r.id, {
      at,
      actorOrgId: null,
      type: 'attribution.stamped',
      data: {
        customerDomain: a.stamp.customerDomain,
        partnerOrgId: a.stamp.partnerOrgId,
        at: a.stamp.at,
      },
    });
  } else if (a.kind === 'conflict') {
    const data = {
      customerDomain: a.earlier.customerDomain,
      partnerOrgId: a.earlier.partnerOrgId,
      earlier: {
        introducedByOrgId: a.earlier.introducedByOrgId,
        referralId: a.earlier.referralId,
        at: a.earlier.at,
      },
      claimant: {
        introducedByOrgId: a.claimant.introducedByOrgId,
        referralId: a.claimant.referralId,
        at: a.claimant.at,
      },
    };
    // Shown on both referrals: the earlier introducer's and the new claimant's.
    await appendReferralEvent(trx, r.id, {
      at,
      actorOrgId: null,
      type: 'attribution.conflict',
      data,
    });
    await lockReferral(trx, a.earlier.referralId);
    await appendReferralEvent(trx, a.earlier.referralId, {
      at,
      actorOrgId: null,
      type: 'attribution.conflict',
      data,
    });
  }
}

async function loadForParty(db: Kysely<Database>, actor: Actor, id: string): Promise<Referral> {
  const r = await findReferral(db, id);
  if (r === undefined || sideOf(r, actor.orgId) === null) throw notFound('Referral');
  return r;
}

export async function getReferral(deps: ServiceDeps, actor: Actor, id: string): Promise<Referral> {
  return loadForParty(deps.db, actor, id);
}

export async function listReferrals(
  deps: ServiceDeps,
  actor: Actor,
  filter: { direction?: 'incoming' | 'outgoing' | undefined; status?: ReferralStatus | undefined },
): Promise<Referral[]> {
  const rows = await listReferralsOf(
    deps.db,
    { orgId: actor.orgId, direction: filter.direction, status: filter.status },
    INBOX_LIMIT,
  );
  return rows.sort(byUrgency);
}

function stale(current: number): AppError {
  return new AppError(
    'precondition_failed',
    `The referral changed since you loaded it (now version ${current}); reload and retry`,
    [{ path: 'headers.if-match', message: `Stale ETag; current is "${current}"` }],
  );
}

/** A state change by one party; `expectedVersion` null means If-Match: * (any version). */
export async function changeReferral(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  req: TransitionRequest,
  expectedVersion: number | null,
): Promise<Referral> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await loadForParty(trx, actor, id);
    if (expectedVersion !== null && current.version !== expectedVersion)
      throw stale(current.version);
    const side = sideOf(current, actor.orgId) ?? 'sender'; // loadForParty checked membership
    const result = transition(current, req, side, now);
    if (!result.ok) throw result.error;
    const next: Referral = {
      ...current,
      ...result.state,
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    if (!(await updateReferralState(trx, next, current.version))) throw stale(current.version + 1);
    const type = result.kind === 'update' ? 'referral.updated' : 'referral.status_changed';
    await appendReferralEvent(trx, id, {
      at: now.toISOString(),
      actorOrgId: actor.orgId,
      type,
      data: { kind: result.kind, side, from: stateJson(current), to: stateJson(next) },
    });
    if (type === 'referral.status_changed') {
      await enqueueEvent(trx, {
        orgIds: [next.fromOrgId, next.toOrgId],
        type,
        data: referralChangeData(current, next),
        at: now,
      });
    }
    // Won: the fee due and the report's facts commit with the win, or not at all.
    if (result.kind === 'win') await onReferralWon(trx, next, now);
    await recordAudit(trx, deps, actor, meta, {
      action: type,
      targetType: 'referral',
      targetId: id,
      details: { kind: result.kind, status: next.status, substatus: next.substatus },
    });
    return next;
  });
}

export interface ReferralLog {
  events: ChainedEvent[];
  verified: boolean;
  firstBreak: EventLogBreak | null;
}

export async function referralEvents(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<ReferralLog> {
  await loadForParty(deps.db, actor, id);
  const events = await listReferralEvents(deps.db, id);
  const firstBreak = verifyEventLog(events);
  return { events, verified: firstBreak === null, firstBreak };
}
