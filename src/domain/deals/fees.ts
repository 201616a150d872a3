// The fee a won referral (or a later revenue report under a revenue share) owes, from the
// agreement version the referral was made under. Exact arithmetic: realised value x FX ratio x
// rate is one ratio of bigints, rounded once, half-even, to the fee currency's minor unit.
import { AppError } from '../shared/errors.ts';
import type { AgreementTerms } from './agreement.ts';
import type { AgreementVersion } from './agreement-versions.ts';
import type { FeeCalculation, FeeLine } from './fee-types.ts';
import { conversionRatio, pickTable, type FxTable } from './fx.ts';
import { amount, BASIS_POINTS_FULL, type Amount } from './money.ts';
import { mul, ratio, roundToSafeInteger } from './rational.ts';
import type { ReferralFlag } from './referral-state.ts';

function needsTable(table: FxTable | null, from: string, to: string): FxTable | null {
  if (from === to) return null;
  if (table === null) {
    throw new AppError('validation', `No FX rates to convert ${from} to ${to}`, [
      { path: 'value.currency', message: `No FX table on or before the date of the fee` },
    ]);
  }
  return table;
}

/** Null when the terms carry no fee. Throws a validation AppError when a needed FX rate is missing. */
export function calculateFee(
  terms: AgreementTerms,
  realised: Amount,
  fx: FxTable | null,
): FeeCalculation | null {
  const fee = terms.fee;
  switch (fee.basis) {
    case 'none':
      return null;
    case 'fixed-fee':
      return { basis: fee.basis, rate: null, realised, fxDate: null, amount: fee.amount };
    case 'percent-of-revenue':
    case 'revenue-share': {
      const table = needsTable(fx, realised.currency, terms.currency);
      const fxRatio =
        table === null ? ratio(1n, 1n) : conversionRatio(table, realised.currency, terms.currency);
      const exact = mul(
        mul(ratio(BigInt(realised.amount), 1n), fxRatio),
        ratio(BigInt(fee.rate), BigInt(BASIS_POINTS_FULL)),
      );
      const due = amount(roundToSafeInteger(exact), terms.currency);
      return {
        basis: fee.basis,
        rate: fee.rate,
        realised,
        fxDate: table?.date ?? null,
        amount: due,
      };
    }
  }
}

export interface FeeEvent {
  kind: 'won' | 'revenue-report';
  referralId: string;
  senderOrgId: string;
  receiverOrgId: string;
  at: Date;
  realised: Amount;
  flags: readonly ReferralFlag[];
}

/**
 * The fee line a won referral (or a revenue report) creates, under `version`: the agreement
 * version in force when the referral was sent, which the referral keeps. Revenue reports earn a
 * fee only under a revenue share. Null when nothing is owed.
 */
export function feeDue(
  event: FeeEvent,
  version: AgreementVersion,
  fxTables: readonly FxTable[],
): FeeLine | null {
  const terms = version.terms;
  if (event.kind === 'revenue-report' && terms.fee.basis !== 'revenue-share') return null;
  const calc = calculateFee(terms, event.realised, pickTable(fxTables, event.at));
  if (calc === null) return null;
  const receiverPays = terms.feePayer === 'receiver';
  return {
    referralId: event.referralId,
    agreementVersion: version.n,
    payerOrgId: receiverPays ? event.receiverOrgId : event.senderOrgId,
    payeeOrgId: receiverPays ? event.senderOrgId : event.receiverOrgId,
    amount: calc.amount,
    paymentDays: terms.paymentDays,
    status: 'due',
    dueSince: event.at.toISOString(),
    invoicedAt: null,
    paymentDueAt: null,
    paidAt: null,
    flags: event.flags,
    calculation: calc,
    dispute: null,
  };
}
