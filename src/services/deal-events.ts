// The `data` of deal events sent to webhooks: small, stable JSON a receiver can act on without
// calling back (ids, parties, state), never the customer's name or the notes.
import type { JsonValue } from '../domain/deals/event-log.ts';
import type { Referral } from '../domain/deals/referral.ts';
import { moneyJson } from './referral-log.ts';

export function referralEventData(r: Referral): { [key: string]: JsonValue } {
  return {
    referral: {
      id: r.id,
      engagementId: r.engagementId,
      opportunityId: r.opportunityId,
      fromOrgId: r.fromOrgId,
      toOrgId: r.toOrgId,
      arrangementType: r.arrangementType,
      status: r.status,
      substatus: r.substatus,
      statusReason: r.statusReason,
      stage: r.stage,
      value: moneyJson(r.value),
      expiresAt: r.expiresAt,
      updatedAt: r.updatedAt,
      version: r.version,
    },
  };
}

/** A status change: the referral as it is now, and the state it left. */
export function referralChangeData(
  before: Referral,
  after: Referral,
): { [key: string]: JsonValue } {
  return {
    ...referralEventData(after),
    previous: { status: before.status, substatus: before.substatus, stage: before.stage },
  };
}

export function agreementEventData(a: {
  id: string;
  partnershipId: string;
  type: string;
  partyOrgIds: readonly string[];
  n: number;
  byOrgId: string;
}): { [key: string]: JsonValue } {
  return {
    agreement: {
      id: a.id,
      partnershipId: a.partnershipId,
      type: a.type,
      partyOrgIds: [...a.partyOrgIds],
      version: a.n,
      byOrgId: a.byOrgId,
    },
  };
}
