// Each member's share of the weighted need as a bar, with the cap drawn on every track, so one
// can see at a glance that no partner dominates the team.
import type { TeamResponse } from './match-api.ts';
import { percent } from './score-format.ts';

export function ShareBars({ team, cap }: { team: TeamResponse; cap: number }) {
  return (
    <div className="stack" style={{ gap: 8 }}>
      <h3 id="shares-title">Share of the need per partner</h3>
      <p className="small muted">
        The line marks the cap of {percent(cap)}. Largest share: {percent(team.maxShareUsed)}.
      </p>
      <ul className="match-shares" aria-labelledby="shares-title">
        {team.members.map((m) => {
          const over = m.share > cap + 1e-9;
          return (
            <li key={m.org.id} className="match-share" data-over={over}>
              <span className="match-share__name">{m.org.name}</span>
              <span className="match-share__track" aria-hidden="true">
                <span
                  className="match-share__fill"
                  style={{ width: `${Math.min(100, m.share * 100)}%` }}
                />
                <span
                  className="match-share__cap"
                  style={{ left: `${Math.min(100, cap * 100)}%` }}
                />
              </span>
              <span className="match-share__value" data-share={m.share}>
                {percent(m.share)}
                {over ? ' · above the cap' : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
