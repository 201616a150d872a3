// Edit your organization's profile. Saves send only changed fields with If-Match; when someone
// else saved first (412), the user sees what they changed and can reapply their own edits on top.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { OrgDto, OrgPatch } from '@contract/orgs.contract.ts';
import { ApiError, getOrg, messageOf, patchOrg, type Versioned } from '../../lib/api.ts';
import type { FieldIssue } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { canAdmin, useMe } from '../../lib/session.tsx';
import { failureOf, type SubmitFailure } from '../../lib/use-submit.ts';
import { useVocabularies } from '../../lib/vocabularies.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Banner, ErrorState, Loading } from '../../ui/states.tsx';
import {
  changedFields,
  checkPatch,
  diff,
  draftOf,
  profileOf,
  reapply,
  type Draft,
} from './profile-draft.ts';
import { FIELD_LABELS, ProfileFields } from './profile-fields.tsx';

type Outcome =
  | { kind: 'saved'; version: number }
  | { kind: 'unchanged' }
  | { kind: 'invalid'; failure: SubmitFailure }
  | { kind: 'conflict'; latest: Versioned<OrgDto>; theirs: string[]; mine: OrgPatch }
  | { kind: 'reapplied'; overlap: string[] };

function rowFields(d: Draft): string[] {
  const rates = d.rateCard.flatMap((_, i) => [
    `rateCard[${i}].role`,
    `rateCard[${i}].dayRate.amount`,
    `rateCard[${i}].dayRate.currency`,
  ]);
  const offices = d.offices.flatMap((_, i) => [
    `offices[${i}].city`,
    `offices[${i}].country`,
    `offices[${i}].address`,
  ]);
  return [...rates, ...offices, ...Object.keys(FIELD_LABELS)];
}

const labelOf = (field: string): string => FIELD_LABELS[field] ?? field;

export function ProfileForm() {
  const me = useMe();
  const editable = canAdmin(me);
  const vocab = useVocabularies();
  const [base, setBase] = useState<Versioned<OrgDto> | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(() => {
    setLoadError(null);
    getOrg(me.organization.id).then(
      (r) => {
        setBase(r);
        setDraft(draftOf(r.data));
      },
      (err: unknown) => setLoadError(messageOf(err)),
    );
  }, [me.organization.id]);
  useEffect(load, [load]);

  const set = useCallback(<K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => (d === null ? d : { ...d, [key]: value }));
  }, []);

  const dirty = useMemo(
    () =>
      base !== null &&
      draft !== null &&
      JSON.stringify(draftOf(base.data)) !== JSON.stringify(draft),
    [base, draft],
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const invalid = (list: FieldIssue[], detail: string): void => {
    setIssues(list);
    setOutcome({
      kind: 'invalid',
      failure: { status: 400, title: 'Check the highlighted fields', detail, issues: list },
    });
  };

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (base === null || draft === null) return;
    // Check locally with the server's own schema first: instant feedback, same messages.
    const parsed = profileOf(draft);
    const patch = diff(parsed.profile, base.data);
    const local = [
      ...parsed.issues,
      ...checkPatch(patch).filter((i) => !parsed.issues.some((p) => p.path === i.path)),
    ];
    if (local.length > 0) return invalid(local, 'Fix these and save again.');
    if (Object.keys(patch).length === 0) return setOutcome({ kind: 'unchanged' });
    setSaving(true);
    setIssues([]);
    setOutcome(null);
    try {
      const saved = await patchOrg(base.data.id, patch, base.etag);
      setBase(saved);
      setDraft(draftOf(saved.data));
      setOutcome({ kind: 'saved', version: saved.data.version });
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        await getOrg(base.data.id).then(
          (latest) =>
            setOutcome({
              kind: 'conflict',
              latest,
              theirs: changedFields(base.data, latest.data),
              mine: patch,
            }),
          (again: unknown) => setOutcome({ kind: 'invalid', failure: failureOf(again) }),
        );
      } else {
        const f = failureOf(err);
        setIssues(f.issues);
        setOutcome({ kind: 'invalid', failure: f });
      }
    } finally {
      setSaving(false);
    }
  };

  const reapplyMine = (c: Extract<Outcome, { kind: 'conflict' }>): void => {
    setBase(c.latest);
    setDraft(draftOf(reapply(c.latest.data, c.mine)));
    setOutcome({ kind: 'reapplied', overlap: c.theirs.filter((f) => f in c.mine) });
  };
  const discardMine = (c: Extract<Outcome, { kind: 'conflict' }>): void => {
    setBase(c.latest);
    setDraft(draftOf(c.latest.data));
    setOutcome(null);
  };

  if (loadError !== null)
    return <ErrorState title="Cannot load your profile" message={loadError} onRetry={load} />;
  if (vocab.status === 'error')
    return <ErrorState title="Cannot load the vocabularies" message={messageOf(vocab.error)} />;
  if (base === null || draft === null || vocab.status !== 'ready')
    return <Loading label="Loading your profile…" />;

  return (
    <form
      className="stack"
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label="Organization profile"
    >
      {!editable && (
        <Banner tone="info">
          <strong>View only.</strong> You are a {me.organization.role} of {me.organization.name};
          only owners and admins can edit this profile.
        </Banner>
      )}
      <p className="small muted">
        Version {base.data.version}, last saved {formatDateTime(base.data.updatedAt)}.{' '}
        <Link to={`/orgs/${encodeURIComponent(base.data.id)}`}>See it as partners do</Link>
      </p>
      <OutcomeBanner
        outcome={outcome}
        onReapply={reapplyMine}
        onDiscard={discardMine}
        knownFields={rowFields(draft)}
      />
      <fieldset disabled={!editable || saving} className="stack">
        <ProfileFields
          draft={draft}
          set={set}
          issues={issues}
          vocab={vocab.vocab}
          disabled={!editable}
        />
      </fieldset>
      {editable && (
        <div className="sticky-actions row">
          <Button type="submit" variant="primary" busy={saving}>
            Save profile
          </Button>
          <Button
            disabled={!dirty || saving}
            onClick={() => {
              setDraft(draftOf(base.data));
              setIssues([]);
              setOutcome(null);
            }}
          >
            Undo changes
          </Button>
          <span className="small muted" aria-live="polite">
            {dirty ? 'Unsaved changes' : 'All changes saved'}
          </span>
        </div>
      )}
    </form>
  );
}

interface OutcomeProps {
  outcome: Outcome | null;
  knownFields: string[];
  onReapply: (c: Extract<Outcome, { kind: 'conflict' }>) => void;
  onDiscard: (c: Extract<Outcome, { kind: 'conflict' }>) => void;
}

function OutcomeBanner({ outcome, knownFields, onReapply, onDiscard }: OutcomeProps) {
  if (outcome === null) return null;
  switch (outcome.kind) {
    case 'saved':
      return (
        <Banner tone="ok">
          Profile saved (version {outcome.version}). Partners see it in the directory now.
        </Banner>
      );
    case 'unchanged':
      return <Banner tone="info">Nothing to save: the profile already has these values.</Banner>;
    case 'invalid':
      return (
        <ErrorSummary
          title={outcome.failure.title}
          detail={outcome.failure.detail}
          issues={outcome.failure.issues}
          knownFields={knownFields}
          labels={FIELD_LABELS}
        />
      );
    case 'reapplied':
      return (
        <Banner tone="info">
          Your changes are now on top of the latest version. Review them and save.
          {outcome.overlap.length > 0 &&
            ` You both changed: ${outcome.overlap.map(labelOf).join(', ')} — saving keeps your values there.`}
        </Banner>
      );
    case 'conflict':
      return (
        <Banner
          tone="warn"
          actions={
            <>
              <Button variant="primary" small onClick={() => onReapply(outcome)}>
                Reload and reapply my changes
              </Button>
              <Button small onClick={() => onDiscard(outcome)}>
                Discard mine, load theirs
              </Button>
            </>
          }
        >
          <strong>Someone else saved this profile while you were editing</strong>
          <p>
            It is now version {outcome.latest.data.version} (saved{' '}
            {formatDateTime(outcome.latest.data.updatedAt)}). Nothing of yours was saved, and
            nothing of theirs was overwritten.
          </p>
          <p>
            They changed:{' '}
            {outcome.theirs.length === 0
              ? 'no visible fields'
              : outcome.theirs.map(labelOf).join(', ')}
            . You changed: {Object.keys(outcome.mine).map(labelOf).join(', ')}.
          </p>
        </Banner>
      );
  }
}
