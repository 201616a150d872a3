// One request at a time for a panel: idle / loading / ready / failed. A new run aborts the one
// before it, so a slow old answer never overwrites a newer one.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../../lib/api.ts';
import { failureOf, type SubmitFailure } from '../../lib/use-submit.ts';

export type RequestState<T> =
  | { status: 'idle' }
  | { status: 'loading'; previous: T | null }
  | { status: 'ready'; data: T }
  | { status: 'failed'; failure: SubmitFailure };

export function useRequest<T>() {
  const [state, setState] = useState<RequestState<T>>({ status: 'idle' });
  const current = useRef<AbortController | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  const run = useCallback((fetcher: (signal: AbortSignal) => Promise<T>) => {
    current.current?.abort();
    const ctl = new AbortController();
    current.current = ctl;
    setState((s) => ({ status: 'loading', previous: s.status === 'ready' ? s.data : null }));
    fetcher(ctl.signal).then(
      (data) => {
        if (!ctl.signal.aborted) setState({ status: 'ready', data });
      },
      (err: unknown) => {
        if (ctl.signal.aborted || isAbort(err)) return;
        setState({ status: 'failed', failure: failureOf(err) });
      },
    );
  }, []);

  const fail = useCallback((failure: SubmitFailure) => {
    current.current?.abort();
    setState({ status: 'failed', failure });
  }, []);

  const reset = useCallback(() => {
    current.current?.abort();
    setState({ status: 'idle' });
  }, []);

  return { state, run, fail, reset };
}

/** The data to show: the answer, or the previous answer while a new one loads. */
export function shown<T>(s: RequestState<T>): T | null {
  if (s.status === 'ready') return s.data;
  if (s.status === 'loading') return s.previous;
  return null;
}
