// The SQL baseline for a directory query: the same question the index answers (total, facet
// counts over the filtered set, the first page in name order), asked of SQLite or PostgreSQL
// through the same Kysely connection the app uses. Uses the bench-only name_key column and text
// index from directory-load.ts; words are split by the index's own tokenizer, so both sides
// search for the same words.
import { sql, type RawBuilder } from 'kysely';
import type { Store } from '../src/db/connect.ts';
import type {
  DirectoryQuery,
  FacetCount,
  FacetField,
} from '../src/domain/directory/directory-query.ts';
import { CODED_LIST_FIELDS } from '../src/domain/taxonomy/vocabularies.ts';
import { tokenize } from '../src/index/tokenize.ts';

export interface SqlAnswer {
  ids: string[];
  total: number;
  facets: Record<FacetField, FacetCount[]>;
}

function textCondition(store: Store, text: string): RawBuilder<unknown> | null {
  const words = tokenize(text);
  if (words.length === 0) return null;
  const last = words.length - 1;
  if (store.kind === 'sqlite') {
    const match = words.map((w, i) => `"${w}"${i === last ? '*' : ''}`).join(' ');
    return sql`o.rowid IN (SELECT rowid FROM orgs_fts WHERE orgs_fts MATCH ${match})`;
  }
  const query = words.map((w, i) => (i === last ? `${w}:*` : w)).join(' & ');
  return sql`o.tsv @@ to_tsquery('simple', ${query})`;
}

function condition(store: Store, q: DirectoryQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`];
  for (const field of CODED_LIST_FIELDS) {
    const codes = q.filters[field];
    if (codes === undefined || codes.length === 0) continue;
    parts.push(sql`o.id IN (SELECT org_id FROM org_codes WHERE field = ${field}
      AND code IN (${sql.join(codes)}))`);
  }
  if (q.teaming !== undefined) parts.push(sql`o.teaming_open = ${q.teaming ? 1 : 0}`);
  const text = textCondition(store, q.text);
  if (text !== null) parts.push(text);
  return sql.join(parts, sql` AND `);
}

const byCountThenCode = (a: FacetCount, b: FacetCount): number =>
  b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export async function sqlSearch(store: Store, q: DirectoryQuery): Promise<SqlAnswer> {
  const { db } = store;
  const where = condition(store, q);
  const teaming = await sql<{ t: number; n: number }>`
    SELECT o.teaming_open AS t, count(*) AS n FROM orgs o WHERE ${where} GROUP BY o.teaming_open`.execute(
    db,
  );
  const codes = await sql<{ field: string; code: string; n: number }>`
    SELECT c.field AS field, c.code AS code, count(*) AS n FROM org_codes c
    WHERE c.org_id IN (SELECT o.id FROM orgs o WHERE ${where})
    GROUP BY c.field, c.code`.execute(db);
  const order =
    store.kind === 'postgres'
      ? sql`o.name_key COLLATE "C", o.id COLLATE "C"`
      : sql`o.name_key, o.id`;
  const page = await sql<{ id: string }>`
    SELECT o.id AS id FROM orgs o WHERE ${where} ORDER BY ${order} LIMIT ${q.limit}`.execute(db);

  const facets = Object.fromEntries(
    [...CODED_LIST_FIELDS, 'teaming'].map((f) => [f, [] as FacetCount[]]),
  ) as Record<FacetField, FacetCount[]>;
  for (const r of codes.rows)
    facets[r.field as FacetField]?.push({ code: r.code, count: Number(r.n) });
  for (const r of teaming.rows) {
    facets.teaming.push({ code: Number(r.t) === 1 ? 'yes' : 'no', count: Number(r.n) });
  }
  for (const list of Object.values(facets)) list.sort(byCountThenCode);
  const total = teaming.rows.reduce((sum, r) => sum + Number(r.n), 0);
  return { ids: page.rows.map((r) => r.id), total, facets };
}
