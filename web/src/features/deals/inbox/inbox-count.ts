// The number of received referrals waiting for this organization's answer, for the nav badge.
// Re-read on every page change and whenever a deal page says the inbox changed.
import { useEffect, useState } from 'react';

const CHANGED = 'circles:inbox-changed';

/** Deal pages call this after a move, so the badge follows without a page change. */
export const announceInboxChange = (): void => {
  window.dispatchEvent(new Event(CHANGED));
};

export function useNeedsActionCount(enabled: boolean, pathname: string): number {
  const [count, setCount] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = (): void => setTick((t) => t + 1);
    window.addEventListener(CHANGED, bump);
    return () => window.removeEventListener(CHANGED, bump);
  }, []);
  useEffect(() => {
    if (!enabled) return;
    const ctl = new AbortController();
    import('./inbox-count-fetch.ts')
      .then((m) => m.needsActionCount(ctl.signal))
      .then(setCount, () => undefined); // a hint only: the inbox page shows errors
    return () => ctl.abort();
  }, [enabled, pathname, tick]);
  return count;
}
