// A proposed team: the cap notice, share bars, the cells x members grid with backups.
import { plural } from '../../lib/format.ts';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { Banner } from '../../ui/states.tsx';
import type { TeamResponse } from './match-api.ts';
import type { CellDraft } from './need-url.ts';
import { percent } from './score-format.ts';
import { ShareBars } from './share-bars.tsx';
import { TeamGrid } from './team-grid.tsx';

export function TeamView({
  team,
  cap,
  cells,
  vocab,
}: {
  team: TeamResponse;
  cap: number;
  cells: readonly Pick<CellDraft, 'kind' | 'code' | 'country'>[];
  vocab: Vocabularies;
}) {
  const covered = cells.length - team.uncovered.length;
  return (
    <div className="stack" data-testid="team">
      <p aria-live="polite" aria-atomic="true">
        <strong>
          {plural(team.members.length, 'partner', 'partners')} cover {covered} of{' '}
          {plural(cells.length, 'cell', 'cells')}
        </strong>
      </p>
      {team.shareCapRelaxed ? (
        <Banner tone="warn">
          <strong>The {percent(cap)} cap had to be relaxed.</strong> No team that covers these cells
          keeps every partner at or under it; the largest share is {percent(team.maxShareUsed)}.
        </Banner>
      ) : (
        team.members.length > 0 && (
          <Banner tone="ok">
            No partner takes more than {percent(cap)} of the need (largest share{' '}
            {percent(team.maxShareUsed)}).
          </Banner>
        )
      )}
      {team.uncovered.length > 0 && (
        <Banner tone="warn">
          <strong>{plural(team.uncovered.length, 'cell is', 'cells are')} uncovered:</strong> no
          partner can take {team.uncovered.length === 1 ? 'it' : 'them'}. See the grid below.
        </Banner>
      )}
      {team.members.length > 0 && <ShareBars team={team} cap={cap} />}
      <TeamGrid team={team} cells={cells} vocab={vocab} />
    </div>
  );
}
