// "Who complements us": the gaps in our own profile (capabilities we show no evidence of, in the
// countries we serve) and the partners that fill them, ranked and explained.
import { useEffect, useMemo, useState } from 'react';
import { cellCapability } from '@contract/matching.contract.ts';
import { plural } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { useMe } from '../../lib/session.tsx';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/states.tsx';
import { cellText } from './cell-label.ts';
import { findComplements, type ComplementsResponse } from './match-api.ts';
import { MatchResults } from './match-results.tsx';
import { parseMatchUrl, toMatchSearch, type CellDraft } from './need-url.ts';
import { useRequest } from './use-request.ts';

const LIMIT = 20;
const GAPS_LISTED = 12;

export function ComplementsSection({ vocab }: { vocab: Vocabularies }) {
  const me = useMe();
  const { state, run } = useRequest<ComplementsResponse>();
  const orgId = me.organization.id;
  const [allGaps, setAllGaps] = useState(false);
  useEffect(() => run((signal) => findComplements(orgId, LIMIT, signal)), [orgId, run]);
  const gaps = useMemo<CellDraft[]>(
    () =>
      state.status === 'ready'
        ? state.data.gaps.map((g) => ({ ...cellCapability(g), country: g.country, weight: '' }))
        : [],
    [state],
  );

  if (state.status === 'failed')
    return (
      <ErrorState
        title="Cannot find complementary partners"
        message={state.failure.detail || state.failure.title}
        onRetry={() => run((signal) => findComplements(orgId, LIMIT, signal))}
      />
    );
  if (state.status !== 'ready') return <Loading label="Looking for partners who fill your gaps…" />;
  if (gaps.length === 0)
    return (
      <EmptyState title="Your profile shows no gaps">
        Every service and solution area is covered in the countries you serve. Describe a customer’s
        need instead to find partners for it.
      </EmptyState>
    );
  const asNeed = `/match${toMatchSearch({ ...parseMatchUrl(''), need: { ...parseMatchUrl('').need, cells: gaps } })}`;
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="gaps-title">
        <h2 id="gaps-title">Gaps in {me.organization.name}’s profile</h2>
        <p className="small muted">
          {plural(gaps.length, 'capability-country cell', 'capability-country cells')} your profile
          shows no evidence of, in the countries you serve.
        </p>
        <ul className="badges" aria-label="Gaps">
          {(allGaps ? gaps : gaps.slice(0, GAPS_LISTED)).map((g, i) => (
            <li key={i}>
              <span className="badge">
                {i + 1}. {cellText(g, vocab)}
              </span>
            </li>
          ))}
        </ul>
        {gaps.length > GAPS_LISTED && (
          <div>
            <Button small variant="ghost" onClick={() => setAllGaps((a) => !a)}>
              {allGaps ? 'Show fewer gaps' : `Show all ${gaps.length} gaps`}
            </Button>
          </div>
        )}
        <div>
          <Link to={asNeed}>Use these gaps as a need (to form a team)</Link>
        </div>
      </section>
      <section className="stack" aria-labelledby="complements-title">
        <h2 id="complements-title">Partners who complement you</h2>
        <MatchResults
          data={state.data}
          cells={gaps}
          vocab={vocab}
          title="Partners who complement you"
        />
      </section>
    </div>
  );
}
