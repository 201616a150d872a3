// What a win sets off, inside the win's own transaction: the fee due under the agreement version
// in force at that moment (one ledger line both parties see), its webhook event and timeline entry.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findAgreement } from '../db/repos/agreements.repo.ts';
import { insertFee, type StoredFee } from '../db/repos/fees.repo.ts';
import type { Database } from '../db/schema.ts';
import { versionInForce, type AgreementVersion } from '../domain/deals/agreement-versions.ts';
import type { JsonValue } from '../domain/deals/event-log.ts';
import { feeDue } from '../domain/deals/fees.ts';
import type { Referral } from '../domain/deals/referral.ts';
import { fxTableAt } from './fx.service.ts';
import { appendReferralEvent, moneyJson } from './referral-log.ts';
import { enqueueEvent } from './webhook-events.ts';

/**
 * The version in force at the win; when none is (the agreement ran out or was never renewed),
 * the accepted version the referral was made under, which it keeps.
 */
function governing(
  versions: readonly AgreementVersion[],
  pinned: number | null,
  at: Date,
): AgreementVersion | null {
  return (
    versionInForce(versions, at) ??
    versions.find((v) => v.n === pinned && v.status === 'accepted') ??
    null
  );
}

export function feeEventData(f: StoredFee): { [key: string]: JsonValue } {
  return {
    fee: {
      id: f.id,
      referralId: f.referralId,
      partnershipId: f.partnershipId,
      agreementId: f.agreementId,
      agreementVersion: f.agreementVersion,
      payerOrgId: f.payerOrgId,
      payeeOrgId: f.payeeOrgId,
      amount: moneyJson(f.amount),
      status: f.status,
    },
  };
}

/** Books the fee a won referral owes, if its agreement carries one; null when nothing is owed. */
export async function bookFeeOnWin(
  trx: Kysely<Database>,
  r: Referral,
  now: Date,
): Promise<StoredFee | null> {
  if (r.agreementId === null || r.value === null) return null;
  const a = await findAgreement(trx, r.agreementId);
  if (a === undefined) return null;
  const v = governing(a.versions, r.agreementVersion, now);
  if (v === null) return null;
  const event = {
    kind: 'won' as const,
    referralId: r.id,
    senderOrgId: r.fromOrgId,
    receiverOrgId: r.toOrgId,
    at: now,
    realised: r.value,
    flags: r.flags,
  };
  const fx = await fxTableAt({ db: trx }, now);
  const line = feeDue(event, v, fx === null ? [] : [fx.table]);
  if (line === null) return null;
  const fee: StoredFee = {
    ...line,
    id: randomUUID(),
    partnershipId: a.partnershipId,
    agreementId: a.id,
    version: 1,
    updatedAt: now.toISOString(),
    dispute: null,
  };
  await insertFee(trx, fee);
  const data = feeEventData(fee);
  await appendReferralEvent(trx, r.id, {
    at: now.toISOString(),
    actorOrgId: null,
    type: 'fee.due',
    data,
  });
  await enqueueEvent(trx, {
    orgIds: [fee.payerOrgId, fee.payeeOrgId],
    type: 'fee.due',
    data,
    at: now,
  });
  return fee;
}
