// Partner names for the ids the deal APIs return: one GET /orgs/{id} per org per page load, shared.
import { useEffect, useState } from 'react';
import { getOrg } from '../../../lib/api.ts';

const cache = new Map<string, Promise<string>>();

export function orgName(id: string): Promise<string> {
  let p = cache.get(id);
  if (p === undefined) {
    p = getOrg(id).then(
      (r) => r.data.name,
      () => {
        cache.delete(id); // retry on the next render that asks
        return 'Unknown organization';
      },
    );
    cache.set(id, p);
  }
  return p;
}

/** id -> name for every id given (names arrive as they load; until then the map lacks the id). */
export function useOrgNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const key = [...new Set(ids)].sort().join(',');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    const list = key === '' ? [] : key.split(',');
    void Promise.all(list.map(async (id) => [id, await orgName(id)] as const)).then((pairs) => {
      if (live) setNames(new Map(pairs));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}

/** A partner's name as a link to its profile (the id until the name has loaded). */
export const nameOf = (names: ReadonlyMap<string, string>, id: string): string =>
  names.get(id) ?? '…';
