// "Form a team": the team options (largest share, most partners), the request, and the team.
import { useEffect, useRef, type FormEvent } from 'react';
import { errorFor } from '../../lib/field-errors.ts';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { TextField } from '../../ui/field.tsx';
import { formTeam, type TeamResponse } from './match-api.ts';
import { teamBody, type NeedBody } from './need-request.ts';
import type { CellDraft, TeamDraft } from './need-url.ts';
import { SaveOpportunity } from './save-opportunity.tsx';
import { TeamView } from './team-view.tsx';
import { shown, useRequest } from './use-request.ts';

const LABELS = { maxShare: 'Largest share per partner', maxMembers: 'Most partners in the team' };

interface Props {
  need: NeedBody;
  cells: readonly CellDraft[];
  vocab: Vocabularies;
  draft: TeamDraft;
  /** Form the team on mount (the address asked for it). */
  autoRun: boolean;
  onDraftChange: (draft: TeamDraft) => void;
  onFormed: () => void;
}

export function TeamPanel({ need, cells, vocab, draft, autoRun, onDraftChange, onFormed }: Props) {
  const { state, run, fail } = useRequest<TeamResponse>();
  const asked = useRef<number>(0.6);

  const form = (): void => {
    const { body, issues } = teamBody(need, draft);
    if (issues.length > 0) {
      fail({ status: 400, title: 'Check the team options', detail: '', issues });
      return;
    }
    asked.current = body.maxShare ?? 0.6;
    run((signal) => formTeam(body, signal));
    onFormed();
  };
  const formRef = useRef(form);
  formRef.current = form;
  const autoOnMount = useRef(autoRun);
  useEffect(() => {
    if (autoOnMount.current) formRef.current();
  }, []);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    form();
  };
  const failure = state.status === 'failed' ? state.failure : null;
  const issues = failure?.issues ?? [];
  const team = shown(state);
  return (
    <section className="card stack" aria-labelledby="team-title">
      <h2 id="team-title">Form a team</h2>
      <p className="small muted">
        Cover every cell with as few, as strong partners as possible, with no partner taking more
        than the largest share you allow, and a backup for each cell where one exists.
      </p>
      <form className="stack" onSubmit={submit} noValidate aria-label="Team options">
        {failure !== null && (
          <ErrorSummary
            title={failure.title}
            detail={failure.detail}
            issues={issues}
            knownFields={Object.keys(LABELS)}
            labels={LABELS}
          />
        )}
        <div className="form-grid">
          <TextField
            label={LABELS.maxShare}
            path="maxShare"
            hint="Percent of the weighted need, e.g. 60"
            inputMode="decimal"
            value={draft.maxShare}
            error={errorFor(issues, 'maxShare')}
            onChange={(e) => onDraftChange({ ...draft, maxShare: e.target.value })}
          />
          <TextField
            label={LABELS.maxMembers}
            path="maxMembers"
            hint="Optional; no limit by default"
            inputMode="numeric"
            value={draft.maxMembers}
            error={errorFor(issues, 'maxMembers')}
            onChange={(e) => onDraftChange({ ...draft, maxMembers: e.target.value })}
          />
        </div>
        <div className="row">
          <Button type="submit" variant="primary" busy={state.status === 'loading'}>
            Form a team
          </Button>
        </div>
      </form>
      {team !== null && (
        <>
          <TeamView team={team} cap={asked.current} cells={cells} vocab={vocab} />
          <SaveOpportunity cells={cells} team={team} vocab={vocab} />
        </>
      )}
    </section>
  );
}
