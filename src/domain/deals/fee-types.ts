// The shapes of the fee ledger, shared by the calculation, the ledger moves and disputes.
import type { FeeBasis } from './agreement.ts';
import type { Amount, BasisPoints } from './money.ts';
import type { ReferralFlag } from './referral-state.ts';

export interface FeeCalculation {
  basis: Exclude<FeeBasis, 'none'>;
  rate: BasisPoints | null;
  realised: Amount;
  /** Date of the FX table used, or null when no conversion was needed. */
  fxDate: string | null;
  amount: Amount;
}

export type FeeStatus = 'due' | 'invoiced' | 'paid' | 'disputed' | 'waived';

export interface FeeLine {
  referralId: string;
  agreementVersion: number;
  payerOrgId: string;
  payeeOrgId: string;
  amount: Amount;
  /** Copied from the terms so that invoicing needs no agreement lookup. */
  paymentDays: number;
  status: FeeStatus;
  dueSince: string;
  invoicedAt: string | null;
  paymentDueAt: string | null;
  paidAt: string | null;
  flags: readonly ReferralFlag[];
  calculation: FeeCalculation;
  dispute: Dispute | null;
}

export type Resolution =
  { outcome: 'uphold' } | { outcome: 'adjust'; amount: number } | { outcome: 'waive' };

export interface DisputeMessage {
  orgId: string;
  at: string;
  text: string;
}

export interface Dispute {
  openedByOrgId: string;
  openedAt: string;
  reason: string;
  /** Where the fee goes back to when the dispute ends without a waiver. */
  resumeStatus: 'due' | 'invoiced';
  messages: readonly DisputeMessage[];
  /** Each party's latest proposal. */
  proposals: Readonly<Record<string, Resolution>>;
  resolvedAt: string | null;
  resolution: Resolution | null;
}
