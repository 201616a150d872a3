// Which of the need's cells a partner can serve, as a labelled list of badges.
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { Badge } from '../../ui/badge.tsx';
import { cellText } from './cell-label.ts';
import type { CellDraft } from './need-url.ts';

export function CoveredCells({
  covers,
  cells,
  vocab,
  label,
}: {
  covers: readonly number[];
  cells: readonly Pick<CellDraft, 'kind' | 'code' | 'country'>[];
  vocab: Vocabularies;
  label: string;
}) {
  if (covers.length === 0) return <p className="small muted">Covers none of the cells</p>;
  return (
    <ul className="badges" aria-label={label}>
      {covers.map((i) => {
        const cell = cells[i];
        return (
          <li key={i}>
            <Badge tone="ok">
              {cells.length > 1 ? `${i + 1}. ` : ''}
              {cell === undefined ? `Cell ${i + 1}` : cellText(cell, vocab)}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}
