// Agreements between two partnered orgs: created from a type's template, changed only by a new
// version one side proposes and the other accepts. Non-parties get not_found.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  findAgreement,
  insertAgreement,
  listAgreementsOf,
  saveAgreementVersions,
  type AgreementRecord,
} from '../db/repos/agreements.repo.ts';
import { findPartnership } from '../db/repos/partnerships.repo.ts';
import type { Database } from '../db/schema.ts';
import {
  allTemplates,
  templateFor,
  type AgreementTerms,
  type ArrangementType,
  type TermsInput,
} from '../domain/deals/agreement.ts';
import {
  acceptVersion,
  closeProposalAs,
  proposeVersion,
  versionInForce,
  type Agreement,
  type AgreementResult,
  type AgreementVersion,
  type ProposalClosing,
} from '../domain/deals/agreement-versions.ts';
import { diffTerms, type TermsChange } from '../domain/deals/diff-terms.ts';
import { isPartyTo } from '../domain/deals/partnership.ts';
import { AppError, notFound, type FieldIssue } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import { agreementEventData } from './deal-events.ts';
import { isAdmin, type Actor, type RequestMeta, type ServiceDeps } from './deps.ts';
import { enqueueEvent } from './webhook-events.ts';

/** Terms as a request sends them: any subset, laid over the template or the latest version. */
export type TermsPatch = { [K in keyof TermsInput]?: TermsInput[K] | undefined };

export const DEFAULT_AGREEMENT_CURRENCY = 'EUR';

export interface AgreementView extends AgreementRecord {
  inForce: AgreementVersion | null;
  diffs: { from: number; to: number; changes: TermsChange[] }[];
}

function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) {
    throw new AppError(
      'forbidden',
      'Only owners and admins act on agreements; members can read them',
    );
  }
}

function mergeTerms(base: TermsInput, patch: TermsPatch | undefined): TermsInput {
  const defined = Object.fromEntries(
    Object.entries(patch ?? {}).filter(([, v]) => v !== undefined),
  );
  return { ...base, ...defined };
}

/** Domain issues are relative to the terms; the API reports them relative to the body. */
function underTerms(err: AppError): AppError {
  if (err.code !== 'validation') return err;
  const issues: FieldIssue[] = err.issues.map((i) => ({ ...i, path: `terms.${i.path}` }));
  return new AppError('validation', err.message, issues);
}

function unwrap(result: AgreementResult): Agreement {
  if (!result.ok) throw underTerms(result.error);
  return result.agreement;
}

export function viewOf(a: AgreementRecord, now: Date): AgreementView {
  const diffs = a.versions.slice(1).map((v, i) => {
    const prev = a.versions[i] as AgreementVersion; // slice(1) keeps i one behind v
    return { from: prev.n, to: v.n, changes: diffTerms(prev.terms, v.terms) };
  });
  return { ...a, inForce: versionInForce(a.versions, now), diffs };
}

export async function createAgreement(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  input: { partnershipId: string; type: ArrangementType; terms?: TermsPatch | undefined },
): Promise<AgreementView> {
  requireAdmin(actor);
  const now = deps.now();
  const created = await deps.db.transaction().execute(async (trx) => {
    const p = await findPartnership(trx, input.partnershipId);
    if (p === undefined || !isPartyTo(p, actor.orgId)) throw notFound('Partnership');
    if (p.status !== 'active') {
      throw new AppError(
        'conflict',
        `The partnership is ${p.status}; agreements need an active one`,
      );
    }
    const currency = input.terms?.currency ?? DEFAULT_AGREEMENT_CURRENCY;
    const template: AgreementTerms = templateFor(
      input.type,
      now.toISOString().slice(0, 10),
      currency,
    );
    const empty: Agreement = {
      type: input.type,
      partyOrgIds: [p.requesterOrgId, p.addresseeOrgId],
      versions: [],
    };
    const a = unwrap(proposeVersion(empty, actor.orgId, mergeTerms(template, input.terms), now));
    const record: AgreementRecord = {
      ...a,
      id: randomUUID(),
      partnershipId: p.id,
      createdByOrgId: actor.orgId,
      createdAt: now.toISOString(),
      version: 1,
    };
    await insertAgreement(trx, record);
    await audit(trx, deps, actor, meta, 'agreement.proposed', record, 1);
    await tellParties(trx, actor, 'agreement.proposed', record, 1, now);
    return record;
  });
  return viewOf(created, now);
}

async function audit(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  action: string,
  a: AgreementRecord,
  n: number,
): Promise<void> {
  await recordAudit(trx, deps, actor, meta, {
    action,
    targetType: 'agreement',
    targetId: a.id,
    details: { n, type: a.type },
  });
}

type AgreementAction = 'agreement.proposed' | 'agreement.accepted';
/** Audited changes; withdrawals and declines are not webhook events. */
type AgreementChange = AgreementAction | 'agreement.withdrawn' | 'agreement.declined';

/** Both parties' webhooks hear of every proposal and acceptance. */
async function tellParties(
  trx: Kysely<Database>,
  actor: Actor,
  type: AgreementAction,
  a: AgreementRecord,
  n: number,
  now: Date,
): Promise<void> {
  await enqueueEvent(trx, {
    orgIds: a.partyOrgIds,
    type,
    data: agreementEventData({ ...a, n, byOrgId: actor.orgId }),
    at: now,
  });
}

async function loadForParty(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<AgreementRecord> {
  const a = await findAgreement(db, id);
  if (a === undefined || !a.partyOrgIds.includes(actor.orgId)) throw notFound('Agreement');
  return a;
}

async function change(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  step: (
    a: AgreementRecord,
    now: Date,
  ) => { agreement: Agreement; n: number; action: AgreementChange },
): Promise<AgreementView> {
  const now = deps.now();
  const saved = await deps.db.transaction().execute(async (trx) => {
    const current = await loadForParty(trx, actor, id);
    requireAdmin(actor);
    const p = await findPartnership(trx, current.partnershipId);
    if (p?.status !== 'active') {
      throw new AppError(
        'conflict',
        'The partnership has ended; its agreements can no longer change',
      );
    }
    const { agreement, n, action } = step(current, now);
    if (!(await saveAgreementVersions(trx, current, agreement.versions))) {
      throw new AppError('conflict', 'The agreement changed at the same time; reload and retry');
    }
    const next: AgreementRecord = {
      ...current,
      versions: agreement.versions,
      version: current.version + 1,
    };
    await audit(trx, deps, actor, meta, action, next, n);
    if (action === 'agreement.proposed' || action === 'agreement.accepted') {
      await tellParties(trx, actor, action, next, n, now);
    }
    return next;
  });
  return viewOf(saved, now);
}

/** A new proposal; `terms` override the latest version's terms field by field. */
export async function proposeAgreementVersion(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  terms: TermsPatch,
): Promise<AgreementView> {
  return change(deps, actor, meta, id, (a, now) => {
    const latest = a.versions[a.versions.length - 1];
    const base: TermsInput =
      latest?.terms ??
      templateFor(a.type, now.toISOString().slice(0, 10), DEFAULT_AGREEMENT_CURRENCY);
    const agreement = unwrap(proposeVersion(a, actor.orgId, mergeTerms(base, terms), now));
    const n = agreement.versions.reduce((max, v) => Math.max(max, v.n), 0);
    return { agreement, n, action: 'agreement.proposed' };
  });
}

export async function acceptAgreementVersion(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  n: number,
): Promise<AgreementView> {
  return change(deps, actor, meta, id, (a, now) => ({
    agreement: unwrap(acceptVersion(a, n, actor.orgId, now)),
    n,
    action: 'agreement.accepted',
  }));
}

/** The proposer withdraws its open proposal `n`, or the other party declines it. */
export async function closeAgreementVersion(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  n: number,
  action: ProposalClosing,
): Promise<AgreementView> {
  return change(deps, actor, meta, id, (a, now) => ({
    agreement: unwrap(closeProposalAs(a, n, action, actor.orgId, now)),
    n,
    action: action === 'withdraw' ? 'agreement.withdrawn' : 'agreement.declined',
  }));
}

/**
 * Each type's starting terms, dated today and in the default currency: exactly what
 * createAgreement lays a request's terms over, so an editor shows what will be proposed.
 */
export function agreementTemplates(
  deps: ServiceDeps,
): { type: ArrangementType; terms: AgreementTerms }[] {
  return allTemplates(deps.now().toISOString().slice(0, 10), DEFAULT_AGREEMENT_CURRENCY);
}

export async function getAgreement(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<AgreementView> {
  return viewOf(await loadForParty(deps.db, actor, id), deps.now());
}

export async function listAgreements(
  deps: ServiceDeps,
  actor: Actor,
  partnershipId: string | undefined,
): Promise<AgreementView[]> {
  const now = deps.now();
  return (await listAgreementsOf(deps.db, actor.orgId, partnershipId)).map((a) => viewOf(a, now));
}

/** The agreement version in force now, for a referral between these two orgs (or not_found). */
export async function agreementVersionInForce(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<{ agreement: AgreementRecord; version: AgreementVersion | null }> {
  const a = await loadForParty(deps.db, actor, id);
  return { agreement: a, version: versionInForce(a.versions, deps.now()) };
}
