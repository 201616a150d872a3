// Refer an opportunity to an active partner, under an agreement in force when there is one.
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { PARTNER_ROLE_VALUES } from '@contract/referrals.contract.ts';
import { errorFor } from '../../../lib/field-errors.ts';
import { navigate } from '../../../lib/router.tsx';
import { failureOf, type SubmitFailure } from '../../../lib/use-submit.ts';
import { Button } from '../../../ui/button.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { TYPE_LABELS } from '../agreements/terms-labels.ts';
import {
  createReferral,
  listAgreements,
  listPartnerships,
  type ArrangementType,
  type Opportunity,
} from '../deals-api.ts';
import { partnerOf } from '../partnerships/partnership-status.ts';
import { useOrgNames } from '../shared/org-names.ts';
import { useLoad } from '../shared/use-load.ts';
import { toMinor } from '../shared/money-input.ts';

const LABELS: Record<string, string> = {
  toOrgId: 'Partner',
  arrangementType: 'Arrangement',
  agreementId: 'Agreement',
  partnerRole: 'Partner role',
  'inviteeValue.amount': 'Estimated value',
  inviteeValue: 'Estimated value',
  estimatedCloseDate: 'Estimated close date',
  notes: 'Notes',
};

const roleLabel = (r: string): string => r.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

export function ReferralForm({
  opportunity,
  myOrgId,
}: {
  opportunity: Opportunity;
  myOrgId: string;
}) {
  const fetcher = useCallback(async () => {
    const [ps, as] = await Promise.all([listPartnerships('active'), listAgreements()]);
    return { partnerships: ps, agreements: as };
  }, []);
  const [load] = useLoad(fetcher);
  const active = load.status === 'ready' ? load.data.partnerships : [];
  const names = useOrgNames(active.map((p) => partnerOf(p, myOrgId)));
  const [toOrgId, setTo] = useState('');
  const [type, setType] = useState<ArrangementType>('referral');
  const [role, setRole] = useState('');
  const [value, setValue] = useState('');
  const [close, setClose] = useState(opportunity.expectedCloseDate);
  const [notes, setNotes] = useState('');
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const partnership = active.find((p) => partnerOf(p, myOrgId) === toOrgId);
  const agreement = useMemo(() => {
    if (load.status !== 'ready' || partnership === undefined) return undefined;
    return load.data.agreements.find(
      (a) => a.partnershipId === partnership.id && a.type === type && a.inForce !== null,
    );
  }, [load, partnership, type]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const currency = opportunity.value.currency;
    const minor = value.trim() === '' ? undefined : toMinor(value, currency);
    if (toOrgId === '' || minor === null) {
      const issues = [
        ...(toOrgId === '' ? [{ path: 'toOrgId', message: 'Choose a partner' }] : []),
        ...(minor === null
          ? [{ path: 'inviteeValue.amount', message: `An amount in ${currency}` }]
          : []),
      ];
      setFailure({ status: 400, title: 'Check the highlighted fields', detail: '', issues });
      return;
    }
    setBusy(true);
    setFailure(null);
    createReferral({
      opportunityId: opportunity.id,
      toOrgId,
      arrangementType: type,
      estimatedCloseDate: close,
      ...(agreement === undefined ? {} : { agreementId: agreement.id }),
      ...(role === '' ? {} : { partnerRole: role as (typeof PARTNER_ROLE_VALUES)[number] }),
      ...(minor === undefined ? {} : { inviteeValue: { amount: minor, currency } }),
      ...(notes.trim() === '' ? {} : { notes }),
    })
      .then((r) => navigate(`/referrals/${encodeURIComponent(r.id)}`))
      .catch((err: unknown) => setFailure(failureOf(err)))
      .finally(() => setBusy(false));
  };

  const issues = failure?.issues ?? [];
  const err = (p: string) => errorFor(issues, p);
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="refer">
      <h2 id="refer">Refer to a partner</h2>
      {failure !== null && (
        <ErrorSummary
          title={failure.title}
          detail={failure.detail}
          issues={issues}
          knownFields={Object.keys(LABELS)}
          labels={LABELS}
        />
      )}
      {load.status === 'ready' && active.length === 0 && (
        <p className="small muted">You can refer only to active partners; you have none yet.</p>
      )}
      <div className="form-grid">
        <SelectField
          label="Partner"
          path="toOrgId"
          emptyLabel="Choose a partner…"
          options={active.map((p) => {
            const id = partnerOf(p, myOrgId);
            return { code: id, label: names.get(id) ?? id };
          })}
          value={toOrgId}
          error={err('toOrgId')}
          onChange={(e) => setTo(e.target.value)}
        />
        <SelectField
          label="Arrangement"
          path="arrangementType"
          options={Object.entries(TYPE_LABELS).map(([code, label]) => ({ code, label }))}
          value={type}
          error={err('arrangementType')}
          onChange={(e) => setType(e.target.value as ArrangementType)}
        />
        <SelectField
          label="Partner role"
          path="partnerRole"
          emptyLabel="Not set"
          options={PARTNER_ROLE_VALUES.map((r) => ({ code: r, label: roleLabel(r) }))}
          value={role}
          onChange={(e) => setRole(e.target.value)}
        />
        <TextField
          label={`Estimated value (${opportunity.value.currency})`}
          path="inviteeValue.amount"
          inputMode="decimal"
          hint="Optional"
          value={value}
          error={err('inviteeValue')}
          onChange={(e) => setValue(e.target.value)}
        />
        <TextField
          label="Estimated close date"
          path="estimatedCloseDate"
          type="date"
          value={close}
          error={err('estimatedCloseDate')}
          onChange={(e) => setClose(e.target.value)}
        />
      </div>
      <p className="small" aria-live="polite" data-testid="pinned-agreement">
        {toOrgId === ''
          ? 'Choose a partner to see the agreement that applies.'
          : agreement === undefined
            ? `No ${TYPE_LABELS[type].toLowerCase()} agreement in force with this partner: the referral carries no agreed fee.`
            : `Under the ${TYPE_LABELS[type].toLowerCase()} agreement, version ${agreement.inForce?.n ?? ''} in force.`}
      </p>
      <TextAreaField
        label="Notes"
        path="notes"
        value={notes}
        error={err('notes')}
        onChange={(e) => setNotes(e.target.value)}
      />
      <div>
        <Button type="submit" variant="primary" busy={busy}>
          Send referral
        </Button>
      </div>
    </form>
  );
}
