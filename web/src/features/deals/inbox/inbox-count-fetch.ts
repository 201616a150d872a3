// Reads the inbox counts. Loaded on demand by the nav badge, so the inbox contract stays out of
// the directory's initial bundle.
import { InboxSchema } from '@contract/inbox.contract.ts';
import { call } from '../../../lib/api-client.ts';

export async function needsActionCount(signal?: AbortSignal): Promise<number> {
  const r = await call('GET', '/inbox', InboxSchema, {
    query: new URLSearchParams({ limit: '1' }),
    ...(signal === undefined ? {} : { signal }),
  });
  return r.data.counts.needsAction;
}
