// Appends to a referral's hash-chained event log inside the caller's transaction. The referral
// row is updated (version-checked) before any append, so appends to one log never interleave.
import type { Kysely } from 'kysely';
import { insertReferralEvent, lastReferralEvent } from '../db/repos/referrals.repo.ts';
import type { Database } from '../db/schema.ts';
import {
  appendEvent,
  type ChainedEvent,
  type JsonValue,
  type NewEvent,
} from '../domain/deals/event-log.ts';
import type { Amount } from '../domain/deals/money.ts';
import type { Referral } from '../domain/deals/referral.ts';

export async function appendReferralEvent(
  trx: Kysely<Database>,
  referralId: string,
  input: NewEvent,
): Promise<ChainedEvent> {
  const e = appendEvent(referralId, await lastReferralEvent(trx, referralId), input);
  await insertReferralEvent(trx, e);
  return e;
}

export const moneyJson = (m: Amount | null): JsonValue =>
  m === null ? null : { amount: m.amount, currency: m.currency };

/** The state fields an event records, as plain JSON. */
export function stateJson(r: Referral): JsonValue {
  return {
    status: r.status,
    substatus: r.substatus,
    statusReason: r.statusReason,
    stage: r.stage,
    value: moneyJson(r.value),
  };
}
