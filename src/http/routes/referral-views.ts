// Domain Referral -> the API's shape, as one side sees it.
import type { ReferralDto } from '../../contract/referrals.contract.ts';
import { stagePercent } from '../../domain/deals/referral-rules.ts';
import { substatusFor } from '../../domain/deals/referral-state.ts';
import { sideOf, type Referral } from '../../domain/deals/referral.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { crossBorderFlags } from '../../services/p2p-report.service.ts';

/** `crossBorder`, when known: the parties' or the customer's countries differ. */
export function toReferralDto(r: Referral, orgId: string, crossBorder?: boolean): ReferralDto {
  const side = sideOf(r, orgId) ?? 'sender'; // services only return referrals the org is party to
  return {
    ...r,
    side,
    substatus: substatusFor(r, side),
    stagePercent: stagePercent(r.stage),
    value: r.value === null ? null : { amount: r.value.amount, currency: r.value.currency },
    ...(crossBorder === undefined ? {} : { crossBorder }),
  };
}

/** DTOs with the cross-border flag, looked up for all of them at once. */
export async function withCrossBorder(
  deps: ServiceDeps,
  refs: readonly Referral[],
  orgId: string,
): Promise<ReferralDto[]> {
  const flags = await crossBorderFlags(deps, refs);
  return refs.map((r) => toReferralDto(r, orgId, flags.get(r.id)));
}

export async function oneWithCrossBorder(
  deps: ServiceDeps,
  ref: Referral,
  orgId: string,
): Promise<ReferralDto> {
  const flags = await crossBorderFlags(deps, [ref]);
  return toReferralDto(ref, orgId, flags.get(ref.id));
}
