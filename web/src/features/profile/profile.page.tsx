// A partner's public profile, laid out to be judged in ten seconds: who they are and whether they
// team (top), hard numbers (facts), what they do (badges), where and at what rate (side column).
import { lazy, Suspense, useEffect, useState } from 'react';
import type { OrgDto } from '@contract/orgs.contract.ts';
import { ApiError, getOrg, messageOf } from '../../lib/api.ts';
import { formatCount, formatDateTime, formatMoney } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { lastDirectoryUrl } from '../directory/last-search.ts';
import { useMe } from '../../lib/session.tsx';
import { useVocabularies, type Vocabularies, type VocabularyName } from '../../lib/vocabularies.ts';
import { Badge, BadgeList, type BadgeTone } from '../../ui/badge.tsx';
import { usePageTitle } from '../../ui/layout.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/states.tsx';
import { Table } from '../../ui/table.tsx';

// "Partner up" belongs to the deal pages' chunk; it loads after the profile shows.
const PartnerUpButton = lazy(() =>
  import('../deals/partnerships/partner-up-button.tsx').then((m) => ({
    default: m.PartnerUpButton,
  })),
);

type Load =
  | { status: 'loading' }
  | { status: 'ready'; org: OrgDto }
  | { status: 'missing' }
  | { status: 'error'; message: string };

export function ProfilePage({ id }: { id: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const vocabState = useVocabularies();
  usePageTitle(load.status === 'ready' ? load.org.name : 'Partner profile');
  useEffect(() => {
    let live = true;
    getOrg(id).then(
      (r) => live && setLoad({ status: 'ready', org: r.data }),
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 404) setLoad({ status: 'missing' });
        else setLoad({ status: 'error', message: messageOf(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [id, attempt]);

  if (load.status === 'loading') return <Loading label="Loading profile…" />;
  if (load.status === 'missing') {
    return (
      <EmptyState
        title="No such partner"
        action={<Link to="/directory">Back to the directory</Link>}
      >
        This organization does not exist or is not visible to you.
      </EmptyState>
    );
  }
  if (load.status === 'error')
    return (
      <ErrorState
        title="Cannot load this profile"
        message={load.message}
        onRetry={() => setAttempt((a) => a + 1)}
      />
    );
  const fallback: Vocabularies = { version: '', options: () => [], label: (_n, c) => c };
  return (
    <Profile org={load.org} vocab={vocabState.status === 'ready' ? vocabState.vocab : fallback} />
  );
}

function Profile({ org, vocab }: { org: OrgDto; vocab: Vocabularies }) {
  const me = useMe();
  const own = me.organization.id === org.id;
  const labels = (name: VocabularyName, codes: readonly string[]) =>
    codes.map((c) => vocab.label(name, c));
  const group = (
    title: string,
    name: VocabularyName,
    codes: readonly string[],
    tone?: BadgeTone,
  ) => (
    <div className="badge-group">
      <h3 className="section-title">{title}</h3>
      <BadgeList
        label={title}
        items={labels(name, codes)}
        {...(tone === undefined ? {} : { tone })}
      />
    </div>
  );
  return (
    <article className="stack" aria-labelledby="org-name">
      <p className="small">
        <Link to={lastDirectoryUrl()}>← Back to results</Link>
      </p>
      <header className="profile-head">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h1 id="org-name">{org.name}</h1>
          {own ? (
            <Link to="/my-org" className="btn btn--secondary btn--small">
              Edit your profile
            </Link>
          ) : (
            <Suspense fallback={null}>
              <PartnerUpButton orgId={org.id} orgName={org.name} />
            </Suspense>
          )}
        </div>
        <div className="result__meta">
          <span>HQ {vocab.label('countries', org.hqCountry)}</span>
          {org.website !== null && (
            <a href={org.website} rel="noopener noreferrer nofollow" target="_blank">
              {org.domain ?? org.website}
            </a>
          )}
          {org.foundedYear !== null && <span>Founded {org.foundedYear}</span>}
          <span>Updated {formatDateTime(org.updatedAt)}</span>
        </div>
        <ul className="badges" aria-label="Partner types">
          {org.teaming.open ? (
            <li>
              <Badge tone="ok">Open to teaming</Badge>
            </li>
          ) : (
            <li>
              <Badge>Not seeking teaming</Badge>
            </li>
          )}
          {labels('partnerTypes', org.partnerTypes).map((t) => (
            <li key={t}>
              <Badge tone="strong">{t}</Badge>
            </li>
          ))}
        </ul>
      </header>

      <dl className="facts">
        <Fact
          label="Consultants available"
          value={formatCount(org.capacity.availableConsultants)}
        />
        <Fact label="On the bench" value={formatCount(org.capacity.bench)} />
        <Fact
          label="Employees"
          value={org.employeeBand === null ? '—' : vocab.label('employeeBands', org.employeeBand)}
        />
        <Fact label="Countries served" value={formatCount(org.countries.length)} />
        <Fact label="Offices" value={formatCount(org.offices.length)} />
      </dl>

      {org.teaming.open && org.teaming.seeks.trim() !== '' && (
        <div className="banner banner--ok">
          <div>
            <strong>Looking for partners:</strong> {org.teaming.seeks}
          </div>
        </div>
      )}

      <div className="profile-grid">
        <div className="stack">
          <section className="card stack" aria-labelledby="about">
            <h2 id="about">About</h2>
            {org.description.trim() === '' ? (
              <p className="muted">No description yet.</p>
            ) : (
              <p className="description">{org.description}</p>
            )}
            {org.skills.length > 0 && (
              <div className="badge-group">
                <h3 className="section-title">Skills</h3>
                <BadgeList label="Skills" items={org.skills} />
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="capabilities">
            <h2 id="capabilities" style={{ marginBottom: 12 }}>
              Capabilities
            </h2>
            {group('Services', 'services', org.services)}
            {group('Products', 'products', org.products)}
            {group('Industries', 'industries', org.industries)}
            {group('Solution areas', 'solutionAreas', org.solutionAreas)}
            {group('Customer sizes', 'customerSizes', org.customerSizes)}
          </section>
          <section className="card" aria-labelledby="programme">
            <h2 id="programme" style={{ marginBottom: 12 }}>
              Microsoft partner programme
            </h2>
            {group('Designations', 'designations', org.designations, 'primary')}
            {group('Specializations', 'specializations', org.specializations, 'primary')}
          </section>
        </div>
        <div className="stack">
          <section className="card" aria-labelledby="reach">
            <h2 id="reach" style={{ marginBottom: 12 }}>
              Reach
            </h2>
            {group('Countries served', 'countries', org.countries)}
            {group('Languages', 'languages', org.languages)}
          </section>
          <section className="stack" aria-labelledby="rates" style={{ gap: 8 }}>
            <h2 id="rates">Rate card</h2>
            {org.rateCard.length === 0 ? (
              <p className="muted small">No rates published.</p>
            ) : (
              <Table
                columns={[
                  { header: 'Role', cell: (r) => r.role },
                  {
                    header: 'Day rate',
                    numeric: true,
                    cell: (r) => formatMoney(r.dayRate.amount, r.dayRate.currency),
                  },
                ]}
                rows={org.rateCard}
                rowKey={(r, i) => `${i}-${r.role}`}
              />
            )}
          </section>
          <section className="stack" aria-labelledby="offices" style={{ gap: 8 }}>
            <h2 id="offices">Offices</h2>
            {org.offices.length === 0 ? (
              <p className="muted small">No offices listed.</p>
            ) : (
              <Table
                columns={[
                  { header: 'City', cell: (o) => o.city },
                  { header: 'Country', cell: (o) => vocab.label('countries', o.country) },
                  { header: 'Address', cell: (o) => o.address ?? '—' },
                ]}
                rows={org.offices}
                rowKey={(o, i) => `${i}-${o.country}-${o.city}`}
              />
            )}
          </section>
        </div>
      </div>
    </article>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
