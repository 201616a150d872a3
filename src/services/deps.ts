import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { StoreKind } from '../db/connect.ts';
import type { DirectorySearcher } from '../domain/directory/directory-query.ts';
import type { MatchSearcher } from '../domain/matching/match-searcher.ts';

/** What every use case needs. Time comes from `now` so tests can move the clock. */
export interface ServiceDeps {
  db: Kysely<Database>;
  storeKind: StoreKind;
  /** The in-memory index: directory search and matching. */
  directory: DirectorySearcher & MatchSearcher;
  now: () => Date;
}

export type Role = 'owner' | 'admin' | 'member';

/** Who is acting: a signed-in user (session) or an API token, always within one organization. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  tokenId: string | null;
  sessionId: string | null;
}

/** Per-request facts carried into the audit log. */
export interface RequestMeta {
  requestId: string | null;
}

export const isAdmin = (a: Actor): boolean => a.role === 'owner' || a.role === 'admin';
