import { describe, expect, it } from 'vitest';
import { templateFor, type TermsInput } from './agreement.ts';
import {
  acceptVersion,
  addMonths,
  closeProposal,
  proposeVersion,
  versionInForce,
  type Agreement,
  type AgreementResult,
} from './agreement-versions.ts';

const A = 'org-a';
const B = 'org-b';
const empty: Agreement = { type: 'referral', partyOrgIds: [A, B], versions: [] };
const terms = (
  rate: number,
  effectiveFrom = '2026-12-01',
  durationMonths: number | null = 12,
): TermsInput => ({
  ...templateFor('referral', effectiveFrom, 'EUR'),
  fee: { basis: 'percent-of-revenue', rate },
  durationMonths,
});
const d = (iso: string) => new Date(iso);

function ok(r: AgreementResult): Agreement {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.agreement;
}

/** v1 at 10 % accepted on Nov 20 (effective Dec 1); v2 at 12 % from Mar 1 accepted Feb 10. */
function history(): Agreement {
  let a = ok(proposeVersion(empty, A, terms(1000), d('2026-11-18T10:00:00Z')));
  a = ok(acceptVersion(a, 1, B, d('2026-11-20T10:00:00Z')));
  a = ok(proposeVersion(a, B, terms(1200, '2027-03-01'), d('2027-02-01T10:00:00Z')));
  return ok(acceptVersion(a, 2, A, d('2027-02-10T10:00:00Z')));
}

describe('proposing and accepting versions', () => {
  it('a proposal is accepted by the other party only', () => {
    const a = ok(proposeVersion(empty, A, terms(1000), d('2026-11-18T10:00:00Z')));
    const self = acceptVersion(a, 1, A, d('2026-11-19T10:00:00Z'));
    expect(self.ok ? null : self.error.code).toBe('forbidden');
    const stranger = acceptVersion(a, 1, 'org-c', d('2026-11-19T10:00:00Z'));
    expect(stranger.ok ? null : stranger.error.code).toBe('forbidden');
    const accepted = acceptVersion(a, 1, B, d('2026-11-19T10:00:00Z'));
    expect(accepted.ok && accepted.version).toMatchObject({
      n: 1,
      status: 'accepted',
      decidedByOrgId: B,
    });
  });

  it('invalid terms are refused with their paths', () => {
    const r = proposeVersion(
      empty,
      A,
      { ...terms(1000), paymentDays: 1000 },
      d('2026-11-18T10:00:00Z'),
    );
    expect(r.ok ? null : r.error.issues.map((i) => i.path)).toEqual(['paymentDays']);
  });

  it('a counter-proposal replaces the open one; history keeps both', () => {
    let a = ok(proposeVersion(empty, A, terms(1000), d('2026-11-18T10:00:00Z')));
    a = ok(proposeVersion(a, B, terms(800), d('2026-11-19T10:00:00Z')));
    expect(a.versions.map((v) => [v.n, v.status])).toEqual([
      [1, 'replaced'],
      [2, 'proposed'],
    ]);
    const late = acceptVersion(a, 1, B, d('2026-11-20T10:00:00Z'));
    expect(late.ok ? null : late.error.code).toBe('conflict');
  });

  it('the proposer withdraws, the other party declines', () => {
    const a = ok(proposeVersion(empty, A, terms(1000), d('2026-11-18T10:00:00Z')));
    expect(ok(closeProposal(a, 1, A, d('2026-11-19T00:00:00Z'))).versions[0]?.status).toBe(
      'withdrawn',
    );
    expect(ok(closeProposal(a, 1, B, d('2026-11-19T00:00:00Z'))).versions[0]?.status).toBe(
      'declined',
    );
    const missing = closeProposal(a, 9, B, d('2026-11-19T00:00:00Z'));
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });
});

describe('versionInForce', () => {
  const nAt = (a: Agreement, iso: string) => versionInForce(a.versions, d(iso))?.n ?? null;

  it.each([
    ['2026-11-30T23:59:59Z', null], // accepted, but not yet effective
    ['2026-12-01T00:00:00Z', 1],
    ['2027-02-28T23:59:59Z', 1], // v2 accepted but effective from Mar 1
    ['2027-03-01T00:00:00Z', 2],
    ['2028-02-29T23:59:59Z', 2],
    ['2028-03-01T00:00:00Z', null], // v2's 12 months have run out
  ])('at %s -> version %s', (at, n) => {
    expect(nAt(history(), at)).toBe(n);
  });

  it('only accepted versions count', () => {
    const a = ok(
      proposeVersion(empty, A, terms(1000, '2026-01-01', null), d('2026-01-01T00:00:00Z')),
    );
    expect(nAt(a, '2026-06-01T00:00:00Z')).toBeNull();
  });

  it('a backdated version does not reach back before its acceptance', () => {
    let a = ok(
      proposeVersion(empty, A, terms(1000, '2026-01-01', null), d('2026-01-01T00:00:00Z')),
    );
    a = ok(acceptVersion(a, 1, B, d('2026-01-02T00:00:00Z')));
    a = ok(proposeVersion(a, B, terms(2000, '2026-01-01', null), d('2026-05-01T00:00:00Z')));
    a = ok(acceptVersion(a, 2, A, d('2026-06-01T00:00:00Z')));
    expect(nAt(a, '2026-03-01T00:00:00Z')).toBe(1);
    expect(nAt(a, '2026-06-01T00:00:00Z')).toBe(2);
  });
});

describe('addMonths', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonths('2027-01-31', 1).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(addMonths('2026-12-01', 12).toISOString()).toBe('2027-12-01T00:00:00.000Z');
  });
});
