// Who introduced this customer to this partner first: the stamp, or a conflict with an earlier one.
import { formatDateTime } from '../../../lib/format.ts';
import { Banner } from '../../../ui/states.tsx';
import type { Referral } from '../deals-api.ts';
import { nameOf, useOrgNames } from '../shared/org-names.ts';

export function AttributionNote({ r }: { r: Referral }) {
  const a = r.attribution;
  const names = useOrgNames(
    a.kind === 'conflict' ? [a.earlier.introducedByOrgId, a.claimant.introducedByOrgId] : [],
  );
  switch (a.kind) {
    case 'stamped':
      return (
        <p className="small muted">
          First introduction of {a.stamp.customerDomain} to this partner, stamped{' '}
          {formatDateTime(a.stamp.at)}.
        </p>
      );
    case 'repeat':
      return (
        <p className="small muted">
          {a.earlier.customerDomain} was first introduced to this partner by the same organization
          on {formatDateTime(a.earlier.at)}.
        </p>
      );
    case 'conflict':
      return (
        <Banner tone="warn">
          <strong>Attribution conflict</strong>
          <p>
            {a.earlier.customerDomain} was introduced to this partner earlier, by{' '}
            {nameOf(names, a.earlier.introducedByOrgId)} on {formatDateTime(a.earlier.at)} (stamp of
            the first introduction). {nameOf(names, a.claimant.introducedByOrgId)} registered it
            again on {formatDateTime(a.claimant.at)}. Both referrals show this warning.
          </p>
        </Banner>
      );
  }
}
