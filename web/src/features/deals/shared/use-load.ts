// Load data for a page: loading / ready / missing (404) / error, and reload after an action.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, messageOf } from '../../../lib/api.ts';

export type Load<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'missing' }
  | { status: 'error'; message: string };

export function useLoad<T>(fetcher: () => Promise<T>): [Load<T>, () => void, (data: T) => void] {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    fetcher().then(
      (data) => live && setState({ status: 'ready', data }),
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 404) setState({ status: 'missing' });
        else setState({ status: 'error', message: messageOf(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [fetcher, attempt]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  const set = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return [state, reload, set];
}
