// Starting terms per arrangement type, as the server's templates (src/domain/deals/agreement.ts):
// the web app may import only the contract, so the editor keeps its own copy of the defaults.
// Rates are basis points (1000 = 10 %).
import type { ArrangementType, Terms } from '../deals-api.ts';

type Defaults = Omit<Terms, 'currency' | 'effectiveFrom'>;

const base = {
  feePayer: 'receiver',
  paymentDays: 30,
  durationMonths: 12,
  nonCircumventionMonths: 12,
  confidentiality: 'mutual-nda',
  disputeRoute: 'association-mediation',
} as const;

const TEMPLATES: Readonly<Record<ArrangementType, Defaults>> = {
  referral: {
    ...base,
    fee: { basis: 'percent-of-revenue', rate: 1000 },
    customerRelationshipOwner: 'receiver',
  },
  resale: {
    ...base,
    fee: { basis: 'revenue-share', rate: 500 },
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

export function templateTerms(type: ArrangementType, today: string, currency = 'EUR'): Terms {
  return { ...TEMPLATES[type], effectiveFrom: today, currency };
}
