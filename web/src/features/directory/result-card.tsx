import { memo } from 'react';
import type { OrgSummary } from '@contract/orgs.contract.ts';
import { plural } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { Badge } from '../../ui/badge.tsx';

const MAX_SERVICES = 4;

export const ResultCard = memo(function ResultCard({
  org,
  vocab,
}: {
  org: OrgSummary;
  vocab: Vocabularies | null;
}) {
  const label = vocab?.label ?? ((_n: string, c: string) => c);
  const extra = org.services.length - MAX_SERVICES;
  return (
    <li className="card result">
      <div className="result__head">
        <Link to={`/orgs/${encodeURIComponent(org.id)}`} className="result__name">
          {org.name}
        </Link>
        {org.teaming.open ? (
          <Badge tone="ok">Open to teaming</Badge>
        ) : (
          <Badge>Not seeking teaming</Badge>
        )}
      </div>
      <div className="result__meta">
        <span>HQ {label('countries', org.hqCountry)}</span>
        {org.employeeBand !== null && (
          <span>{label('employeeBands', org.employeeBand)} employees</span>
        )}
        <span>{plural(org.countries.length, 'country', 'countries')} served</span>
        {org.capacity.availableConsultants > 0 && (
          <span>
            {plural(org.capacity.availableConsultants, 'consultant', 'consultants')} available
          </span>
        )}
      </div>
      {org.summary !== '' && <p className="small">{org.summary}</p>}
      <ul className="badges" aria-label="Partner types and services">
        {org.partnerTypes.map((t) => (
          <li key={`t-${t}`}>
            <Badge tone="strong">{label('partnerTypes', t)}</Badge>
          </li>
        ))}
        {org.designations.map((d) => (
          <li key={`d-${d}`}>
            <Badge tone="primary">{label('designations', d)}</Badge>
          </li>
        ))}
        {org.services.slice(0, MAX_SERVICES).map((s) => (
          <li key={`s-${s}`}>
            <Badge>{label('services', s)}</Badge>
          </li>
        ))}
        {extra > 0 && (
          <li>
            <Badge>+{extra} more</Badge>
          </li>
        )}
      </ul>
    </li>
  );
});
