// Two-party P2P agreements: the arrangement types and their typed terms, with a template per type.
// Terms are written from the point of view of one referral made under the agreement: its sender
// (who brings the customer or the work) and its receiver. An agreement covers both directions.
import type { Money } from '../profile/profile.ts';
import { basisPoints, type Amount, type BasisPoints } from './money.ts';

export const ARRANGEMENT_TYPES = [
  'referral',
  'resale',
  'subcontract',
  'co-sell',
  'co-delivery',
  'white-label',
] as const;
export type ArrangementType = (typeof ARRANGEMENT_TYPES)[number];

export const FEE_BASES = ['percent-of-revenue', 'revenue-share', 'fixed-fee', 'none'] as const;
export type FeeBasis = (typeof FEE_BASES)[number];

/**
 * percent-of-revenue: one fee on the realised value of a won referral.
 * revenue-share: the same rate on the won value and on each later revenue report for that customer.
 * fixed-fee: a set amount per won referral, whatever its value.
 */
export type FeeTerms<R extends number = BasisPoints, M extends Money = Amount> =
  | { basis: 'percent-of-revenue'; rate: R }
  | { basis: 'revenue-share'; rate: R }
  | { basis: 'fixed-fee'; amount: M }
  | { basis: 'none' };

export type Party = 'sender' | 'receiver';
export type RelationshipOwner = Party | 'joint';
export type Confidentiality = 'standard' | 'mutual-nda' | 'white-label';
export type DisputeRoute = 'negotiation' | 'association-mediation' | 'arbitration' | 'courts';

export interface AgreementTerms<R extends number = BasisPoints, M extends Money = Amount> {
  fee: FeeTerms<R, M>;
  /** Who pays the fee on a referral: usually the receiver pays the sender for the introduction. */
  feePayer: Party;
  /** ISO 4217; fees are computed and invoiced in it. */
  currency: string;
  /** Days from invoice to payment. */
  paymentDays: number;
  /** First day in force (YYYY-MM-DD, UTC); a version cannot apply before it is accepted either. */
  effectiveFrom: string;
  /** Months in force from effectiveFrom; null = until either side ends it. */
  durationMonths: number | null;
  /** Months after the agreement during which neither side goes around the other to the customer. */
  nonCircumventionMonths: number;
  customerRelationshipOwner: RelationshipOwner;
  /** white-label: the delivering partner stays invisible to the customer. */
  confidentiality: Confidentiality;
  disputeRoute: DisputeRoute;
}

/** Terms as they arrive from outside, before validation brands the numbers. */
export type TermsInput = AgreementTerms<number, Money>;

type TemplateDefaults = Omit<AgreementTerms, 'currency' | 'effectiveFrom' | 'fee'> & {
  fee: FeeTerms<BasisPoints, never>;
};

const base = {
  feePayer: 'receiver',
  paymentDays: 30,
  durationMonths: 12,
  nonCircumventionMonths: 12,
  confidentiality: 'mutual-nda',
  disputeRoute: 'association-mediation',
} as const;

// Fees here are what one partner owes the other for the introduction or the shared revenue; the
// work itself (subcontracting, white-label delivery) is invoiced outside Circles, so those
// arrangements default to no fee.
const TEMPLATES: Readonly<Record<ArrangementType, TemplateDefaults>> = {
  referral: {
    ...base,
    fee: { basis: 'percent-of-revenue', rate: basisPoints(1000) },
    customerRelationshipOwner: 'receiver',
  },
  resale: {
    ...base,
    fee: { basis: 'revenue-share', rate: basisPoints(500) },
    durationMonths: 24,
    customerRelationshipOwner: 'receiver',
  },
  subcontract: {
    ...base,
    fee: { basis: 'none' },
    nonCircumventionMonths: 24,
    customerRelationshipOwner: 'sender',
  },
  'co-sell': { ...base, fee: { basis: 'none' }, customerRelationshipOwner: 'joint' },
  'co-delivery': { ...base, fee: { basis: 'none' }, customerRelationshipOwner: 'joint' },
  'white-label': {
    ...base,
    fee: { basis: 'none' },
    durationMonths: 24,
    nonCircumventionMonths: 24,
    customerRelationshipOwner: 'sender',
    confidentiality: 'white-label',
  },
};

/** Sensible starting terms for a type; the caller supplies the date and currency (no clock here). */
export function templateFor(
  type: ArrangementType,
  effectiveFrom: string,
  currency: string,
): AgreementTerms {
  return { ...TEMPLATES[type], effectiveFrom, currency };
}

/** Every type's template, in ARRANGEMENT_TYPES order: what an editor offers as starting terms. */
export function allTemplates(
  effectiveFrom: string,
  currency: string,
): { type: ArrangementType; terms: AgreementTerms }[] {
  return ARRANGEMENT_TYPES.map((type) => ({
    type,
    terms: templateFor(type, effectiveFrom, currency),
  }));
}
