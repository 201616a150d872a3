// Everything a win sets off, in the win's own transaction: the fee due (both ledgers) and the
// association report's facts. Either fails -> the win is rolled back with it.
import type { Kysely } from 'kysely';
import type { StoredFee } from '../db/repos/fees.repo.ts';
import type { Database } from '../db/schema.ts';
import type { Referral } from '../domain/deals/referral.ts';
import { bookFeeOnWin } from './fee-booking.ts';
import { recordWin } from './p2p-report.service.ts';

export async function onReferralWon(
  trx: Kysely<Database>,
  won: Referral,
  now: Date,
): Promise<StoredFee | null> {
  const fee = await bookFeeOnWin(trx, won, now);
  await recordWin(trx, won, now);
  return fee;
}
