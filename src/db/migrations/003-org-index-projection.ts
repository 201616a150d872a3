import { sql, type Kysely } from 'kysely';
import { CODED_LIST_FIELDS, type CodedListField } from '../../domain/taxonomy/vocabularies.ts';
import { encodeIndexCodes } from '../org-index-codes.ts';

// orgs.index_codes: the org's coded lists as one JSON text (see org-index-codes.ts), so that the
// directory index loads without reading org_codes. Backfilled from org_codes in keyset pages, in
// SQL both stores run (UPDATE ... FROM a VALUES list), so an existing store migrates in place.
const PAGE = 2000;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('orgs')
    .addColumn('index_codes', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  // The multi-process index sync catches up on missed notices by updated_at.
  await db.schema.createIndex('orgs_updated_at_idx').on('orgs').column('updated_at').execute();
  await backfillIndexCodes(db);
}

/** Rewrites every org's index_codes from its org_codes rows. */
export async function backfillIndexCodes<DB>(db: Kysely<DB>): Promise<void> {
  let after = '';
  for (;;) {
    const ids = (
      await sql<{
        id: string;
      }>`select id from orgs where id > ${after} order by id limit ${PAGE}`.execute(db)
    ).rows.map((r) => r.id);
    if (ids.length === 0) return;
    await backfillPage(db, ids);
    after = ids[ids.length - 1]!;
  }
}

async function backfillPage<DB>(db: Kysely<DB>, ids: readonly string[]): Promise<void> {
  const first = ids[0]!;
  const last = ids[ids.length - 1]!;
  const rows = await sql<{ org_id: string; field: string; code: string }>`
    select org_id, field, code from org_codes where org_id >= ${first} and org_id <= ${last}`.execute(
    db,
  );
  const lists = new Map(ids.map((id) => [id, emptyLists()]));
  for (const r of rows.rows) lists.get(r.org_id)?.[r.field as CodedListField]?.push(r.code);
  const values = ids.map((id) => sql`(${id}, ${encodeIndexCodes(lists.get(id)!)})`);
  await sql`with v(id, codes) as (values ${sql.join(values)})
    update orgs set index_codes = v.codes from v where orgs.id = v.id`.execute(db);
}

function emptyLists(): Record<CodedListField, string[]> {
  return Object.fromEntries(CODED_LIST_FIELDS.map((f) => [f, [] as string[]])) as Record<
    CodedListField,
    string[]
  >;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('orgs_updated_at_idx').execute();
  await db.schema.alterTable('orgs').dropColumn('index_codes').execute();
}
