import { FACET_PARAMS } from '@contract/orgs.contract.ts';
import { Chip } from '../../ui/chip.tsx';
import { FACET_TITLES, type DirectoryState, type FacetParam } from './directory-url.ts';

interface Props {
  state: DirectoryState;
  label: (param: FacetParam, code: string) => string;
  onToggle: (param: FacetParam, code: string) => void;
  onClear: () => void;
}

export function ActiveFilters({ state, label, onToggle, onClear }: Props) {
  const chips = FACET_PARAMS.flatMap((param) =>
    (state.filters[param] ?? []).map((code) => ({ param, code })),
  );
  if (chips.length === 0) return null;
  return (
    <div className="row" role="group" aria-label="Active filters" style={{ gap: 6 }}>
      {chips.map(({ param, code }) => (
        <Chip
          key={`${param}:${code}`}
          prefix={FACET_TITLES[param]}
          label={label(param, code)}
          onRemove={() => onToggle(param, code)}
        />
      ))}
      <button type="button" className="btn btn--ghost btn--small" onClick={onClear}>
        Clear all filters
      </button>
    </div>
  );
}
