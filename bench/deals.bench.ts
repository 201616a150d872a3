// Deal flow on SQLite and PostgreSQL, through the service layer:
//  1. create + transition throughput (refer, accept, advance the stage, win: the win books the
//     fee and the report's facts in its transaction), with the app's durability settings;
//  2. the inbox of an org with 10,000 referrals (p95 goal 20 ms);
//  3. the association report over 1,000,000 won referrals (goal 500 ms), against the naive
//     GROUP BY over every fact row as the baseline.
//   npm run bench:deals -- [--referrals N] [--transitions N] [--inbox N] [--runs N] [--skip-postgres]
import { cpus, loadavg } from 'node:os';
import { changeReferral, createReferral } from '../src/services/referrals.service.ts';
import { inbox } from '../src/services/inbox.service.ts';
import { p2pReport } from '../src/services/p2p-report.service.ts';
import {
  flag,
  fmt,
  latency,
  mb,
  numberFlag,
  table,
  timed,
  type Latency,
  BENCH_PG_URL,
} from './bench-stats.ts';
import {
  loadInbox,
  loadReportFacts,
  parties,
  postgresStore,
  rawMonthReport,
  sqliteStore,
  type BenchStore,
  type Parties,
} from './deals-setup.ts';

const args = process.argv.slice(2);
const REFERRALS = numberFlag(args, 'referrals', 1_000_000);
const TRANSITION_REFERRALS = numberFlag(args, 'transitions', 400);
const INBOX = numberFlag(args, 'inbox', 10_000);
const RUNS = numberFlag(args, 'runs', 30);
const SKIP_POSTGRES = flag(args, 'skip-postgres');
// The app runs SQLite with synchronous = FULL (a commit is on disk before it is acknowledged);
// --sqlite-normal measures WAL's NORMAL level, which skips the fsync per commit.
const SQLITE_SYNC = flag(args, 'sqlite-normal') ? 'normal' : 'full';
const PG_URL = BENCH_PG_URL;
const meta = { requestId: null };
const log = (line: string): void => console.log(line);

interface Flow {
  create: Latency;
  transition: Latency;
  /** The win alone: it also books the fee and the report's facts. */
  win: Latency;
  createPerSec: number;
  transitionsPerSec: number;
}

/** Each referral: created by the sender, accepted, moved to Proposed, won by the receiver. */
async function flow(b: BenchStore, p: Parties): Promise<Flow> {
  const creates: number[] = [];
  const moves: number[] = [];
  const wins: number[] = [];
  let createWall = 0;
  let moveWall = 0;
  for (let i = 0; i < TRANSITION_REFERRALS; i++) {
    const c = await timed(() =>
      createReferral(b.deps, p.sender, meta, {
        opportunityId: p.opportunityIds[i % p.opportunityIds.length]!,
        toOrgId: p.receiver.orgId,
        arrangementType: 'referral',
        estimatedCloseDate: '2027-06-30',
        inviteeValue: { amount: 4_000_000, currency: 'EUR' },
      }),
    );
    creates.push(c.ms);
    createWall += c.ms;
    const id = c.value.id;
    const steps = [
      { status: 'Active', substatus: 'Accepted' },
      { status: 'Active', substatus: 'Accepted', stage: 'Proposed' },
      { status: 'Closed', substatus: 'Won', value: { amount: 4_512_345, currency: 'EUR' } },
    ] as const;
    let version = 1;
    for (const step of steps) {
      const m = await timed(() =>
        changeReferral(b.deps, p.receiver, meta, id, { ...step }, version),
      );
      version = m.value.version;
      moves.push(m.ms);
      if (step.status === 'Closed') wins.push(m.ms);
      moveWall += m.ms;
    }
  }
  return {
    create: latency(creates),
    transition: latency(moves),
    win: latency(wins),
    createPerSec: (1000 * creates.length) / createWall,
    transitionsPerSec: (1000 * moves.length) / moveWall,
  };
}

async function inboxLatency(b: BenchStore, p: Parties): Promise<Latency> {
  for (let i = 0; i < 5; i++) await inbox(b.deps, p.sender, { limit: 50 }); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS * 5; i++) {
    ms.push((await timed(() => inbox(b.deps, p.sender, { limit: 50 }))).ms);
  }
  return latency(ms);
}

interface ReportFigures {
  loadMs: number;
  rollupMs: number;
  byGroup: Record<'month' | 'country' | 'solutionArea', Latency>;
  baseline: Latency;
}

async function reportLatency(b: BenchStore): Promise<ReportFigures> {
  const { loadMs, rollupMs } = await loadReportFacts(b, REFERRALS);
  const byGroup = {} as ReportFigures['byGroup'];
  for (const groupBy of ['month', 'country', 'solutionArea'] as const) {
    const q = { groupBy, from: '2024-11-28', to: '2026-11-27', currency: 'EUR' };
    await p2pReport(b.deps, q); // warm-up
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) ms.push((await timed(() => p2pReport(b.deps, q))).ms);
    byGroup[groupBy] = latency(ms);
  }
  const base: number[] = [];
  for (let i = 0; i < Math.max(3, Math.floor(RUNS / 10)); i++) {
    base.push((await timed(() => rawMonthReport(b, '2024-11-28', '2026-11-28'))).ms);
  }
  return { loadMs, rollupMs, byGroup, baseline: latency(base) };
}

interface EngineResult {
  kind: string;
  flow: Flow;
  inbox: Latency;
  report: ReportFigures;
  rssMb: string;
}

async function runEngine(open: () => Promise<BenchStore>): Promise<EngineResult> {
  const b = await open();
  try {
    const label = b.kind === 'sqlite' ? `sqlite (synchronous ${SQLITE_SYNC})` : b.kind;
    log(`\n[${label}] set-up: two partnered orgs, a 10 % referral agreement`);
    const p = await parties(b.deps, 20);
    log(`[${label}] flow: ${TRANSITION_REFERRALS} referrals x (create + 3 transitions)`);
    const f = await flow(b, p);
    log(`[${label}] inbox: loading ${INBOX.toLocaleString('en-US')} referrals of one org`);
    await loadInbox(b, p, INBOX);
    const ib = await inboxLatency(b, p);
    log(`[${label}] report: loading ${REFERRALS.toLocaleString('en-US')} won referrals (SQL)`);
    const r = await reportLatency(b);
    return { kind: label, flow: f, inbox: ib, report: r, rssMb: mb(process.memoryUsage().rss) };
  } finally {
    await b.dispose();
  }
}

const ms = (x: number) => fmt(x, 2);

function print(results: readonly EngineResult[]): void {
  const col = (f: (r: EngineResult) => string) => results.map(f);
  const heads = ['figure', ...results.map((r) => r.kind), 'goal'];
  const rows: string[][] = [
    [
      'create referral p50 / p95 ms',
      ...col((r) => `${ms(r.flow.create.p50)} / ${ms(r.flow.create.p95)}`),
      '',
    ],
    ['creates / s', ...col((r) => fmt(r.flow.createPerSec, 0)), ''],
    [
      'transition p50 / p95 / p99 ms',
      ...col(
        (r) =>
          `${ms(r.flow.transition.p50)} / ${ms(r.flow.transition.p95)} / ${ms(r.flow.transition.p99)}`,
      ),
      '',
    ],
    [
      'of which win (+ fee, report facts) p50 / p95 ms',
      ...col((r) => `${ms(r.flow.win.p50)} / ${ms(r.flow.win.p95)}`),
      '',
    ],
    ['transitions / s', ...col((r) => fmt(r.flow.transitionsPerSec, 0)), '>= 1000 (SQLite)'],
    [
      `inbox (${INBOX.toLocaleString('en-US')} referrals) p50 / p95 / p99 ms`,
      ...col((r) => `${ms(r.inbox.p50)} / ${ms(r.inbox.p95)} / ${ms(r.inbox.p99)}`),
      'p95 <= 20',
    ],
    ['inbox pages / s', ...col((r) => fmt(r.inbox.throughput, 0)), ''],
    [
      `report facts load (${REFERRALS.toLocaleString('en-US')}) s`,
      ...col((r) => fmt(r.report.loadMs / 1000, 1)),
      '',
    ],
    ['report roll-up rebuild s', ...col((r) => fmt(r.report.rollupMs / 1000, 1)), ''],
  ];
  for (const g of ['month', 'country', 'solutionArea'] as const) {
    rows.push([
      `report by ${g} p50 / p95 ms`,
      ...col((r) => `${ms(r.report.byGroup[g].p50)} / ${ms(r.report.byGroup[g].p95)}`),
      '<= 500',
    ]);
  }
  rows.push([
    'baseline: raw GROUP BY by month p50 ms',
    ...col((r) => ms(r.report.baseline.p50)),
    '',
  ]);
  rows.push([
    'ratio baseline / report (month)',
    ...col((r) => `${fmt(r.report.baseline.p50 / r.report.byGroup.month.p50, 1)}x`),
    '',
  ]);
  rows.push(['process RSS MB (after)', ...col((r) => r.rssMb), '']);
  log(`\n${table(heads, rows)}`);
}

log(
  `deals bench: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}, node ${process.version}`,
);
const results: EngineResult[] = [await runEngine(() => sqliteStore(SQLITE_SYNC))];
if (!SKIP_POSTGRES) results.push(await runEngine(() => postgresStore(PG_URL)));
print(results);
