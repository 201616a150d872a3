// The partner directory: search as you type, facets for every filter, chips, sort, country
// breakdown and infinite scroll. The URL holds the query; this page only reads and writes it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatCount, plural } from '../../lib/format.ts';
import { navigate, useLocation } from '../../lib/router.tsx';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useVocabularies } from '../../lib/vocabularies.ts';
import { Button } from '../../ui/button.tsx';
import { usePageTitle } from '../../ui/layout.tsx';
import { EmptyState, ErrorState } from '../../ui/states.tsx';
import { ActiveFilters } from './active-filters.tsx';
import { CountryBreakdown } from './country-breakdown.tsx';
import {
  activeFilterCount,
  facetLabel,
  parseDirectoryState,
  toggleFilter,
  toSearch,
  type DirectoryState,
  type FacetParam,
  type Sort,
} from './directory-url.ts';
import { FacetPanel } from './facet-panel.tsx';
import { rememberSearch } from './last-search.ts';
import { ResultCard } from './result-card.tsx';
import { useDirectorySearch } from './use-directory-search.ts';

/** Short enough to feel instant, long enough to skip most intermediate keystrokes. */
const TYPING_DEBOUNCE_MS = 50;

const go = (s: DirectoryState, replace = false): void =>
  navigate(`/directory${toSearch(s)}`, { replace });

export function DirectoryPage() {
  usePageTitle('Directory');
  const { search } = useLocation();
  const state = useMemo(() => parseDirectoryState(search), [search]);
  const key = toSearch(state);
  rememberSearch(key);
  const vocabState = useVocabularies();
  const vocab = vocabState.status === 'ready' ? vocabState.vocab : null;
  const { results, loading, loadingMore, error, loadMore, retry } = useDirectorySearch(key);

  // The search box: typed text goes to the URL after a short pause; URL changes made elsewhere
  // (back button, a removed chip) come back into the box.
  const [text, setText] = useState(state.q);
  const pushed = useRef(state.q);
  const latest = useRef(state);
  latest.current = state;
  const debounced = useDebounced(text, TYPING_DEBOUNCE_MS);
  useEffect(() => {
    if (debounced.trim() === pushed.current.trim()) return;
    pushed.current = debounced;
    go({ ...latest.current, q: debounced }, true);
  }, [debounced]);
  useEffect(() => {
    if (state.q !== pushed.current.trim()) {
      pushed.current = state.q;
      setText(state.q);
    }
  }, [state.q]);

  const textRef = useRef(text);
  textRef.current = text;
  const update = useCallback((next: DirectoryState) => {
    pushed.current = textRef.current;
    go({ ...next, q: textRef.current });
  }, []);
  const onToggle = useCallback(
    (param: FacetParam, code: string) => update(toggleFilter(latest.current, param, code)),
    [update],
  );

  const [filtersOpen, setFiltersOpen] = useState(false);
  const label = useCallback(
    (param: FacetParam, code: string) =>
      facetLabel(param, code, vocab === null ? (_n, c) => c : vocab.label),
    [vocab],
  );
  const countryLabel = useCallback((code: string) => label('country', code), [label]);
  const nFilters = activeFilterCount(state);

  return (
    <div className="stack">
      <div className="stack" style={{ gap: 8 }}>
        <h1>Find partners</h1>
        <label htmlFor="directory-q" className="visually-hidden">
          Search partners
        </label>
        <input
          id="directory-q"
          className="input search-input"
          type="search"
          placeholder="Search by name, skill or description — e.g. “Dynamics migration”"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="directory">
        <aside aria-label="Filters">
          <Button
            className="filters-toggle"
            block
            aria-expanded={filtersOpen}
            aria-controls="facets"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            {filtersOpen ? 'Hide filters' : `Filters${nFilters > 0 ? ` (${nFilters})` : ''}`}
          </Button>
          <div className="facets" id="facets" data-open={filtersOpen}>
            <FacetPanel
              facets={results?.panelFacets ?? null}
              state={state}
              vocab={vocab}
              onToggle={onToggle}
            />
          </div>
        </aside>
        <section
          className="stack"
          aria-label="Results"
          data-state={loading ? 'loading' : 'ready'}
          data-key={results?.key}
        >
          <div className="toolbar">
            <p aria-live="polite" aria-atomic="true">
              {results === null ? (
                <span className="muted">Searching…</span>
              ) : (
                <strong data-testid="result-count">
                  {plural(results.total, 'partner', 'partners')}
                </strong>
              )}
              {loading && results !== null && (
                <span className="muted small">
                  {' '}
                  <span
                    className="spinner"
                    aria-hidden="true"
                    style={{ width: 12, height: 12, verticalAlign: 'middle' }}
                  />{' '}
                  updating
                </span>
              )}
            </p>
            <label className="row small">
              Sort by
              <select
                className="select"
                style={{ width: 'auto', height: 34, minHeight: 34 }}
                value={state.sort}
                onChange={(e) => update({ ...latest.current, sort: e.target.value as Sort })}
              >
                <option value="relevance">Relevance</option>
                <option value="name">Name (A–Z)</option>
                <option value="size">Size (largest first)</option>
              </select>
            </label>
          </div>
          <ActiveFilters
            state={state}
            label={label}
            onToggle={onToggle}
            onClear={() => update({ ...latest.current, filters: {} })}
          />
          {error !== null && (
            <ErrorState title="The search failed" message={error} onRetry={retry} />
          )}
          {results !== null && results.total > 0 && (
            <CountryBreakdown
              counts={results.facets.country ?? []}
              total={results.total}
              label={countryLabel}
              selected={state.filters.country ?? []}
              onPick={(code) => onToggle('country', code)}
            />
          )}
          {results !== null && results.total === 0 && (
            <EmptyState
              title="No partners match"
              action={
                nFilters > 0 || state.q !== '' ? (
                  <Button
                    onClick={() => {
                      setText('');
                      pushed.current = '';
                      go({ q: '', filters: {}, sort: state.sort });
                    }}
                  >
                    Clear search and filters
                  </Button>
                ) : undefined
              }
            >
              {nFilters > 0
                ? 'Every filter narrows the list: remove one, or search for a broader word.'
                : 'Try a different word, or fewer words.'}
            </EmptyState>
          )}
          {results !== null && results.items.length > 0 && (
            <ol className="results" aria-label="Partners">
              {results.items.map((org) => (
                <ResultCard key={org.id} org={org} vocab={vocab} />
              ))}
            </ol>
          )}
          {results !== null && results.nextCursor !== null && results.key === key && (
            <LoadMore
              onLoad={loadMore}
              busy={loadingMore}
              shown={results.items.length}
              total={results.total}
            />
          )}
        </section>
      </div>
    </div>
  );
}

/** A real button (keyboard, screen readers) that also fires by itself when scrolled into view. */
function LoadMore({
  onLoad,
  busy,
  shown,
  total,
}: {
  onLoad: () => void;
  busy: boolean;
  shown: number;
  total: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const onLoadRef = useRef(onLoad);
  onLoadRef.current = onLoad;
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) onLoadRef.current();
      },
      { rootMargin: '400px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [shown]);
  return (
    <div ref={ref} className="row" style={{ justifyContent: 'center' }}>
      <Button onClick={onLoad} busy={busy}>
        Show more ({formatCount(shown)} of {formatCount(total)})
      </Button>
    </div>
  );
}
