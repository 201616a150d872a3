// Directory search: the in-memory index against SQL on SQLite and PostgreSQL, at 500,000 orgs.
// Loads the demo ecosystem into a fresh SQLite file and a fresh PostgreSQL schema, builds the
// index from the store, runs a fixed seeded query mix (text + 1-4 filters + facets, top 20) on
// the index, and a subset of it as SQL on both stores, checking that the SQL answers equal the
// index's (total, facet counts, page ids in name order). Exits non-zero on any mismatch.
//   npm run bench:directory -- [--orgs N] [--queries N] [--sql-queries N] [--skip-postgres]
import { cpus, loadavg } from 'node:os';
import { streamIndexedOrgs } from '../src/db/repos/org-index.repo.ts';
import type { DirectoryPage, DirectoryQuery } from '../src/domain/directory/directory-query.ts';
import { createDirectoryIndex } from '../src/index/directory-index.ts';
import {
  flag,
  fmt,
  latency,
  mb,
  numberFlag,
  table,
  type Latency,
  BENCH_PG_URL,
} from './bench-stats.ts';
import {
  freshPostgres,
  freshSqlite,
  loadOrgs,
  preparePostgres,
  prepareSqlite,
  type BenchStore,
} from './directory-load.ts';
import { describeQuery, queryMix } from './directory-queries.ts';
import { sqlSearch, type SqlAnswer } from './directory-sql.ts';

const args = process.argv.slice(2);
const ORGS = numberFlag(args, 'orgs', 500_000);
const QUERIES = numberFlag(args, 'queries', 2_000);
const SQL_QUERIES = numberFlag(args, 'sql-queries', 60);
const SKIP_POSTGRES = flag(args, 'skip-postgres');
const PG_URL = BENCH_PG_URL;
const WARMUP = 300;
const QUERY_SEED = 7;

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const log = (line: string): void => console.log(line);

async function buildIndex(s: BenchStore) {
  gc();
  const before = process.memoryUsage();
  const index = createDirectoryIndex(ORGS);
  let upsertMs = 0;
  const start = performance.now();
  for await (const page of streamIndexedOrgs(s.store.db, s.store.kind)) {
    const t = performance.now();
    index.upsertMany(page.orgs);
    upsertMs += performance.now() - t;
  }
  const t = performance.now();
  index.search({ text: '', filters: {}, sort: 'name', limit: 1 }); // sorts and splits lazily
  const firstSearchMs = performance.now() - t;
  const buildMs = performance.now() - start;
  gc();
  const after = process.memoryUsage();
  const grew = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  return { index, buildMs, upsertMs, firstSearchMs, memory: after, indexBytes: grew };
}

interface Mismatch {
  engine: string;
  query: string;
  what: string;
}

function compare(
  engine: string,
  q: DirectoryQuery,
  want: DirectoryPage,
  got: SqlAnswer,
): Mismatch[] {
  const out: Mismatch[] = [];
  const query = describeQuery(q);
  if (got.total !== want.total)
    out.push({ engine, query, what: `total ${got.total} != ${want.total}` });
  for (const [field, counts] of Object.entries(want.facets)) {
    const mine = JSON.stringify(counts);
    const theirs = JSON.stringify(got.facets[field as keyof typeof got.facets]);
    if (mine !== theirs) out.push({ engine, query, what: `facet ${field}: ${theirs} != ${mine}` });
  }
  if (got.ids.join() !== want.ids.join()) out.push({ engine, query, what: 'page ids differ' });
  return out;
}

async function runSql(
  s: BenchStore,
  engine: string,
  subset: readonly DirectoryQuery[],
  answers: DirectoryPage[],
) {
  for (const q of subset.slice(0, 3)) await sqlSearch(s.store, q); // warm-up
  const ms: number[] = [];
  const mismatches: Mismatch[] = [];
  for (const [i, q] of subset.entries()) {
    const start = performance.now();
    const got = await sqlSearch(s.store, q);
    ms.push(performance.now() - start);
    mismatches.push(...compare(engine, q, answers[i]!, got));
  }
  return { latency: latency(ms), mismatches };
}

function latencyRow(name: string, l: Latency, base: Latency | null): string[] {
  const ratio = (x: number, y: number | undefined) => (y === undefined ? '1.0' : fmt(x / y, 1));
  return [
    name,
    String(l.count),
    fmt(l.p50),
    fmt(l.p95),
    fmt(l.p99),
    fmt(l.throughput, 0),
    ratio(l.p50, base?.p50),
    ratio(l.p95, base?.p95),
  ];
}

async function main(): Promise<void> {
  log(
    `directory bench: ${ORGS} orgs, ${QUERIES} index queries (+${WARMUP} warm-up), ` +
      `${SQL_QUERIES} SQL queries; node ${process.version}, ${cpus().length} CPUs, ` +
      `load average ${loadavg()
        .map((x) => fmt(x))
        .join(' ')}`,
  );
  const sqlite = await freshSqlite();
  const postgres = SKIP_POSTGRES ? null : await freshPostgres(PG_URL);
  const stores = postgres === null ? [sqlite] : [sqlite, postgres];
  try {
    const generateMs = await loadOrgs(ORGS, stores);
    log(
      `loaded: generate ${fmt(generateMs / 1000, 1)} s, sqlite ${fmt(sqlite.loadMs / 1000, 1)} s` +
        (postgres === null ? '' : `, postgres ${fmt(postgres.loadMs / 1000, 1)} s`),
    );
    await prepareSqlite(sqlite);
    if (postgres !== null) await preparePostgres(postgres);
    const built = await buildIndex(sqlite);
    const { index } = built;
    if (index.size !== ORGS) throw new Error(`index holds ${index.size} orgs, expected ${ORGS}`);
    log(`index built from the store in ${fmt(built.buildMs / 1000, 1)} s`);

    const mix = queryMix(WARMUP + QUERIES, QUERY_SEED);
    for (const q of mix.slice(0, WARMUP)) index.search(q);
    const measured = mix.slice(WARMUP);
    const times = measured.map((q) => {
      const start = performance.now();
      index.search(q);
      return performance.now() - start;
    });
    const indexAll = latency(times);

    // The SQL subset: the first queries of the measured mix, in name order (comparable page ids).
    const subset = measured.slice(0, SQL_QUERIES).map((q) => ({ ...q, sort: 'name' as const }));
    const subsetMs: number[] = [];
    const answers = subset.map((q) => {
      const start = performance.now();
      const page = index.search(q);
      subsetMs.push(performance.now() - start);
      return page;
    });
    const indexSubset = latency(subsetMs);
    const sqliteRun = await runSql(sqlite, 'sqlite', subset, answers);
    const pgRun = postgres === null ? null : await runSql(postgres, 'postgres', subset, answers);

    log('');
    log(
      table(
        ['engine', 'queries', 'p50 ms', 'p95 ms', 'p99 ms', 'q/s', 'p50 x idx', 'p95 x idx'],
        [
          latencyRow('index (full mix)', indexAll, null),
          latencyRow('index (SQL subset)', indexSubset, null),
          latencyRow('sqlite (SQL subset)', sqliteRun.latency, indexSubset),
          ...(pgRun === null
            ? []
            : [latencyRow('postgres (SQL subset)', pgRun.latency, indexSubset)]),
        ],
      ),
    );
    log('');
    const m = built.memory;
    log(
      table(
        ['step', 'value'],
        [
          ['generate orgs', `${fmt(generateMs / 1000, 1)} s`],
          ['load sqlite (insertOrgs)', `${fmt(sqlite.loadMs / 1000, 1)} s`],
          ['sqlite bench indexes (name key, FTS5)', `${fmt(sqlite.ddlMs / 1000, 1)} s`],
          ...(postgres === null
            ? []
            : [
                ['load postgres (insertOrgs)', `${fmt(postgres.loadMs / 1000, 1)} s`],
                [
                  'postgres bench indexes (name key, GIN tsvector)',
                  `${fmt(postgres.ddlMs / 1000, 1)} s`,
                ],
              ]),
          [
            'index build from sqlite (streamIndexedOrgs + upsertMany, as at start-up)',
            `${fmt(built.buildMs / 1000, 1)} s`,
          ],
          ['  of which index upserts', `${fmt(built.upsertMs / 1000, 1)} s`],
          [
            '  of which first search (sort orders, facet splits)',
            `${fmt(built.firstSearchMs / 1000, 2)} s`,
          ],
          ['RSS after build', `${mb(m.rss)} MB`],
          ['heap used after build', `${mb(m.heapUsed)} MB`],
          ['array buffers after build', `${mb(m.arrayBuffers)} MB`],
          ['index (heap + buffers grown during build)', `${mb(built.indexBytes)} MB`],
        ],
      ),
    );
    log('');
    log('slowest index queries (ms, total, query):');
    measured
      .map((q, i) => ({ q, ms: times[i]! }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .forEach(({ q, ms }) => log(`  ${fmt(ms)}  ${index.search(q).total}  ${describeQuery(q)}`));
    log(
      `load average at the end: ${loadavg()
        .map((x) => fmt(x))
        .join(' ')}`,
    );

    const mismatches = [...sqliteRun.mismatches, ...(pgRun?.mismatches ?? [])];
    if (mismatches.length > 0) {
      log(`\n${mismatches.length} MISMATCHES between SQL and the index:`);
      for (const x of mismatches.slice(0, 40)) log(`  ${x.engine}: ${x.query}: ${x.what}`);
      process.exitCode = 1;
    } else {
      log(
        `\nSQL answers equal the index's on all ${subset.length} queries` +
          ` (${postgres === null ? 'sqlite' : 'sqlite and postgres'}).`,
      );
    }
  } finally {
    for (const s of stores) await s.dispose();
  }
}

await main();
