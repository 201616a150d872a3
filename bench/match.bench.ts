// Matchmaking at 500,000 orgs: the in-memory index (match top 20, team formation for 8 cells)
// against the same match as one SQL query on SQLite and PostgreSQL, every answer checked against a
// brute-force reference (every generated org scored with the domain functions). Exits non-zero on
// any disagreement.
//   npm run bench:match -- [--orgs N] [--queries N] [--team-queries N] [--sql-queries N]
//                          [--skip-postgres] [--skip-sql]
import { cpus, loadavg } from 'node:os';
import { generateOrgs } from '../src/domain/demo/generate-orgs.ts';
import type { IndexedOrg } from '../src/domain/directory/directory-query.ts';
import { toIndexedOrg } from '../src/domain/directory/to-indexed-org.ts';
import { compileMatch, type MatchContext } from '../src/domain/matching/match-context.ts';
import { NO_SIGNALS } from '../src/domain/matching/match-searcher.ts';
import { isEligible, scoreInto } from '../src/domain/matching/match-score.ts';
import { toNeed } from '../src/domain/matching/need.ts';
import { compareText } from '../src/domain/matching/rank-candidates.ts';
import { formTeam } from '../src/domain/matching/team-formation.ts';
import { SHORTLIST_PER_CELL } from '../src/domain/matching/team-heuristic.ts';
import { createDirectoryIndex } from '../src/index/directory-index.ts';
import { loadDirectory } from '../src/services/directory.service.ts';
import type { ServiceDeps } from '../src/services/deps.ts';
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
  BENCH_SEED,
  freshPostgres,
  freshSqlite,
  loadOrgs,
  type BenchStore,
} from './directory-load.ts';
import { describeNeed, matchMix, teamMix, type BenchQuery } from './match-queries.ts';
import { prepareMatchPostgres, prepareMatchSqlite, sqlMatch, type SqlHit } from './match-sql.ts';

const args = process.argv.slice(2);
const ORGS = numberFlag(args, 'orgs', 500_000);
const QUERIES = numberFlag(args, 'queries', 1_000);
const TEAM_QUERIES = numberFlag(args, 'team-queries', 200);
const SQL_QUERIES = numberFlag(args, 'sql-queries', 20);
const SKIP_SQL = flag(args, 'skip-sql');
const SKIP_POSTGRES = SKIP_SQL || flag(args, 'skip-postgres');
const PG_URL = BENCH_PG_URL;
const LIMIT = 20;
const WARMUP = 100;
const TARGETS = { matchP95: 10, teamP95: 50, buildS: 5, rssMb: 1024 };

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const log = (line: string): void => console.log(line);

const ctxOf = (q: BenchQuery): MatchContext =>
  compileMatch(toNeed(q.need), q.requester, { excludeCompetitors: q.excludeCompetitors });

async function buildIndex(sqlite: BenchStore | null) {
  gc();
  const start = performance.now();
  const directory = createDirectoryIndex(ORGS);
  let upsertMs = 0;
  const upsert = (page: IndexedOrg[]) => {
    const t = performance.now();
    directory.upsertMany(page);
    upsertMs += performance.now() - t;
  };
  if (sqlite !== null) {
    const deps = { db: sqlite.store.db, storeKind: 'sqlite', directory, now: () => new Date() };
    await loadDirectory(deps as ServiceDeps);
  } else {
    let page: IndexedOrg[] = [];
    for (const { id, profile } of generateOrgs({ count: ORGS, seed: BENCH_SEED })) {
      page.push(toIndexedOrg({ ...profile, id, version: 1 }));
      if (page.length === 5000) {
        upsert(page);
        page = [];
      }
    }
    upsert(page);
  }
  const buildMs = sqlite === null ? upsertMs : performance.now() - start;
  gc();
  return { index: directory, buildMs, memory: process.memoryUsage() };
}

/** Wall and CPU milliseconds of each run. */
function measure<T>(items: readonly T[], run: (item: T) => void) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const item of items) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run(item);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: latency(wall), cpu: latency(cpu) };
}

interface Ranked {
  id: string;
  name: string;
  score: number;
}

/** Brute force: every generated org scored with the domain functions, top `LIMIT` per query. */
function bruteForce(ctxs: readonly MatchContext[]): Ranked[][] {
  const tops: Ranked[][] = ctxs.map(() => []);
  const better = (a: Ranked, b: Ranked) =>
    b.score - a.score || compareText(a.name, b.name) || compareText(a.id, b.id);
  for (const { id, profile } of generateOrgs({ count: ORGS, seed: BENCH_SEED })) {
    const org = { ...profile, id };
    ctxs.forEach((ctx, k) => {
      const score = scoreInto(ctx, org);
      if (!isEligible(ctx, org)) return;
      const top = tops[k]!;
      const entry = { id, name: org.name, score };
      if (top.length === LIMIT && better(entry, top[LIMIT - 1]!) >= 0) return;
      top.push(entry);
      top.sort(better);
      if (top.length > LIMIT) top.pop();
    });
  }
  return tops;
}

function sameHits(a: readonly { id: string; score: number }[], b: readonly Ranked[]): boolean {
  return (
    a.length === b.length &&
    a.every((h, i) => h.id === b[i]!.id && Math.abs(h.score - b[i]!.score) < 1e-9)
  );
}

async function runSql(store: BenchStore, ctxs: readonly MatchContext[]) {
  await sqlMatch(store.store, ctxs[0]!, LIMIT); // warm-up
  const ms: number[] = [];
  const answers: SqlHit[][] = [];
  for (const ctx of ctxs) {
    const t0 = performance.now();
    answers.push(await sqlMatch(store.store, ctx, LIMIT));
    ms.push(performance.now() - t0);
  }
  return { latency: latency(ms), answers };
}

function row(name: string, l: Latency, base: Latency | null, target = ''): string[] {
  const ratio = (x: number, y: number | undefined) => (y === undefined ? '' : fmt(x / y, 1));
  return [
    name,
    String(l.count),
    fmt(l.p50),
    fmt(l.p95),
    fmt(l.p99),
    fmt(l.throughput, 0),
    ratio(l.p50, base?.p50),
    ratio(l.p95, base?.p95),
    target,
  ];
}

async function main(): Promise<void> {
  log(
    `match bench: ${ORGS} orgs, ${QUERIES} matches, ${TEAM_QUERIES} teams of 8 cells, ` +
      `${SQL_QUERIES} checked against brute force${SKIP_SQL ? '' : ' and SQL'}; node ${process.version}, ` +
      `${cpus().length} CPUs, load average ${loadavg()
        .map((x) => fmt(x))
        .join(' ')}`,
  );
  const sqlite = SKIP_SQL ? null : await freshSqlite();
  const postgres = SKIP_POSTGRES ? null : await freshPostgres(PG_URL);
  const stores = [sqlite, postgres].filter((s): s is BenchStore => s !== null);
  try {
    const generateMs = stores.length > 0 ? await loadOrgs(ORGS, stores) : 0;
    const ddl = {
      sqlite: sqlite === null ? 0 : await prepareMatchSqlite(sqlite.store),
      postgres: postgres === null ? 0 : await prepareMatchPostgres(postgres.store),
    };
    const built = await buildIndex(sqlite);
    const { index } = built;
    if (index.size !== ORGS) throw new Error(`index holds ${index.size} orgs, expected ${ORGS}`);
    log(`index built in ${fmt(built.buildMs / 1000, 1)} s`);

    const matches = matchMix(WARMUP + QUERIES, 11, BENCH_SEED, ORGS).map(ctxOf);
    const teams = teamMix(WARMUP / 4 + TEAM_QUERIES, 12, BENCH_SEED, ORGS).map(ctxOf);
    const match = (ctx: MatchContext) => index.match({ ctx, signals: NO_SIGNALS, limit: LIMIT });
    const team = (ctx: MatchContext) => {
      const perCell = SHORTLIST_PER_CELL;
      formTeam(ctx.need, index.teamPool({ ctx, signals: NO_SIGNALS, limit: 0, perCell }));
    };
    matches.slice(0, WARMUP).forEach(match);
    teams.slice(0, WARMUP / 4).forEach(team);
    const measured = matches.slice(WARMUP);
    const m = measure(measured, match);
    const t = measure(teams.slice(WARMUP / 4), team);

    const checked = measured.slice(0, SQL_QUERIES);
    const t0 = performance.now();
    const reference = bruteForce(checked);
    const bruteMs = performance.now() - t0;
    const mismatches: string[] = [];
    checked.forEach((ctx, k) => {
      if (!sameHits(match(ctx).hits, reference[k]!)) mismatches.push(`index: query ${k}`);
    });
    const sqliteRun = sqlite === null ? null : await runSql(sqlite, checked);
    const pgRun = postgres === null ? null : await runSql(postgres, checked);
    for (const [engine, run] of [
      ['sqlite', sqliteRun],
      ['postgres', pgRun],
    ] as const) {
      run?.answers.forEach((a, k) => {
        if (!sameHits(a, reference[k]!)) mismatches.push(`${engine}: query ${k}`);
      });
    }
    const indexSubset = measure(checked, match);

    log('');
    log(
      table(
        [
          'operation',
          'runs',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'per s',
          'p50 x idx',
          'p95 x idx',
          'target',
        ],
        [
          row('index match top 20 (wall)', m.wall, null, `p95 <= ${TARGETS.matchP95}`),
          row('index match top 20 (CPU)', m.cpu, null),
          row('index team, 8 cells (wall)', t.wall, null, `p95 <= ${TARGETS.teamP95}`),
          row('index team, 8 cells (CPU)', t.cpu, null),
          row('index match, SQL subset', indexSubset.wall, null),
          ...(sqliteRun === null
            ? []
            : [row('sqlite match, one query', sqliteRun.latency, indexSubset.wall)]),
          ...(pgRun === null
            ? []
            : [row('postgres match, one query', pgRun.latency, indexSubset.wall)]),
        ],
      ),
    );
    log('');
    const mem = built.memory;
    log(
      table(
        ['step', 'value', 'target'],
        [
          ['generate orgs', `${fmt(generateMs / 1000, 1)} s`, ''],
          ...(sqlite === null ? [] : [['load sqlite', `${fmt(sqlite.loadMs / 1000, 1)} s`, '']]),
          ...(postgres === null
            ? []
            : [
                ['load postgres', `${fmt(postgres.loadMs / 1000, 1)} s`, ''],
                ['postgres codes text[] + GIN', `${fmt(ddl.postgres / 1000, 1)} s`, ''],
              ]),
          [
            sqlite === null
              ? 'index build (upserts of generated orgs)'
              : 'index build from sqlite (loadDirectory)',
            `${fmt(built.buildMs / 1000, 1)} s`,
            `<= ${TARGETS.buildS} s`,
          ],
          ['RSS after build', `${mb(mem.rss)} MB`, `<= ${TARGETS.rssMb} MB`],
          ['heap used after build', `${mb(mem.heapUsed)} MB`, ''],
          ['array buffers after build', `${mb(mem.arrayBuffers)} MB`, ''],
          [
            'brute-force reference (one pass, all checked queries)',
            `${fmt(bruteMs / 1000, 1)} s`,
            '',
          ],
        ],
      ),
    );
    log('');
    log('slowest index matches (ms, total, need):');
    const slow = matchMix(WARMUP + QUERIES, 11, BENCH_SEED, ORGS).slice(WARMUP);
    measured
      .map((ctx, i) => {
        const s = performance.now();
        const page = match(ctx);
        return { i, ms: performance.now() - s, total: page.total };
      })
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .forEach(({ i, ms, total }) => log(`  ${fmt(ms)}  ${total}  ${describeNeed(slow[i]!)}`));
    log(
      `load average at the end: ${loadavg()
        .map((x) => fmt(x))
        .join(' ')}`,
    );
    if (mismatches.length > 0) {
      log(
        `\n${mismatches.length} MISMATCHES with the brute-force reference: ${mismatches.join(', ')}`,
      );
      process.exitCode = 1;
    } else {
      const engines = [
        'index',
        ...(sqliteRun === null ? [] : ['sqlite']),
        ...(pgRun === null ? [] : ['postgres']),
      ];
      log(
        `\nTop ${LIMIT} equal the brute-force reference on all ${checked.length} checked queries (${engines.join(', ')}).`,
      );
    }
  } finally {
    for (const s of stores) await s.dispose();
  }
}

await main();
