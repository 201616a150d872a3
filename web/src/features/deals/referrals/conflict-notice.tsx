// On the earlier of two referrals of the same customer to the same partner, the conflict is in the
// shared log (the referral's own stamp stays): say so at the top, naming the later claimant.
import { formatDateTime } from '../../../lib/format.ts';
import { Banner } from '../../../ui/states.tsx';
import type { Referral, ReferralEvents } from '../deals-api.ts';
import { nameOf, useOrgNames } from '../shared/org-names.ts';

type Json = ReferralEvents['events'][number]['data'];

const obj = (v: Json | undefined): Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
const str = (v: Json | undefined): string => (typeof v === 'string' ? v : '');

export function ConflictNotice({ r, log }: { r: Referral; log: ReferralEvents }) {
  const claims = log.events
    .filter((e) => e.type === 'attribution.conflict')
    .map((e) => obj(obj(e.data).claimant))
    .filter((c) => str(c.referralId) !== r.id);
  const names = useOrgNames(claims.map((c) => str(c.introducedByOrgId)));
  if (r.attribution.kind === 'conflict' || claims.length === 0) return null;
  return (
    <Banner tone="warn">
      <strong>Attribution conflict</strong>
      {claims.map((c) => (
        <p key={str(c.referralId)}>
          {nameOf(names, str(c.introducedByOrgId))} registered {r.customerDomain} with this partner
          again on {formatDateTime(str(c.at))}. This referral holds the earlier stamp
          {r.attribution.kind === 'stamped' ? ` (${formatDateTime(r.attribution.stamp.at)})` : ''}.
        </p>
      ))}
    </Banner>
  );
}
