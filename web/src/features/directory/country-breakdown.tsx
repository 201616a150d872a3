// Where the results are: a bar per country served, from the country facet of the current result set.
import { memo } from 'react';
import { formatCount } from '../../lib/format.ts';

interface Props {
  counts: readonly { code: string; count: number }[];
  total: number;
  label: (code: string) => string;
  onPick: (code: string) => void;
  selected: readonly string[];
  top?: number;
}

export const CountryBreakdown = memo(function CountryBreakdown({
  counts,
  total,
  label,
  onPick,
  selected,
  top = 8,
}: Props) {
  const rows = [...counts].sort((a, b) => b.count - a.count).slice(0, top);
  const max = rows[0]?.count ?? 0;
  if (rows.length === 0 || total === 0) return null;
  return (
    <section className="card" aria-labelledby="where-title">
      <h2 className="section-title" id="where-title">
        Where they work · top {rows.length} of {formatCount(counts.length)} countries served
      </h2>
      <ul className="bars">
        {rows.map((r) => (
          <li key={r.code} className="bar">
            <button
              type="button"
              className="btn btn--ghost btn--small bar__label"
              style={{ justifyContent: 'flex-start', padding: '0 4px' }}
              onClick={() => onPick(r.code)}
              aria-pressed={selected.includes(r.code)}
              title={`Filter by ${label(r.code)}`}
            >
              {label(r.code)}
            </button>
            <span className="bar__track" aria-hidden="true">
              <span
                className="bar__fill"
                style={{ display: 'block', width: `${Math.max(2, (r.count / max) * 100)}%` }}
              />
            </span>
            <span className="facet__count">
              {formatCount(r.count)}
              <span className="visually-hidden"> partners</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
});
