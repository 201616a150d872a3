// Domain Referral -> the API's shape, as one side sees it.
import type { ReferralDto } from '../../contract/referrals.contract.ts';
import { stagePercent } from '../../domain/deals/referral-rules.ts';
import { substatusFor } from '../../domain/deals/referral-state.ts';
import { sideOf, type Referral } from '../../domain/deals/referral.ts';

export function toReferralDto(r: Referral, orgId: string): ReferralDto {
  const side = sideOf(r, orgId) ?? 'sender'; // services only return referrals the org is party to
  return {
    ...r,
    side,
    substatus: substatusFor(r, side),
    stagePercent: stagePercent(r.stage),
    value: r.value === null ? null : { amount: r.value.amount, currency: r.value.currency },
  };
}
