// All SQL for organizations and their profile. Returns domain types.
import type { Kysely } from 'kysely';
import type { Org, OrgProfile } from '../../domain/profile/profile.ts';
import { CODED_LIST_FIELDS, type CodedListField } from '../../domain/taxonomy/vocabularies.ts';
import { encodeIndexCodes } from '../org-index-codes.ts';
import type { Database, OrgsTable } from '../schema.ts';

type OrgRow = OrgsTable;

function profileColumns(p: OrgProfile): Omit<OrgRow, 'id' | 'version' | 'created_at' | 'updated_at'> {
  return {
    name: p.name,
    website: p.website,
    domain: p.domain,
    hq_country: p.hqCountry,
    description: p.description,
    employee_band: p.employeeBand,
    founded_year: p.foundedYear,
    teaming_open: p.teaming.open ? 1 : 0,
    teaming_seeks: p.teaming.seeks,
    capacity_consultants: p.capacity.availableConsultants,
    capacity_bench: p.capacity.bench,
    skills: JSON.stringify(p.skills),
    rate_card: JSON.stringify(p.rateCard),
    offices: JSON.stringify(p.offices),
    index_codes: encodeIndexCodes(p),
  };
}

function emptyCodes(): Record<CodedListField, string[]> {
  return Object.fromEntries(CODED_LIST_FIELDS.map((f) => [f, [] as string[]])) as Record<
    CodedListField,
    string[]
  >;
}

function rowToOrg(r: OrgRow, codes: Record<CodedListField, string[]>): Org {
  return {
    id: r.id,
    name: r.name,
    website: r.website,
    domain: r.domain,
    hqCountry: r.hq_country,
    ...codes,
    skills: JSON.parse(r.skills) as string[],
    employeeBand: r.employee_band,
    foundedYear: r.founded_year,
    description: r.description,
    teaming: { open: r.teaming_open === 1, seeks: r.teaming_seeks },
    capacity: { availableConsultants: r.capacity_consultants, bench: r.capacity_bench },
    rateCard: JSON.parse(r.rate_card) as Org['rateCard'],
    offices: JSON.parse(r.offices) as Org['offices'],
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function codeRows(orgId: string, p: OrgProfile): { org_id: string; field: string; code: string }[] {
  return CODED_LIST_FIELDS.flatMap((field) =>
    [...new Set(p[field])].map((code) => ({ org_id: orgId, field, code })),
  );
}

// Stay under SQLite's 32,766 and PostgreSQL's 65,535 bound-parameter limits.
const CODE_ROWS_PER_INSERT = 3000;

async function insertCodeRows(db: Kysely<Database>, rows: { org_id: string; field: string; code: string }[]) {
  for (let i = 0; i < rows.length; i += CODE_ROWS_PER_INSERT) {
    await db.insertInto('org_codes').values(rows.slice(i, i + CODE_ROWS_PER_INSERT)).execute();
  }
}

export interface NewOrg {
  id: string;
  profile: OrgProfile;
  at: string;
}

/** Inserts many orgs with their codes; the caller owns the transaction. */
export async function insertOrgs(db: Kysely<Database>, orgs: readonly NewOrg[]): Promise<void> {
  const ROWS_PER_INSERT = 500;
  for (let i = 0; i < orgs.length; i += ROWS_PER_INSERT) {
    const slice = orgs.slice(i, i + ROWS_PER_INSERT);
    await db
      .insertInto('orgs')
      .values(
        slice.map((o) => ({
          id: o.id,
          ...profileColumns(o.profile),
          version: 1,
          created_at: o.at,
          updated_at: o.at,
        })),
      )
      .execute();
  }
  await insertCodeRows(
    db,
    orgs.flatMap((o) => codeRows(o.id, o.profile)),
  );
}

export async function insertOrg(db: Kysely<Database>, org: NewOrg): Promise<Org> {
  await insertOrgs(db, [org]);
  const created = await findOrg(db, org.id);
  if (created === undefined) throw new Error(`org ${org.id} vanished after insert`);
  return created;
}

export async function findOrg(db: Kysely<Database>, id: string): Promise<Org | undefined> {
  const row = await db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  const codes = emptyCodes();
  const rows = await db.selectFrom('org_codes').select(['field', 'code']).where('org_id', '=', id).execute();
  for (const c of rows) codes[c.field as CodedListField]?.push(c.code);
  for (const f of CODED_LIST_FIELDS) codes[f].sort();
  return rowToOrg(row, codes);
}

export async function findOrgsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Org[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('orgs').selectAll().where('id', 'in', ids).execute();
  const codeRowsFound = await db
    .selectFrom('org_codes')
    .select(['org_id', 'field', 'code'])
    .where('org_id', 'in', ids)
    .execute();
  const byOrg = new Map(rows.map((r) => [r.id, emptyCodes()]));
  for (const c of codeRowsFound) byOrg.get(c.org_id)?.[c.field as CodedListField]?.push(c.code);
  const orgs = rows.map((r) => rowToOrg(r, byOrg.get(r.id) ?? emptyCodes()));
  const order = new Map(ids.map((id, i) => [id, i]));
  return orgs.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/**
 * Writes a new profile only if the stored version is still `expectedVersion` (optimistic
 * concurrency). Returns false when someone else changed it first.
 */
export async function updateOrgProfile(
  db: Kysely<Database>,
  id: string,
  profile: OrgProfile,
  expectedVersion: number,
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable('orgs')
    .set({ ...profileColumns(profile), version: expectedVersion + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('org_codes').where('org_id', '=', id).execute();
  await insertCodeRows(db, codeRows(id, profile));
  return true;
}

export async function countOrgs(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * Streams every org in id order, pages of `pageSize`, codes included: for building the index
 * at start-up and for export. Keyset paging keeps memory flat at 500,000 orgs.
 */
export async function* streamOrgs(db: Kysely<Database>, pageSize = 5000): AsyncGenerator<Org[]> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('orgs')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    const first = rows[0]!.id;
    const last = rows[rows.length - 1]!.id;
    const codes = await db
      .selectFrom('org_codes')
      .select(['org_id', 'field', 'code'])
      .where('org_id', '>=', first)
      .where('org_id', '<=', last)
      .execute();
    const byOrg = new Map(rows.map((r) => [r.id, emptyCodes()]));
    for (const c of codes) byOrg.get(c.org_id)?.[c.field as CodedListField]?.push(c.code);
    yield rows.map((r) => rowToOrg(r, byOrg.get(r.id) ?? emptyCodes()));
    if (rows.length < pageSize) return;
    after = last;
  }
}
