// Words for agreement terms: labels of fields and options, and values shown in diffs.
import { formatMoney } from '../../../lib/format.ts';
import type { ArrangementType } from '../deals-api.ts';

export const TYPE_LABELS: Readonly<Record<ArrangementType, string>> = {
  referral: 'Referral',
  resale: 'Resale',
  subcontract: 'Subcontract',
  'co-sell': 'Co-sell',
  'co-delivery': 'Co-delivery',
  'white-label': 'White label',
};

export const FEE_BASIS_LABELS = {
  'percent-of-revenue': 'Percent of realised revenue',
  'revenue-share': 'Revenue share',
  'fixed-fee': 'Fixed fee per won referral',
  none: 'No fee',
} as const;

export const PARTY_LABELS = {
  sender: 'The referring partner (sender)',
  receiver: 'The receiving partner',
  joint: 'Joint',
} as const;

export const CONFIDENTIALITY_LABELS = {
  standard: 'Standard',
  'mutual-nda': 'Mutual NDA',
  'white-label': 'White label (delivering partner invisible)',
} as const;

export const DISPUTE_LABELS = {
  negotiation: 'Negotiation between the parties',
  'association-mediation': 'Mediation by the association',
  arbitration: 'Arbitration',
  courts: 'Courts',
} as const;

/** Labels by term path, for the editor, the error summary and the diff. */
export const TERM_LABELS: Readonly<Record<string, string>> = {
  'fee.basis': 'Fee basis',
  'fee.rate': 'Fee rate',
  'fee.amount': 'Fixed fee',
  'fee.amount.amount': 'Fixed fee',
  'fee.amount.currency': 'Fixed fee currency',
  feePayer: 'Who pays the fee',
  currency: 'Currency',
  paymentDays: 'Payment days',
  effectiveFrom: 'Effective from',
  durationMonths: 'Duration (months)',
  nonCircumventionMonths: 'Non-circumvention (months)',
  customerRelationshipOwner: 'Customer relationship owner',
  confidentiality: 'Confidentiality',
  disputeRoute: 'Dispute route',
};

const OPTION_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'fee.basis': FEE_BASIS_LABELS,
  feePayer: PARTY_LABELS,
  customerRelationshipOwner: PARTY_LABELS,
  confidentiality: CONFIDENTIALITY_LABELS,
  disputeRoute: DISPUTE_LABELS,
};

/** 1000 basis points -> "10 %". */
export const formatRate = (bp: number): string => `${(bp / 100).toLocaleString('en')} %`;

/** A term's value as a person reads it ("10 %", "EUR 500", "Mutual NDA", "until ended"). */
export function formatTerm(
  path: string,
  value: string | number | boolean | null | undefined,
  currency: string,
): string {
  if (value === undefined) return '—';
  if (value === null) return path === 'durationMonths' ? 'Until either side ends it' : '—';
  if (path === 'fee.rate' && typeof value === 'number') return formatRate(value);
  if (path === 'fee.amount.amount' && typeof value === 'number')
    return formatMoney(value, currency);
  const options = OPTION_LABELS[path];
  if (options !== undefined && typeof value === 'string') return options[value] ?? value;
  return String(value);
}
