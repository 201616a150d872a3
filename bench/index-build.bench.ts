// Directory index build at start-up, old path against new, from SQLite and PostgreSQL.
//   old: streamOrgs (full rows + ~20 org_codes rows per org) -> toIndexedOrg -> upsert per org
//   new: streamIndexedOrgs (lean columns + orgs.index_codes) -> upsertMany (what loadDirectory runs)
// Each build ends with the first search (which sorts the orders). Wall and CPU time are printed:
// on a shared machine wall time includes waiting for a core.
//   npm run bench:index-build -- [--orgs N] [--sqlite-file F] [--pg-orgs N] [--skip-postgres] [--skip-old]
// --sqlite-file reuses (or creates and keeps) a SQLite file holding the first N demo orgs: loading
// 500,000 takes minutes. The PostgreSQL schema is fresh each run, with --pg-orgs orgs (default N).
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { openSqlite, type Store } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { streamIndexedOrgs } from '../src/db/repos/org-index.repo.ts';
import { countOrgs, streamOrgs } from '../src/db/repos/orgs.repo.ts';
import type { DirectoryQuery } from '../src/domain/directory/directory-query.ts';
import { toIndexedOrg } from '../src/domain/directory/to-indexed-org.ts';
import { createDirectoryIndex } from '../src/index/directory-index.ts';
import { flag, fmt, mb, numberFlag, table, BENCH_PG_URL } from './bench-stats.ts';
import { freshPostgres, freshSqlite, loadOrgs, type BenchStore } from './directory-load.ts';

const args = process.argv.slice(2);
const ORGS = numberFlag(args, 'orgs', 500_000);
const PG_ORGS = numberFlag(args, 'pg-orgs', ORGS);
const SQLITE_FILE = args[args.indexOf('--sqlite-file') + 1];
const SKIP_POSTGRES = flag(args, 'skip-postgres');
const SKIP_OLD = flag(args, 'skip-old');
const PG_URL = BENCH_PG_URL;

const log = (line: string): void => console.log(line);
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

type Index = ReturnType<typeof createDirectoryIndex>;
interface Build {
  index: Index;
  wallMs: number;
  cpuMs: number;
  rss: number;
}

const CHECKS: DirectoryQuery[] = [
  { text: '', filters: {}, sort: 'name', limit: 20 },
  { text: 'azure migration', filters: { countries: ['DE'] }, sort: 'relevance', limit: 20 },
  { text: 'data', filters: { services: ['ManagedServices'] }, sort: 'size', limit: 20 },
];

async function measure(fill: (index: Index) => Promise<void>): Promise<Build> {
  gc();
  const c0 = cpuMs();
  const t0 = performance.now();
  const index = createDirectoryIndex();
  await fill(index);
  index.search({ text: '', filters: {}, sort: 'name', limit: 1 }); // sorts the orders
  const build = { index, wallMs: performance.now() - t0, cpuMs: cpuMs() - c0, rss: 0 };
  gc();
  build.rss = process.memoryUsage().rss;
  return build;
}

const oldPath = (store: Store) =>
  measure(async (index) => {
    for await (const page of streamOrgs(store.db))
      for (const org of page) index.upsert(toIndexedOrg(org));
  });

const newPath = (store: Store) =>
  measure(async (index) => {
    for await (const page of streamIndexedOrgs(store.db, store.kind)) index.upsertMany(page.orgs);
  });

async function sqliteStore(): Promise<{
  store: Store;
  note: string;
  dispose: () => Promise<void>;
}> {
  if (SQLITE_FILE === undefined || args.indexOf('--sqlite-file') < 0) {
    const s = await freshSqlite();
    await loadOrgs(ORGS, [s]);
    return {
      store: s.store,
      note: `fresh file, loaded in ${fmt(s.loadMs / 1000, 1)} s`,
      dispose: () => s.dispose(),
    };
  }
  const existed = existsSync(SQLITE_FILE);
  const store = openSqlite(SQLITE_FILE);
  const t0 = performance.now();
  const { applied } = await migrateToLatest(store.db, store.kind);
  const migrated = `migrated ${applied.join(', ') || 'nothing'} in ${fmt((performance.now() - t0) / 1000, 1)} s`;
  if (!existed || (await countOrgs(store.db)) === 0) {
    const s: BenchStore = { store, loadMs: 0, ddlMs: 0, dispose: () => store.close() };
    store.sqlite!.pragma('synchronous = OFF');
    await loadOrgs(ORGS, [s]);
    return {
      store,
      note: `${SQLITE_FILE}: loaded in ${fmt(s.loadMs / 1000, 1)} s`,
      dispose: () => s.dispose(),
    };
  }
  return { store, note: `${SQLITE_FILE}: reused, ${migrated}`, dispose: () => store.close() };
}

function same(a: Index, b: Index): boolean {
  return CHECKS.every((q) => JSON.stringify(a.search(q)) === JSON.stringify(b.search(q)));
}

async function run(name: string, store: Store, rows: string[][]): Promise<void> {
  const orgs = await countOrgs(store.db);
  const fresh = await newPath(store);
  let ratio = '';
  if (!SKIP_OLD) {
    const old = await oldPath(store);
    if (!same(old.index, fresh.index))
      throw new Error(`${name}: old and new index answer differently`);
    rows.push([
      name,
      'old',
      String(orgs),
      fmt(old.wallMs / 1000),
      fmt(old.cpuMs / 1000),
      mb(old.rss),
      '1.0',
    ]);
    ratio = fmt(old.wallMs / fresh.wallMs, 1);
  }
  rows.push([
    name,
    'new',
    String(orgs),
    fmt(fresh.wallMs / 1000),
    fmt(fresh.cpuMs / 1000),
    mb(fresh.rss),
    ratio,
  ]);
}

async function main(): Promise<void> {
  const load = () =>
    loadavg()
      .map((x) => fmt(x))
      .join(' ');
  log(
    `index build bench: ${ORGS} orgs; node ${process.version}, ${cpus().length} CPUs, load ${load()}`,
  );
  const rows: string[][] = [];
  const sqlite = await sqliteStore();
  log(`sqlite: ${sqlite.note}`);
  try {
    await run('sqlite', sqlite.store, rows);
  } finally {
    await sqlite.dispose();
  }
  if (!SKIP_POSTGRES) {
    const pgStore = await freshPostgres(PG_URL);
    try {
      await loadOrgs(PG_ORGS, [pgStore]);
      log(`postgres: fresh schema, ${PG_ORGS} orgs loaded in ${fmt(pgStore.loadMs / 1000, 1)} s`);
      await run('postgres', pgStore.store, rows);
    } finally {
      await pgStore.dispose();
    }
  }
  log('');
  log(table(['store', 'path', 'orgs', 'wall s', 'cpu s', 'RSS MB', 'old/new wall'], rows));
  log(`load average at the end: ${load()}`);
}

await main();
