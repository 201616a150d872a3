// The agreement editor's form state (text as typed) and its conversion to the API's terms, with
// local issues under the same paths the server uses (fee.rate, paymentDays, …).
import type { FieldIssue } from '../../../lib/field-errors.ts';
import type { Terms } from '../deals-api.ts';
import { percentToBasisPoints, toMajorText, toMinor } from '../shared/money-input.ts';

export interface TermsDraft {
  feeBasis: Terms['fee']['basis'];
  ratePercent: string;
  fixedAmount: string;
  feePayer: Terms['feePayer'];
  currency: string;
  paymentDays: string;
  effectiveFrom: string;
  /** '' = until either side ends it. */
  durationMonths: string;
  nonCircumventionMonths: string;
  customerRelationshipOwner: Terms['customerRelationshipOwner'];
  confidentiality: Terms['confidentiality'];
  disputeRoute: Terms['disputeRoute'];
}

export function draftOfTerms(t: Terms): TermsDraft {
  const fee = t.fee;
  return {
    feeBasis: fee.basis,
    ratePercent:
      fee.basis === 'percent-of-revenue' || fee.basis === 'revenue-share'
        ? String(fee.rate / 100)
        : '10',
    fixedAmount:
      fee.basis === 'fixed-fee' ? toMajorText(fee.amount.amount, fee.amount.currency) : '',
    feePayer: t.feePayer,
    currency: t.currency,
    paymentDays: String(t.paymentDays),
    effectiveFrom: t.effectiveFrom,
    durationMonths: t.durationMonths === null ? '' : String(t.durationMonths),
    nonCircumventionMonths: String(t.nonCircumventionMonths),
    customerRelationshipOwner: t.customerRelationshipOwner,
    confidentiality: t.confidentiality,
    disputeRoute: t.disputeRoute,
  };
}

const whole = (s: string, path: string, issues: FieldIssue[]): number => {
  if (/^\d+$/.test(s.trim())) return Number(s.trim());
  issues.push({ path, message: 'Must be a whole number' });
  return 0;
};

function feeOf(d: TermsDraft, issues: FieldIssue[]): Terms['fee'] {
  switch (d.feeBasis) {
    case 'percent-of-revenue':
    case 'revenue-share': {
      const rate = percentToBasisPoints(d.ratePercent);
      if (rate === null)
        issues.push({ path: 'fee.rate', message: 'A percentage such as 10 or 12.5' });
      return { basis: d.feeBasis, rate: rate ?? 0 };
    }
    case 'fixed-fee': {
      const amount = toMinor(d.fixedAmount, d.currency);
      if (amount === null)
        issues.push({
          path: 'fee.amount.amount',
          message: `An amount in ${d.currency}, such as 500`,
        });
      return { basis: 'fixed-fee', amount: { amount: amount ?? 0, currency: d.currency } };
    }
    case 'none':
      return { basis: 'none' };
  }
}

/** The terms to send, and what is wrong with the typing (range rules stay with the server). */
export function termsOfDraft(d: TermsDraft): { terms: Terms; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const terms: Terms = {
    fee: feeOf(d, issues),
    feePayer: d.feePayer,
    currency: d.currency.trim().toUpperCase(),
    paymentDays: whole(d.paymentDays, 'paymentDays', issues),
    effectiveFrom: d.effectiveFrom,
    durationMonths:
      d.durationMonths.trim() === '' ? null : whole(d.durationMonths, 'durationMonths', issues),
    nonCircumventionMonths: whole(d.nonCircumventionMonths, 'nonCircumventionMonths', issues),
    customerRelationshipOwner: d.customerRelationshipOwner,
    confidentiality: d.confidentiality,
    disputeRoute: d.disputeRoute,
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.effectiveFrom))
    issues.push({ path: 'effectiveFrom', message: 'Must be a date (YYYY-MM-DD)' });
  return { terms, issues };
}

/** Server paths arrive as terms.fee.rate (create) or fee.rate: the editor keys fields without terms. */
export const termPath = (path: string): string => path.replace(/^terms\./, '');
