// Versioning: every change is a new version proposed by one party and accepted by the other.
// Only accepted versions are in force; nothing is ever deleted, so the history is the record.
import { AppError } from '../shared/errors.ts';
import type { AgreementTerms, ArrangementType, TermsInput } from './agreement.ts';
import { checkedTerms } from './validate-terms.ts';

export type VersionStatus = 'proposed' | 'accepted' | 'declined' | 'withdrawn' | 'replaced';

export interface AgreementVersion {
  /** 1, 2, 3 ... in proposal order. */
  n: number;
  terms: AgreementTerms;
  status: VersionStatus;
  proposedByOrgId: string;
  proposedAt: string;
  decidedByOrgId: string | null;
  decidedAt: string | null;
}

export interface Agreement {
  type: ArrangementType;
  partyOrgIds: readonly [string, string];
  versions: readonly AgreementVersion[];
}

export type AgreementResult =
  { ok: true; agreement: Agreement; version: AgreementVersion } | { ok: false; error: AppError };

const fail = (error: AppError): AgreementResult => ({ ok: false, error });
const isParty = (a: Agreement, orgId: string) => a.partyOrgIds.includes(orgId);
const notParty = () => new AppError('forbidden', 'Only the two parties act on an agreement');

function withVersion(a: Agreement, v: AgreementVersion, replaced: VersionStatus): AgreementResult {
  const versions = a.versions.map((old) =>
    old.n === v.n ? v : old.status === 'proposed' ? { ...old, status: replaced } : old,
  );
  if (!versions.some((old) => old.n === v.n)) versions.push(v);
  return { ok: true, agreement: { ...a, versions }, version: v };
}

/** A new proposal from one party; an open proposal it replaces (a counter-offer) is marked replaced. */
export function proposeVersion(
  a: Agreement,
  byOrgId: string,
  input: TermsInput,
  now: Date,
): AgreementResult {
  if (!isParty(a, byOrgId)) return fail(notParty());
  const terms = checkedTerms(a.type, input);
  if (terms instanceof AppError) return fail(terms);
  const n = a.versions.reduce((max, v) => Math.max(max, v.n), 0) + 1;
  const v: AgreementVersion = {
    n,
    terms,
    status: 'proposed',
    proposedByOrgId: byOrgId,
    proposedAt: now.toISOString(),
    decidedByOrgId: null,
    decidedAt: null,
  };
  return withVersion(a, v, 'replaced');
}

function openProposal(a: Agreement, n: number): AgreementVersion | AppError {
  const v = a.versions.find((x) => x.n === n);
  if (v === undefined) return new AppError('not_found', `Agreement version ${n} not found`);
  if (v.status !== 'proposed') {
    return new AppError(
      'conflict',
      `Version ${n} is ${v.status}; only an open proposal can be decided`,
      [
        {
          path: 'n',
          message: `Open proposal: ${a.versions.find((x) => x.status === 'proposed')?.n ?? 'none'}`,
        },
      ],
    );
  }
  return v;
}

/** The other party accepts proposal `n`; from then (and its effectiveFrom) it is in force. */
export function acceptVersion(
  a: Agreement,
  n: number,
  byOrgId: string,
  now: Date,
): AgreementResult {
  if (!isParty(a, byOrgId)) return fail(notParty());
  const v = openProposal(a, n);
  if (v instanceof AppError) return fail(v);
  if (v.proposedByOrgId === byOrgId) {
    return fail(
      new AppError('forbidden', 'A proposal is accepted by the other party, not by its proposer'),
    );
  }
  const accepted = {
    ...v,
    status: 'accepted' as const,
    decidedByOrgId: byOrgId,
    decidedAt: now.toISOString(),
  };
  return withVersion(a, accepted, 'replaced');
}

/** Ends an open proposal: the proposer withdraws it, the other party declines it. */
export function closeProposal(
  a: Agreement,
  n: number,
  byOrgId: string,
  now: Date,
): AgreementResult {
  if (!isParty(a, byOrgId)) return fail(notParty());
  const v = openProposal(a, n);
  if (v instanceof AppError) return fail(v);
  const status: VersionStatus = v.proposedByOrgId === byOrgId ? 'withdrawn' : 'declined';
  return withVersion(
    a,
    { ...v, status, decidedByOrgId: byOrgId, decidedAt: now.toISOString() },
    'replaced',
  );
}

export type ProposalClosing = 'withdraw' | 'decline';

/**
 * `closeProposal` with the side stated: the proposer withdraws, the other party declines. The
 * wrong side is refused with what it may do instead; a decided version with its status.
 */
export function closeProposalAs(
  a: Agreement,
  n: number,
  action: ProposalClosing,
  byOrgId: string,
  now: Date,
): AgreementResult {
  if (!isParty(a, byOrgId)) return fail(notParty());
  const v = openProposal(a, n);
  if (v instanceof AppError) return fail(v);
  const byProposer = v.proposedByOrgId === byOrgId;
  if (action === 'withdraw' && !byProposer) {
    return fail(
      new AppError(
        'forbidden',
        'Only the proposer withdraws a proposal; the other party declines or accepts it',
      ),
    );
  }
  if (action === 'decline' && byProposer) {
    return fail(
      new AppError(
        'forbidden',
        'A proposal is declined by the other party; its proposer withdraws it',
      ),
    );
  }
  return closeProposal(a, n, byOrgId, now);
}

/** Adds calendar months to a YYYY-MM-DD date, clamping to the month's end (Jan 31 + 1 -> Feb 28). */
export function addMonths(isoDate: string, months: number): Date {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target;
}

/** First instant after the version's duration (exclusive end), or null when open-ended. */
export function effectiveUntil(terms: AgreementTerms): Date | null {
  return terms.durationMonths === null
    ? null
    : addMonths(terms.effectiveFrom, terms.durationMonths);
}

/** In force from the later of its effectiveFrom and its acceptance. */
function startOf(v: AgreementVersion): number {
  if (v.decidedAt === null) return Number.POSITIVE_INFINITY;
  return Math.max(Date.parse(`${v.terms.effectiveFrom}T00:00:00.000Z`), Date.parse(v.decidedAt));
}

/**
 * The version governing events at `at`: the newest accepted version that had been accepted and
 * become effective by then. Terms never apply retroactively: a version accepted later does not
 * reach back before its acceptance, even if its effectiveFrom is earlier. Null when none applies
 * or the governing version has run out.
 */
export function versionInForce(
  versions: readonly AgreementVersion[],
  at: Date,
): AgreementVersion | null {
  let best: AgreementVersion | null = null;
  for (const v of versions) {
    if (v.status !== 'accepted' || startOf(v) > at.getTime()) continue;
    if (best === null || v.n > best.n) best = v;
  }
  if (best === null) return null;
  const until = effectiveUntil(best.terms);
  return until !== null && at.getTime() >= until.getTime() ? null : best;
}
