// One partnership: its agreements and a form to propose a new one from a template.
import { useCallback, useState } from 'react';
import { formatDate } from '../../../lib/format.ts';
import { Link, navigate } from '../../../lib/router.tsx';
import { canAdmin, useMe } from '../../../lib/session.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { SelectField } from '../../../ui/field.tsx';
import { PageHead, usePageTitle } from '../../../ui/layout.tsx';
import { Banner } from '../../../ui/states.tsx';
import { Table } from '../../../ui/table.tsx';
import {
  createAgreement,
  getPartnership,
  listAgreements,
  listAgreementTemplates,
  type Agreement,
  type AgreementTemplate,
  type ArrangementType,
  type Partnership,
} from '../deals-api.ts';
import { partnerOf } from '../partnerships/partnership-status.ts';
import { LoadView } from '../shared/load-view.tsx';
import { nameOf, useOrgNames } from '../shared/org-names.ts';
import { useLoad } from '../shared/use-load.ts';
import { TermsEditor } from './terms-editor.tsx';
import { TYPE_LABELS } from './terms-labels.ts';

export function PartnershipPage({ id }: { id: string }) {
  const fetcher = useCallback(async () => {
    const [p, agreements, templates] = await Promise.all([
      getPartnership(id),
      listAgreements(id),
      listAgreementTemplates(),
    ]);
    return { p, agreements, templates };
  }, [id]);
  const [load, reload] = useLoad(fetcher);
  return (
    <LoadView
      load={load}
      what="partnership"
      back={{ to: '/partners', label: 'Back to partners' }}
      onRetry={reload}
    >
      {({ p, agreements, templates }) => (
        <PartnershipView p={p} agreements={agreements} templates={templates} />
      )}
    </LoadView>
  );
}

function PartnershipView({
  p,
  agreements,
  templates,
}: {
  p: Partnership;
  agreements: readonly Agreement[];
  templates: readonly AgreementTemplate[];
}) {
  const me = useMe();
  const partnerId = partnerOf(p, me.organization.id);
  const names = useOrgNames([partnerId]);
  const partner = nameOf(names, partnerId);
  usePageTitle(`Agreements with ${partner}`);
  const [type, setType] = useState<ArrangementType | null>(null);
  const template = templates.find((x) => x.type === type);
  const [pick, setPick] = useState<ArrangementType>('referral');
  return (
    <div className="stack">
      <p className="small">
        <Link to="/partners">← Partners</Link>
      </p>
      <PageHead
        title={`Agreements with ${partner}`}
        subtitle={
          <>
            Partnership {p.status} since {formatDate(p.decidedAt ?? p.createdAt)} ·{' '}
            <Link to={`/orgs/${encodeURIComponent(partnerId)}`}>Profile</Link> ·{' '}
            <Link to={`/fees?partnershipId=${encodeURIComponent(p.id)}`}>Fee ledger</Link>
          </>
        }
      />
      {agreements.length === 0 ? (
        <p className="muted">No agreements yet.</p>
      ) : (
        <Table
          caption="Agreements"
          rows={agreements}
          rowKey={(a) => a.id}
          columns={[
            {
              header: 'Agreement',
              cell: (a) => (
                <Link to={`/agreements/${encodeURIComponent(a.id)}`}>
                  {TYPE_LABELS[a.type]} agreement
                </Link>
              ),
            },
            {
              header: 'In force',
              cell: (a) =>
                a.inForce === null ? (
                  <Badge tone="warn">Not yet</Badge>
                ) : (
                  <Badge tone="ok">Version {a.inForce.n}</Badge>
                ),
            },
            {
              header: 'Open proposal',
              cell: (a) => {
                const open = a.versions.find((v) => v.status === 'proposed');
                if (open === undefined) return '—';
                return open.proposedByOrgId === me.organization.id
                  ? `Version ${open.n}, waiting for ${partner}`
                  : `Version ${open.n}, waiting for you`;
              },
            },
          ]}
        />
      )}
      {p.status !== 'active' ? (
        <Banner tone="info">New agreements need an active partnership.</Banner>
      ) : !canAdmin(me) ? (
        <Banner tone="info">Only owners and admins propose agreements.</Banner>
      ) : (
        <section className="card stack" aria-labelledby="new-agreement">
          <h2 id="new-agreement">New agreement</h2>
          {type === null || template === undefined ? (
            <div className="row" style={{ alignItems: 'flex-end' }}>
              <SelectField
                label="Arrangement type"
                path="type"
                options={Object.entries(TYPE_LABELS).map(([code, label]) => ({ code, label }))}
                value={pick}
                onChange={(e) => setPick(e.target.value as ArrangementType)}
              />
              <Button onClick={() => setType(pick)}>Start from the template</Button>
            </div>
          ) : (
            <TermsEditor
              key={type}
              initial={template.terms}
              before={
                <p>
                  <strong>{TYPE_LABELS[type]} agreement</strong>{' '}
                  <span className="muted small">(template defaults; change what you agreed)</span>
                </p>
              }
              submitLabel="Propose agreement"
              onCancel={() => setType(null)}
              onSubmit={async (terms) => {
                const a = await createAgreement({ partnershipId: p.id, type, terms });
                navigate(`/agreements/${encodeURIComponent(a.id)}`);
              }}
            />
          )}
        </section>
      )}
    </div>
  );
}
