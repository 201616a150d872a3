// The lean reads behind the in-memory directory index: only the columns the index keeps, with
// the coded lists from orgs.index_codes instead of the org_codes rows. Start-up reads every org
// this way; the multi-process sync re-reads changed orgs this way.
import { sql, type Kysely } from 'kysely';
import { toIndexedOrg } from '../../domain/directory/to-indexed-org.ts';
import type { IndexedOrg } from '../../domain/directory/directory-query.ts';
import { decodeIndexCodes } from '../org-index-codes.ts';
import type { StoreKind } from '../connect.ts';
import type { Database } from '../schema.ts';

const INDEX_COLUMNS = [
  'id',
  'version',
  'name',
  'description',
  'skills',
  'employee_band',
  'teaming_open',
  'capacity_consultants',
  'index_codes',
  'updated_at',
] as const;

interface IndexRow {
  id: string;
  version: number;
  name: string;
  description: string;
  skills: string;
  employee_band: string | null;
  teaming_open: number;
  capacity_consultants: number;
  index_codes: string;
  updated_at: string;
}

function toIndexed(r: IndexRow): IndexedOrg {
  return toIndexedOrg({
    id: r.id,
    version: r.version,
    name: r.name,
    description: r.description,
    skills: JSON.parse(r.skills) as string[],
    employeeBand: r.employee_band,
    teaming: { open: r.teaming_open === 1 },
    capacity: { availableConsultants: r.capacity_consultants },
    ...decodeIndexCodes(r.index_codes),
  });
}

export interface IndexedPage {
  orgs: IndexedOrg[];
  /** The latest updated_at among them ('' for none): the sync's catch-up watermark. */
  latest: string;
}

function pageOf(rows: readonly IndexRow[]): IndexedPage {
  let latest = '';
  const orgs = rows.map((r) => {
    if (r.updated_at > latest) latest = r.updated_at;
    return toIndexed(r);
  });
  return { orgs, latest };
}

/**
 * Every org, in pages of `pageSize` (small pages die young: less garbage collection). SQLite
 * pages by rowid, i.e. in storage order: paging by id would visit the table in random order
 * through the id index, several times slower at 500,000 orgs. PostgreSQL pages by id (its key),
 * and the next page is asked for before this one is handed over, so the server reads it while
 * the caller indexes this one.
 */
export async function* streamIndexedOrgs(
  db: Kysely<Database>,
  kind: StoreKind,
  pageSize = 1000,
): AsyncGenerator<IndexedPage> {
  const key = kind === 'sqlite' ? sql<string | number>`rowid` : sql<string | number>`id`;
  const read = (after: string | number) => {
    const rows = db
      .selectFrom('orgs')
      .select(INDEX_COLUMNS)
      .select(key.as('page_key'))
      .where(key, '>', after)
      .orderBy(key)
      .limit(pageSize)
      .execute();
    rows.catch(() => undefined); // observed below, unless the caller stops early
    return rows;
  };
  let next = read(kind === 'sqlite' ? 0 : '');
  for (;;) {
    const rows = await next;
    if (rows.length === 0) return;
    const more = rows.length === pageSize;
    if (more && kind === 'postgres') next = read(rows[rows.length - 1]!.page_key);
    yield pageOf(rows);
    if (!more) return;
    if (kind === 'sqlite') next = read(rows[rows.length - 1]!.page_key);
  }
}

const IDS_PER_READ = 1000;

/** The orgs with these ids that still exist (any order). */
export async function findIndexedOrgs(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<IndexedPage> {
  const rows: IndexRow[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_READ) {
    const slice = ids.slice(i, i + IDS_PER_READ);
    rows.push(
      ...(await db.selectFrom('orgs').select(INDEX_COLUMNS).where('id', 'in', slice).execute()),
    );
  }
  return pageOf(rows);
}

/** Orgs changed at or after `since` (an updated_at), for catching up after missed notices. */
export async function findIndexedOrgsChangedSince(
  db: Kysely<Database>,
  since: string,
): Promise<IndexedPage> {
  const rows = await db
    .selectFrom('orgs')
    .select(INDEX_COLUMNS)
    .where('updated_at', '>=', since)
    .execute();
  return pageOf(rows);
}
