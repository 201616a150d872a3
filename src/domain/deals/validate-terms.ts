// Business rules of agreement terms (the shape is the zod contract's job). Every problem comes
// back as a FieldIssue with a path such as `fee.rate`, so the editor can mark the field.
import { AppError, type FieldIssue } from '../shared/errors.ts';
import type { AgreementTerms, ArrangementType, TermsInput } from './agreement.ts';
import { isIsoDate } from './iso-date.ts';
import { BASIS_POINTS_FULL, checkMoney, currencyDigits } from './money.ts';

export const TERMS_LIMITS = {
  paymentDaysMax: 365,
  durationMonthsMax: 120,
  nonCircumventionMonthsMax: 60,
} as const;

function intIn(value: number, min: number, max: number, path: string): FieldIssue[] {
  return Number.isInteger(value) && value >= min && value <= max
    ? []
    : [{ path, message: `Must be a whole number from ${min} to ${max}` }];
}

function checkFee(t: TermsInput): FieldIssue[] {
  const fee = t.fee;
  switch (fee.basis) {
    case 'percent-of-revenue':
    case 'revenue-share':
      return intIn(fee.rate, 1, BASIS_POINTS_FULL, 'fee.rate').map((i) => ({
        ...i,
        message: `${i.message} basis points (1 = 0.01 %; use fee basis "none" for no fee)`,
      }));
    case 'fixed-fee': {
      const issues = checkMoney(fee.amount, 'fee.amount', 1);
      if (fee.amount.currency !== t.currency) {
        issues.push({
          path: 'fee.amount.currency',
          message: `Must be the agreement currency ${t.currency}`,
        });
      }
      return issues;
    }
    case 'none':
      return [];
  }
}

function checkConfidentiality(type: ArrangementType, t: TermsInput): FieldIssue[] {
  const whiteLabel = type === 'white-label';
  if (whiteLabel === (t.confidentiality === 'white-label')) return [];
  return [
    {
      path: 'confidentiality',
      message: whiteLabel
        ? 'A white-label agreement needs white-label confidentiality'
        : 'White-label confidentiality is only for white-label agreements',
    },
  ];
}

export function validateTerms(type: ArrangementType, t: TermsInput): FieldIssue[] {
  const issues = [...checkFee(t), ...checkConfidentiality(type, t)];
  if (currencyDigits(t.currency) === null) {
    issues.push({
      path: 'currency',
      message: `Unknown code "${t.currency}"; expected an ISO 4217 currency code such as EUR or USD`,
    });
  }
  issues.push(...intIn(t.paymentDays, 0, TERMS_LIMITS.paymentDaysMax, 'paymentDays'));
  if (!isIsoDate(t.effectiveFrom)) {
    issues.push({ path: 'effectiveFrom', message: 'Must be a date (YYYY-MM-DD)' });
  }
  if (t.durationMonths !== null) {
    issues.push(...intIn(t.durationMonths, 1, TERMS_LIMITS.durationMonthsMax, 'durationMonths'));
  }
  issues.push(
    ...intIn(
      t.nonCircumventionMonths,
      0,
      TERMS_LIMITS.nonCircumventionMonthsMax,
      'nonCircumventionMonths',
    ),
  );
  return issues;
}

/** Validated terms with branded numbers, or a validation AppError carrying every issue. */
export function checkedTerms(type: ArrangementType, t: TermsInput): AgreementTerms | AppError {
  const issues = validateTerms(type, t);
  if (issues.length > 0) return new AppError('validation', 'Invalid agreement terms', issues);
  return t as AgreementTerms; // every number the brands cover was checked above
}
