// The team as a grid: one row per cell, one column per member (who takes the cell), and the
// backup partners of each cell; cells no member takes are called out in their row.
import { Link } from '../../lib/router.tsx';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { Badge } from '../../ui/badge.tsx';
import { cellText } from './cell-label.ts';
import type { TeamResponse } from './match-api.ts';
import type { CellDraft } from './need-url.ts';

const orgLink = (org: { id: string; name: string }) => (
  <Link to={`/orgs/${encodeURIComponent(org.id)}`}>{org.name}</Link>
);

export function TeamGrid({
  team,
  cells,
  vocab,
}: {
  team: TeamResponse;
  cells: readonly Pick<CellDraft, 'kind' | 'code' | 'country'>[];
  vocab: Vocabularies;
}) {
  const uncovered = new Set(team.uncovered);
  return (
    <div className="table-wrap">
      <table className="table match-grid">
        <caption>Who takes which cell, and the backups</caption>
        <thead>
          <tr>
            <th scope="col">Cell</th>
            {team.members.length === 0 && <th scope="col">Team</th>}
            {team.members.map((m) => (
              <th scope="col" key={m.org.id}>
                {m.org.name}
              </th>
            ))}
            <th scope="col">Backups</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((cell, i) => {
            const backups = team.backups[String(i)] ?? [];
            return (
              <tr key={i} data-uncovered={uncovered.has(i)}>
                <th scope="row">
                  {i + 1}. {cellText(cell, vocab)}
                </th>
                {uncovered.has(i) ? (
                  <td colSpan={Math.max(1, team.members.length)}>
                    <Badge tone="danger">Uncovered</Badge>{' '}
                    <span className="small">No partner can take this cell</span>
                  </td>
                ) : (
                  team.members.map((m) => (
                    <td key={m.org.id} className="match-grid__mark">
                      {m.cells.includes(i) ? (
                        <>
                          <span aria-hidden="true">✓</span>
                          <span className="visually-hidden">Takes this cell</span>
                        </>
                      ) : (
                        <span className="visually-hidden">—</span>
                      )}
                    </td>
                  ))
                )}
                <td>
                  {backups.length === 0 ? (
                    <span className="small muted">None available</span>
                  ) : (
                    <ul className="match-backups" aria-label={`Backups for cell ${i + 1}`}>
                      {backups.map((o) => (
                        <li key={o.id}>{orgLink(o)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
