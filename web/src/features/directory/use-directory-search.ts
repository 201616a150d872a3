// Runs the directory query held in the URL: one request per query (older ones are aborted, so a
// slow answer never overwrites a newer one), previous results stay on screen while the next load,
// and "load more" appends the next cursor page.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { FACET_PARAMS, type DirectoryPageDto } from '@contract/orgs.contract.ts';
import { isAbort, messageOf, searchOrgs } from '../../lib/api.ts';

export const PAGE_SIZE = 20;

type Facets = DirectoryPageDto['facets'];

export interface DirectoryResults {
  /** The query string these results answer. */
  key: string;
  items: DirectoryPageDto['items'];
  /** Counts over the results themselves (where they are, what they offer). */
  facets: Facets;
  /**
   * Counts for the filter panel. A filtered field is counted as if its own filter were off, so
   * ticking Germany still shows Austria (and how many an "or Austria" would add).
   */
  panelFacets: Facets;
  total: number;
  nextCursor: string | null;
}

export interface DirectorySearch {
  results: DirectoryResults | null;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  loadMore: () => void;
  retry: () => void;
}

const apiParams = (search: string, cursor?: string): URLSearchParams => {
  const p = new URLSearchParams(search);
  p.set('limit', String(PAGE_SIZE));
  if (cursor !== undefined) p.set('cursor', cursor);
  return p;
};

/** One small extra query per filtered field: the same search without that field's filter. */
async function panelFacets(search: string, signal: AbortSignal): Promise<Partial<Facets>> {
  const params = new URLSearchParams(search);
  const filtered = FACET_PARAMS.filter((p) => params.has(p));
  const counts = await Promise.all(
    filtered.map(async (p) => {
      const without = new URLSearchParams(search);
      without.delete(p);
      without.set('limit', '1');
      return [p, (await searchOrgs(without, signal)).facets[p] ?? []] as const;
    }),
  );
  return Object.fromEntries(counts);
}

export function useDirectorySearch(search: string): DirectorySearch {
  const [results, setResults] = useState<DirectoryResults | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const more = useRef<AbortController | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    more.current?.abort();
    setLoading(true);
    setError(null);
    Promise.all([searchOrgs(apiParams(search), ctl.signal), panelFacets(search, ctl.signal)]).then(
      ([page, panel]) => {
        if (ctl.signal.aborted) return;
        startTransition(() => {
          setResults({ key: search, ...page, panelFacets: { ...page.facets, ...panel } });
          setLoading(false);
        });
      },
      (err: unknown) => {
        if (isAbort(err) || ctl.signal.aborted) return;
        setError(messageOf(err));
        setLoading(false);
      },
    );
    return () => ctl.abort();
  }, [search, attempt]);

  const loadMore = useCallback(() => {
    if (results === null || results.nextCursor === null || loadingMore || results.key !== search)
      return;
    const ctl = new AbortController();
    more.current = ctl;
    setLoadingMore(true);
    searchOrgs(apiParams(search, results.nextCursor), ctl.signal)
      .then(
        (page) => {
          if (ctl.signal.aborted) return;
          setResults((prev) =>
            prev === null || prev.key !== search
              ? prev
              : { ...prev, items: [...prev.items, ...page.items], nextCursor: page.nextCursor },
          );
        },
        (err: unknown) => {
          if (!isAbort(err)) setError(messageOf(err));
        },
      )
      .finally(() => setLoadingMore(false));
  }, [results, loadingMore, search]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { results, loading, loadingMore, error, loadMore, retry };
}
