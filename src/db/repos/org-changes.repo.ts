// PostgreSQL only: tells every server process on the database which orgs a transaction wrote.
// pg_notify inside the writing transaction is delivered only if and when it commits. One notice
// carries up to NOTICE_ORGS (id, version) pairs, well under PostgreSQL's 8,000-byte payload
// limit; the schema travels in the payload because channels are per database, not per schema.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export const ORG_CHANGES_CHANNEL = 'circles_org_changed';
const NOTICE_ORGS = 100;

export interface OrgChange {
  id: string;
  /** The version written; 0 for a deletion (always re-read). */
  version: number;
}

export async function notifyOrgChanges(
  db: Kysely<Database>,
  changes: readonly OrgChange[],
): Promise<void> {
  const payloads: string[] = [];
  for (let i = 0; i < changes.length; i += NOTICE_ORGS) {
    payloads.push(JSON.stringify(changes.slice(i, i + NOTICE_ORGS).map((c) => [c.id, c.version])));
  }
  if (payloads.length === 0) return;
  await sql`select pg_notify(${ORG_CHANGES_CHANNEL}, current_schema() || ' ' || p)
    from unnest(${payloads}::text[]) as p`.execute(db);
}

/** Parses a notice for `schema`; null for another schema's notice or a malformed one. */
export function parseOrgChanges(payload: string, schema: string): OrgChange[] | null {
  const space = payload.indexOf(' ');
  if (space < 0 || payload.slice(0, space) !== schema) return null;
  try {
    const pairs = JSON.parse(payload.slice(space + 1)) as unknown;
    if (!Array.isArray(pairs)) return null;
    return pairs.flatMap((p: unknown) =>
      Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number'
        ? [{ id: p[0], version: p[1] }]
        : [],
    );
  } catch {
    return null;
  }
}
