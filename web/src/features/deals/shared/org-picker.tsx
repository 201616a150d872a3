// Find an organization by name in the directory and pick it (for partnership requests).
import { useEffect, useState } from 'react';
import type { OrgSummary } from '@contract/orgs.contract.ts';
import { isAbort, messageOf, searchOrgs } from '../../../lib/api.ts';
import { useDebounced } from '../../../lib/use-debounced.ts';

export function OrgPicker({
  id = 'org-picker',
  label,
  exclude,
  onPick,
}: {
  id?: string;
  label: string;
  /** Ids not offered (your own organization, existing partners). */
  exclude: ReadonlySet<string>;
  onPick: (org: OrgSummary) => void;
}) {
  const [q, setQ] = useState('');
  const settled = useDebounced(q.trim(), 250);
  const [found, setFound] = useState<readonly OrgSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settled.length < 2) {
      setFound([]);
      return;
    }
    const ctl = new AbortController();
    searchOrgs(new URLSearchParams({ q: settled, limit: '8', sort: 'relevance' }), ctl.signal).then(
      (page) => {
        setError(null);
        setFound(page.items);
      },
      (err: unknown) => !isAbort(err) && setError(messageOf(err)),
    );
    return () => ctl.abort();
  }, [settled]);
  const offered = found.filter((o) => !exclude.has(o.id));
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        value={q}
        autoComplete="off"
        placeholder="Type at least two letters of a name"
        onChange={(e) => setQ(e.target.value)}
      />
      {error !== null && <span className="field__error">{error}</span>}
      {settled.length >= 2 && (
        <ul className="deal-pick-list" aria-label={`Organizations matching “${settled}”`}>
          {offered.length === 0 && <li className="muted small">No organization found.</li>}
          {offered.map((o) => (
            <li key={o.id}>
              <span>
                <strong>{o.name}</strong> <span className="muted small">{o.hqCountry}</span>
              </span>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                onClick={() => onPick(o)}
              >
                Choose {o.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
