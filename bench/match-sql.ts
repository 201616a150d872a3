// The SQL baseline for a match: the same score as the domain's (match-score.ts), in one query per
// request on SQLite or PostgreSQL, top 20 by score, name, id. Candidates are the orgs with some
// evidence for a cell in or next to its country (as the index's candidate set); each factor is
// computed and quantized as scoreFeatures does, in double precision. PostgreSQL reads a bench-only
// `codes text[]` column ('field:code') with a GIN index; SQLite the org_codes table and its indexes.
import { sql, type RawBuilder } from 'kysely';
import type { Store } from '../src/db/connect.ts';
import { F } from '../src/domain/matching/factors.ts';
import { CUSTOMER_SIZE_INDEX, type MatchContext } from '../src/domain/matching/match-context.ts';
import type { CellKind } from '../src/domain/matching/need.ts';
import type { CodedListField } from '../src/domain/taxonomy/vocabularies.ts';
import { countriesOfRegion } from '../src/index/match-plan.ts';

type Codes = { field: CodedListField; codes: readonly string[] };

interface SqlCell {
  kind: CellKind;
  tag: Codes;
  top: Codes;
  designations: Codes;
  country: string;
  /** The other countries of the cell country's region. */
  region: string[];
}

/** What each cell looks for, in (field, codes) terms (capability-evidence.ts). */
function cellsOf(ctx: MatchContext): SqlCell[] {
  return ctx.plans.map((plan, c) => {
    const country = ctx.need.cells[c]!.country;
    const region = ctx.cellRegions[c];
    const tag: Codes =
      plan.kind === 'product'
        ? { field: 'products', codes: [plan.code] }
        : plan.kind === 'service'
          ? { field: 'services', codes: [plan.code] }
          : { field: 'solutionAreas', codes: [...plan.areas] };
    return {
      kind: plan.kind,
      tag,
      top: {
        field: plan.kind === 'service' ? 'designations' : 'specializations',
        codes: [...plan.top],
      },
      designations: { field: 'designations', codes: [...plan.designations] },
      country,
      region: region === undefined ? [] : countriesOfRegion(region).filter((x) => x !== country),
    };
  });
}

const double = (store: Store) => sql.raw(store.kind === 'postgres' ? 'double precision' : 'REAL');

export async function prepareMatchPostgres(store: Store): Promise<number> {
  const start = performance.now();
  const { db } = store;
  await sql`ALTER TABLE orgs ADD COLUMN codes text[]`.execute(db);
  await sql`UPDATE orgs o SET codes = ARRAY(
    SELECT c.field || ':' || c.code FROM org_codes c WHERE c.org_id = o.id)`.execute(db);
  await sql`CREATE INDEX orgs_codes_gin ON orgs USING gin (codes)`.execute(db);
  await sql`ANALYZE`.execute(db);
  return performance.now() - start;
}

export async function prepareMatchSqlite(store: Store): Promise<number> {
  const start = performance.now();
  store.sqlite!.exec('ANALYZE');
  return performance.now() - start;
}

function num(store: Store, x: number): RawBuilder<unknown> {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return sql`CAST(${sql.raw(String(x))} AS ${double(store)})`;
}

/** Whether the org has any of the codes in the field. */
function has(store: Store, { field, codes }: Codes): RawBuilder<unknown> {
  if (codes.length === 0) return sql`(1 = 0)`;
  if (store.kind === 'postgres') {
    return sql`(o.codes && ${codes.map((c) => `${field}:${c}`)}::text[])`;
  }
  return sql`EXISTS (SELECT 1 FROM org_codes x WHERE x.org_id = o.id AND x.field = ${field}
    AND x.code IN (${sql.join(codes)}))`;
}

/** Candidates: the org's ids with any of the codes (SQLite: through the (field, code) index). */
function anyOf(store: Store, c: Codes): RawBuilder<unknown> {
  if (c.codes.length === 0) return sql`(1 = 0)`;
  if (store.kind === 'postgres') return has(store, c);
  return sql`o.id IN (SELECT org_id FROM org_codes WHERE field = ${c.field}
    AND code IN (${sql.join(c.codes)}))`;
}

/** How many codes of the fields the org has (those in `only`, when given). */
function count(store: Store, fields: readonly Codes[], only: boolean): RawBuilder<unknown> {
  if (store.kind === 'postgres') {
    const conds = fields.map(({ field, codes }) =>
      only
        ? sql`u.x = ANY(${codes.map((c) => `${field}:${c}`)}::text[])`
        : sql`u.x LIKE ${`${field}:%`}`,
    );
    return sql`(SELECT count(*) FROM unnest(o.codes) AS u(x) WHERE ${sql.join(conds, sql` OR `)})`;
  }
  const conds = fields.map(({ field, codes }) =>
    only && codes.length > 0
      ? sql`(x.field = ${field} AND x.code IN (${sql.join(codes)}))`
      : only
        ? sql`(1 = 0)`
        : sql`x.field = ${field}`,
  );
  return sql`(SELECT count(*) FROM org_codes x WHERE x.org_id = o.id
    AND (${sql.join(conds, sql` OR `)}))`;
}

const Q = 1048576; // 2^20: factor values are multiples of 2^-20 (factors.ts)
function quantize(store: Store, x: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(CASE WHEN ${x} > 1 THEN ${num(store, 1)} WHEN ${x} > 0
    THEN floor(${x} * ${num(store, Q)} + ${num(store, 0.5)}) / ${num(store, Q)}
    ELSE ${num(store, 0)} END)`;
}

export interface SqlHit {
  id: string;
  score: number;
}

/** The top `limit` of a compiled match, computed by the database. */
export async function sqlMatch(store: Store, ctx: MatchContext, limit: number): Promise<SqlHit[]> {
  const cells = cellsOf(ctx);
  const n = cells.length;
  const w = (i: number) => ctx.weights[i]!;
  const cols: RawBuilder<unknown>[] = [];
  const where: RawBuilder<unknown>[] = [];
  cells.forEach((cell, c) => {
    const tag = has(store, cell.tag);
    const top = has(store, cell.top);
    const des = has(store, cell.designations);
    const level =
      cell.kind === 'product'
        ? sql`CASE WHEN ${tag} AND ${top} THEN ${num(store, 1)} WHEN ${tag} AND ${des} THEN ${num(store, 0.75)}
            WHEN ${tag} OR ${des} THEN ${num(store, 0.5)} ELSE ${num(store, 0)} END`
        : sql`CASE WHEN ${top} THEN ${num(store, 1)} WHEN ${des} THEN ${num(store, 0.75)}
            WHEN ${tag} THEN ${num(store, 0.5)} ELSE ${num(store, 0)} END`;
    const served = { field: 'countries' as const, codes: [cell.country] };
    const region = { field: 'countries' as const, codes: cell.region };
    cols.push(sql`${level} AS l${sql.raw(String(c))}`);
    cols.push(
      sql`CASE WHEN ${has(store, served)} THEN ${num(store, 1)} WHEN ${has(store, region)}
        THEN ${num(store, 0.5)} ELSE ${num(store, 0)} END AS r${sql.raw(String(c))}`,
    );
    const evidence = [cell.tag, cell.designations, ...(cell.kind === 'product' ? [] : [cell.top])];
    const some = sql.join(
      evidence.map((e) => anyOf(store, e)),
      sql` OR `,
    );
    const reach = anyOf(store, { field: 'countries', codes: [cell.country, ...cell.region] });
    // A cell no evidence code or country exists for adds no candidate.
    where.push(sql`((${some}) AND ${reach})`);
  });
  const need = ctx.need;
  const opt = (field: CodedListField, code: string | undefined) =>
    code === undefined
      ? num(store, 0)
      : sql`CASE WHEN ${has(store, { field, codes: [code] })} THEN ${num(store, 1)} ELSE ${num(store, 0)} END`;
  cols.push(sql`${opt('languages', need.language)} AS lang`);
  cols.push(sql`${opt('industries', need.industry)} AS ind`);
  cols.push(sql`${sizeFit(store, ctx)} AS size`);
  if (ctx.offer !== null) {
    const kinds: Codes[] = [
      { field: 'services', codes: [...ctx.offer.services] },
      { field: 'solutionAreas', codes: [...ctx.offer.solutionAreas] },
    ];
    const places: Codes[] = [{ field: 'countries', codes: [...ctx.offer.countries] }];
    cols.push(sql`${count(store, kinds, false)} AS kinds, ${count(store, kinds, true)} AS sk`);
    cols.push(sql`${count(store, places, false)} AS places, ${count(store, places, true)} AS sp`);
  }
  const filters = [sql`(${sql.join(where, sql` OR `)})`];
  for (const d of need.requiredDesignations)
    filters.push(has(store, { field: 'designations', codes: [d] }));
  if (ctx.requesterId !== null) filters.push(sql`o.id <> ${ctx.requesterId}`);

  const term = (c: number, what: 'cap' | 'geo') => {
    const i = sql.raw(String(c));
    const wc = num(store, ctx.cellWeights[c]!);
    return what === 'cap'
      ? sql`(CASE WHEN l${i} > 0 AND r${i} > 0 THEN ${wc} * l${i} * r${i} ELSE ${num(store, 0)} END)`
      : sql`(CASE WHEN l${i} > 0 AND r${i} > 0 THEN ${wc} * r${i} ELSE ${num(store, 0)} END)`;
  };
  const sum = (what: 'cap' | 'geo') =>
    sql`(${sql.join(
      Array.from({ length: n }, (_, c) => term(c, what)),
      sql` + `,
    )}) / ${num(store, ctx.totalWeight)}`;
  const least = Math.max(1, need.minCapacity ?? 1);
  const overlap =
    ctx.offer === null
      ? num(store, 0)
      : sql`(CASE WHEN kinds = 0 OR places = 0 THEN ${num(store, 0)} ELSE
          (CAST(sk AS ${double(store)}) / kinds) * (CAST(sp AS ${double(store)}) / places) END)`;
  const values: [number, RawBuilder<unknown>][] = [
    [F.capability, quantize(store, sum('cap'))],
    [F.geography, quantize(store, sum('geo'))],
    [F.language, sql`lang`],
    [F.industry, sql`ind`],
    [F.customerSize, sql`size`],
    [F.capacity, quantize(store, sql`(CAST(cons AS ${double(store)}) / ${num(store, least)})`)],
    [F.teaming, sql`team`],
    [F.responsiveness, num(store, 0.5)],
    [F.partnership, num(store, 0)],
    [F.trust, num(store, 0.5)],
    [F.complementarity, quantize(store, overlap)],
  ];
  const valueCols = values.map(([i, v]) => sql`${v} AS v${sql.raw(String(i))}`);
  const score = sql.join(
    values.map(([i]) => sql`v${sql.raw(String(i))} * ${num(store, w(i))}`),
    sql` + `,
  );
  const eligible = [sql`v${sql.raw(String(F.capability))} > 0`];
  if (ctx.excludeCompetitors) {
    eligible.push(
      sql`v${sql.raw(String(F.complementarity))} < ${num(store, ctx.competitorOverlap)}`,
    );
  }
  const order =
    store.kind === 'postgres'
      ? sql`score DESC, name COLLATE "C", id COLLATE "C"`
      : sql`score DESC, name, id`;
  const rows = await sql<{ id: string; score: number }>`
    WITH c AS (
      SELECT o.id AS id, o.name AS name, o.capacity_consultants AS cons, o.teaming_open AS team,
        ${sql.join(cols, sql`, `)}
      FROM orgs o WHERE ${sql.join(filters, sql` AND `)}
    ), v AS (SELECT id, name, ${sql.join(valueCols, sql`, `)} FROM c)
    SELECT id, ${score} AS score FROM v WHERE ${sql.join(eligible, sql` AND `)}
    ORDER BY ${order} LIMIT ${limit}`.execute(store.db);
  return rows.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}

function sizeFit(store: Store, ctx: MatchContext): RawBuilder<unknown> {
  if (ctx.sizeIndex < 0) return num(store, 0);
  const near = (d: number) =>
    [...CUSTOMER_SIZE_INDEX].filter(([, i]) => Math.abs(i - ctx.sizeIndex) === d).map(([c]) => c);
  return sql`CASE WHEN ${has(store, { field: 'customerSizes', codes: near(0) })} THEN ${num(store, 1)}
    WHEN ${has(store, { field: 'customerSizes', codes: near(1) })} THEN ${num(store, 0.5)}
    ELSE ${num(store, 0)} END`;
}
