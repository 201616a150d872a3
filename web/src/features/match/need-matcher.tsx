// The "describe a need" tab: builder, ranked results, team. The URL holds the need; results and
// team belong to the need last sent (the cells they index), which stays until the next send.
import { useEffect, useRef, useState } from 'react';
import { fieldId } from '../../lib/field-errors.ts';
import { navigate } from '../../lib/router.tsx';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { findMatches, type MatchResponse } from './match-api.ts';
import { MatchResults } from './match-results.tsx';
import { NeedBuilder } from './need-builder.tsx';
import { needBody, type NeedBody } from './need-request.ts';
import { isComplete, toMatchSearch, type CellDraft, type MatchUrlState } from './need-url.ts';
import { TeamPanel } from './team-panel.tsx';
import { shown, useRequest } from './use-request.ts';

interface Sent {
  body: NeedBody;
  cells: CellDraft[];
  key: string;
}

const RESULTS_LIMIT = 20;

export function NeedMatcher({ url, vocab }: { url: MatchUrlState; vocab: Vocabularies }) {
  const { state, run, fail } = useRequest<MatchResponse>();
  const [sent, setSent] = useState<Sent | null>(null);
  const go = (next: MatchUrlState, replace = true): void =>
    navigate(`/match${toMatchSearch(next)}`, { replace });

  const send = (showTeam: boolean): void => {
    const { body, issues } = needBody(url.need);
    if (issues.length > 0) {
      fail({ status: 400, title: 'Check the highlighted cells', detail: '', issues });
      return;
    }
    setSent({ body, cells: url.need.cells, key: JSON.stringify(body) });
    run((signal) => findMatches({ ...body, limit: RESULTS_LIMIT }, signal));
    // A new need starts without a team, unless the address asked for one.
    go({ ...url, showTeam }, false);
  };

  // An address with a complete need (shared or reloaded) shows its results straight away.
  const sendRef = useRef(send);
  sendRef.current = send;
  useEffect(() => {
    if (url.need.cells.some(isComplete)) sendRef.current(url.showTeam);
    // Only on arrival: later edits wait for "Find partners".
  }, []);

  const data = shown(state);
  const toTeam = (): void => {
    const input = document.getElementById(fieldId('maxShare'));
    input?.scrollIntoView({ block: 'center' });
    input?.focus({ preventScroll: true });
  };
  const failure = state.status === 'failed' ? state.failure : null;
  const stale = sent !== null && sent.key !== JSON.stringify(needBody(url.need).body);
  return (
    <div className="stack">
      <NeedBuilder
        need={url.need}
        vocab={vocab}
        failure={failure !== null && failure.issues.length > 0 ? failure : null}
        busy={state.status === 'loading'}
        onChange={(need) => go({ ...url, need })}
        onSubmit={() => send(false)}
      />
      {failure !== null && failure.issues.length === 0 && (
        <ErrorState title={failure.title} message={failure.detail} onRetry={() => send(false)} />
      )}
      {sent !== null && state.status !== 'failed' && (
        <section
          className="stack"
          aria-labelledby="results-title"
          data-state={state.status === 'loading' ? 'loading' : 'ready'}
        >
          <div className="toolbar">
            <h2 id="results-title">Ranked partners</h2>
            {data !== null && (
              <Button small variant="ghost" onClick={toTeam}>
                Go to the team options
              </Button>
            )}
          </div>
          {stale && (
            <p className="small muted" role="status">
              The need has changed: choose “Find partners” to update the results.
            </p>
          )}
          {data === null ? (
            state.status === 'loading' && <Loading label="Ranking partners…" />
          ) : (
            <MatchResults data={data} cells={sent.cells} vocab={vocab} />
          )}
        </section>
      )}
      {sent !== null && data !== null && (
        <TeamPanel
          key={sent.key}
          need={sent.body}
          cells={sent.cells}
          vocab={vocab}
          draft={url.team}
          autoRun={url.showTeam}
          onDraftChange={(team) => go({ ...url, team })}
          onFormed={() => go({ ...url, showTeam: true })}
        />
      )}
    </div>
  );
}
