// One opportunity: the need, customer and deal; for its owner, the referrals made on it and a
// form to refer it to a partner.
import { useCallback } from 'react';
import { formatDate, formatMoney } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { canAdmin, useMe } from '../../../lib/session.tsx';
import { useVocabularies } from '../../../lib/vocabularies.ts';
import { PageHead, usePageTitle } from '../../../ui/layout.tsx';
import { getOpportunity, listReferrals, type Opportunity, type Referral } from '../deals-api.ts';
import { ReferralForm } from '../referrals/referral-form.tsx';
import { ReferralTable } from '../referrals/referral-table.tsx';
import { LoadView } from '../shared/load-view.tsx';
import { useLoad } from '../shared/use-load.ts';
import { customerOf, titleOf } from './opportunities.page.tsx';

export function OpportunityPage({ id }: { id: string }) {
  const fetcher = useCallback(async () => {
    const [o, refs] = await Promise.all([getOpportunity(id), listReferrals()]);
    return { o, referrals: refs.filter((r) => r.opportunityId === id) };
  }, [id]);
  const [load, reload] = useLoad(fetcher);
  usePageTitle('Opportunity');
  return (
    <LoadView
      load={load}
      what="opportunity"
      back={{ to: '/opportunities', label: 'Back to opportunities' }}
      onRetry={reload}
    >
      {({ o, referrals }) => <OpportunityView o={o} referrals={referrals} />}
    </LoadView>
  );
}

function OpportunityView({ o, referrals }: { o: Opportunity; referrals: readonly Referral[] }) {
  const me = useMe();
  const vocab = useVocabularies();
  const own = o.ownerOrgId === me.organization.id;
  const cellLabel = (c: Opportunity['cells'][number]): string => {
    if (vocab.status !== 'ready') return `${c.code} in ${c.country}`;
    const name = (
      {
        service: 'services',
        product: 'products',
        solutionArea: 'solutionAreas',
        specialization: 'specializations',
      } as const
    )[c.kind];
    return `${vocab.vocab.label(name, c.code)} in ${vocab.vocab.label('countries', c.country)}`;
  };
  return (
    <div className="stack">
      <p className="small">
        <Link to="/opportunities">← Opportunities</Link>
      </p>
      <PageHead
        title={titleOf(o) || 'Opportunity'}
        subtitle={own ? 'Your opportunity' : 'Shared with you'}
      />
      <dl className="deal-terms" aria-label="Opportunity">
        <div>
          <dt>Customer</dt>
          <dd>
            {customerOf(o)}
            {own && o.hideCustomer ? ' · hidden from others' : ''}
          </dd>
        </div>
        <div>
          <dt>Value</dt>
          <dd>{formatMoney(o.value.amount, o.value.currency)}</dd>
        </div>
        <div>
          <dt>Expected close</dt>
          <dd>{formatDate(o.expectedCloseDate)}</dd>
        </div>
        <div>
          <dt>Visibility</dt>
          <dd>{o.visibility}</dd>
        </div>
      </dl>
      {o.cells.length > 0 && (
        <ul className="badges" aria-label="Needs">
          {o.cells.map((c) => (
            <li key={`${c.kind}:${c.code}:${c.country}`} className="badge badge--primary">
              {cellLabel(c)}
            </li>
          ))}
        </ul>
      )}
      {o.description !== '' && <p className="description">{o.description}</p>}
      {referrals.length > 0 && (
        <section className="stack" aria-labelledby="made-referrals" style={{ gap: 8 }}>
          <h2 id="made-referrals">Referrals on this opportunity</h2>
          <ReferralTable referrals={referrals} caption="Referrals on this opportunity" />
        </section>
      )}
      {own && canAdmin(me) && <ReferralForm opportunity={o} myOrgId={me.organization.id} />}
    </div>
  );
}
