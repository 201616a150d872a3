// The expiry job: received referrals left unanswered past expiresAt (14 days) close as Expired,
// each with an event in its shared log and an audit entry in the sender's chain (the sender is
// told). One transaction; safe to run twice (the second finds nothing) and, on PostgreSQL, from
// several processes at once: a transaction-scoped advisory lock lets one run and the others skip.
import {
  findExpiredReferrals,
  tryExpiryLock,
  updateReferralState,
} from '../db/repos/referrals.repo.ts';
import { expire } from '../domain/deals/referral-transition.ts';
import type { Referral } from '../domain/deals/referral.ts';
import { recordAudit } from './audit-trail.ts';
import type { ServiceDeps } from './deps.ts';
import { referralChangeData } from './deal-events.ts';
import { appendReferralEvent, stateJson } from './referral-log.ts';
import { enqueueEvent } from './webhook-events.ts';

export interface ExpiryResult {
  expired: number;
  /** True when another process held the lock, so this run did nothing. */
  skipped: boolean;
}

const BATCH = 1000;

export async function expireReferrals(deps: ServiceDeps): Promise<ExpiryResult> {
  const now = deps.now();
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    if (deps.storeKind === 'postgres' && !(await tryExpiryLock(trx))) {
      return { expired: 0, skipped: true };
    }
    let expired = 0;
    for (const current of await findExpiredReferrals(trx, at, BATCH)) {
      const result = expire(current, now);
      if (!result.ok) continue;
      const next: Referral = {
        ...current,
        ...result.state,
        updatedAt: at,
        version: current.version + 1,
      };
      if (!(await updateReferralState(trx, next, current.version))) continue;
      await appendReferralEvent(trx, current.id, {
        at,
        actorOrgId: null,
        type: 'referral.expired',
        data: { from: stateJson(current), to: stateJson(next) },
      });
      // The sender is told (and the receiver, whose inbox item closed).
      await enqueueEvent(trx, {
        orgIds: [current.fromOrgId, current.toOrgId],
        type: 'referral.expired',
        data: referralChangeData(current, next),
        at: now,
      });
      await recordAudit(
        trx,
        deps,
        null,
        { requestId: null },
        {
          action: 'referral.expired',
          targetType: 'referral',
          targetId: current.id,
          orgId: current.fromOrgId,
          details: { toOrgId: current.toOrgId, expiresAt: current.expiresAt },
        },
      );
      expired += 1;
    }
    return { expired, skipped: false };
  });
}
