// One group of checkboxes per directory filter, with the number of matching partners for each value.
import { memo, useId, useMemo, useState } from 'react';
import { FACET_PARAMS, type DirectoryPageDto } from '@contract/orgs.contract.ts';
import { formatCount } from '../../lib/format.ts';
import type { Vocabularies } from '../../lib/vocabularies.ts';
import { FACET_TITLES, facetLabel, type DirectoryState, type FacetParam } from './directory-url.ts';

const COLLAPSED = 6;
const FILTERABLE = 12;

interface GroupProps {
  param: FacetParam;
  counts: readonly { code: string; count: number }[];
  selected: readonly string[];
  label: (code: string) => string;
  onToggle: (param: FacetParam, code: string) => void;
}

const FacetGroup = memo(function FacetGroup({
  param,
  counts,
  selected,
  label,
  onToggle,
}: GroupProps) {
  const [expanded, setExpanded] = useState(false);
  const [filter, setFilter] = useState('');
  const titleId = useId();
  const options = useMemo(() => {
    const byCode = new Map(counts.map((c) => [c.code, c.count]));
    // Chosen values stay visible (with 0) so they can always be unticked.
    for (const code of selected) if (!byCode.has(code)) byCode.set(code, 0);
    return [...byCode]
      .map(([code, count]) => ({ code, count, label: label(code) }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }, [counts, selected, label]);
  const f = filter.trim().toLowerCase();
  const matching = f === '' ? options : options.filter((o) => o.label.toLowerCase().includes(f));
  // Collapsed: the top values, plus every chosen one wherever it ranks.
  const shown =
    expanded || f !== ''
      ? matching
      : matching.filter((o, i) => i < COLLAPSED || selected.includes(o.code));
  if (options.length === 0) return null;
  return (
    <fieldset className="facet" aria-labelledby={titleId}>
      <legend className="facet__title" id={titleId}>
        {FACET_TITLES[param]}
      </legend>
      {options.length > FILTERABLE && (
        <input
          className="input facet__filter"
          type="search"
          placeholder={`Filter ${FACET_TITLES[param].toLowerCase()}`}
          aria-label={`Filter ${FACET_TITLES[param]}`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      <ul className="facet__list">
        {shown.map((o) => (
          <li key={o.code} className="facet__item">
            <label>
              <input
                type="checkbox"
                checked={selected.includes(o.code)}
                onChange={() => onToggle(param, o.code)}
              />
              <span className="facet__label" title={o.label}>
                {o.label}
              </span>
              <span className="facet__count">
                {formatCount(o.count)}
                <span className="visually-hidden"> partners</span>
              </span>
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="muted small">No match</li>}
      </ul>
      {f === '' && matching.length > shown.length && (
        <button
          type="button"
          className="btn btn--ghost btn--small"
          onClick={() => setExpanded(true)}
          aria-label={`Show all ${matching.length} ${FACET_TITLES[param]}`}
        >
          Show all {matching.length}
        </button>
      )}
      {expanded && f === '' && matching.length > COLLAPSED && (
        <button
          type="button"
          className="btn btn--ghost btn--small"
          onClick={() => setExpanded(false)}
        >
          Show fewer
        </button>
      )}
    </fieldset>
  );
});

interface PanelProps {
  facets: DirectoryPageDto['facets'] | null;
  state: DirectoryState;
  vocab: Vocabularies | null;
  onToggle: (param: FacetParam, code: string) => void;
}

const EMPTY: readonly never[] = [];

export function FacetPanel({ facets, state, vocab, onToggle }: PanelProps) {
  const labelers = useMemo(
    () =>
      Object.fromEntries(
        FACET_PARAMS.map((p) => [
          p,
          (code: string) => facetLabel(p, code, vocab === null ? (_n, c) => c : vocab.label),
        ]),
      ) as Record<FacetParam, (code: string) => string>,
    [vocab],
  );
  return (
    <>
      {FACET_PARAMS.map((param) => (
        <FacetGroup
          key={param}
          param={param}
          counts={facets?.[param] ?? EMPTY}
          selected={state.filters[param] ?? EMPTY}
          label={labelers[param]}
          onToggle={onToggle}
        />
      ))}
    </>
  );
}
