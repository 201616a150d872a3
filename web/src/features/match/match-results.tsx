// The ranked, explained partners for a need, best first; cells nobody can serve are called out.
import { plural } from '../../lib/format.ts';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { Banner, EmptyState } from '../../ui/states.tsx';
import { cellText } from './cell-label.ts';
import type { MatchResponse } from './match-api.ts';
import type { CellDraft } from './need-url.ts';
import { ResultItem } from './result-item.tsx';

export function MatchResults({
  data,
  cells,
  vocab,
  title = 'Ranked partners',
}: {
  data: Pick<MatchResponse, 'results' | 'total'> & { uncovered?: readonly number[] };
  cells: readonly Pick<CellDraft, 'kind' | 'code' | 'country'>[];
  vocab: Vocabularies;
  title?: string;
}) {
  const uncovered = data.uncovered ?? [];
  return (
    <div className="stack">
      <p aria-live="polite" aria-atomic="true">
        <strong data-testid="match-count">
          {data.results.length < data.total
            ? `Best ${data.results.length} of ${plural(data.total, 'partner', 'partners')}`
            : plural(data.total, 'partner', 'partners')}
        </strong>
      </p>
      {uncovered.length > 0 && (
        <Banner tone="warn">
          <strong>
            No partner can serve {uncovered.length === 1 ? 'this cell' : 'these cells'}:
          </strong>
          <ul>
            {uncovered.map((i) => {
              const cell = cells[i];
              return (
                <li key={i}>
                  Cell {i + 1}
                  {cell === undefined ? '' : `: ${cellText(cell, vocab)}`}
                </li>
              );
            })}
          </ul>
        </Banner>
      )}
      {data.results.length === 0 ? (
        <EmptyState title="No partners match this need">
          Remove a required designation or the minimum capacity, or try a neighbouring country.
        </EmptyState>
      ) : (
        <ol className="match-results" aria-label={title}>
          {data.results.map((r, i) => (
            <ResultItem key={r.org.id} rank={i + 1} result={r} cells={cells} vocab={vocab} />
          ))}
        </ol>
      )}
    </div>
  );
}
