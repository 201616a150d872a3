// Why a partner scores what it does: one row per factor (value x weight = points) and a total
// row showing that the points add up to the score.
import type { Reason } from './match-api.ts';
import { FACTOR_LABELS, percent, points, sumOfPoints } from './score-format.ts';

export function ResultReasons({
  id,
  name,
  score,
  reasons,
}: {
  id: string;
  name: string;
  score: number;
  reasons: readonly Reason[];
}) {
  const total = sumOfPoints(reasons);
  const adds = Math.abs(total - score) < 1e-6;
  return (
    <div className="table-wrap" id={id}>
      <table className="table match-reasons">
        <caption>
          Why {name} scores {points(score)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Factor</th>
            <th scope="col" className="num">
              Met
            </th>
            <th scope="col" className="num">
              Weight
            </th>
            <th scope="col" className="num">
              Points
            </th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {reasons.map((r) => (
            <tr key={r.factor} data-factor={r.factor}>
              <th scope="row">{FACTOR_LABELS[r.factor]}</th>
              <td className="num">{percent(r.value)}</td>
              <td className="num">{points(r.weight)}</td>
              <td className="num" data-points={r.points}>
                {points(r.points)}
              </td>
              <td>{r.text}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Sum of points
            </th>
            <td className="num" data-testid="points-sum">
              {points(total)}
            </td>
            <td>
              {adds ? (
                <strong className="match-ok">= score {points(score)}</strong>
              ) : (
                <strong className="match-warn">differs from the score {points(score)}</strong>
              )}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
