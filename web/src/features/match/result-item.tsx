// One ranked partner: name (to its profile), score, the cells it covers, and its reasons on demand.
import { useState } from 'react';
import { Link } from '../../lib/router.tsx';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { Button } from '../../ui/button.tsx';
import { CoveredCells } from './covered-cells.tsx';
import type { MatchResult } from './match-api.ts';
import type { CellDraft } from './need-url.ts';
import { ResultReasons } from './result-reasons.tsx';
import { score } from './score-format.ts';

export function ResultItem({
  rank,
  result,
  cells,
  vocab,
}: {
  rank: number;
  result: MatchResult;
  cells: readonly Pick<CellDraft, 'kind' | 'code' | 'country'>[];
  vocab: Vocabularies;
}) {
  const [open, setOpen] = useState(false);
  const { org } = result;
  const reasonsId = `reasons-${org.id}`;
  return (
    <li className="card match-result" aria-label={`${rank}. ${org.name}`}>
      <div className="match-result__head">
        <span className="match-result__rank" aria-hidden="true">
          {rank}
        </span>
        <div className="stack" style={{ gap: 4, flex: 1, minWidth: 0 }}>
          <Link to={`/orgs/${encodeURIComponent(org.id)}`} className="result__name">
            {org.name}
          </Link>
          <span className="small muted">
            HQ {vocab.label('countries', org.hqCountry)}
            {org.teaming.open ? ' · open to teaming' : ''}
          </span>
        </div>
        <div className="match-score" data-testid="score">
          <span className="match-score__value">{score(result.score)}</span>
          <span className="small muted">score</span>
        </div>
      </div>
      <CoveredCells
        covers={result.covers}
        cells={cells}
        vocab={vocab}
        label={`Cells ${org.name} covers`}
      />
      <div>
        <Button
          small
          variant="ghost"
          aria-expanded={open}
          aria-controls={reasonsId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide reasons' : 'Show reasons'}
          <span className="visually-hidden"> for {org.name}</span>
        </Button>
      </div>
      {open && (
        <ResultReasons
          id={reasonsId}
          name={org.name}
          score={result.score}
          reasons={result.reasons}
        />
      )}
    </li>
  );
}
