// Set-up for the deal-flow benchmark: fresh stores with the app's own durability settings, two
// partnered orgs with an accepted 10 % referral agreement (through the services), and bulk
// loads for the inbox (referral rows) and the association report (won-referral facts, generated
// in SQL, then rolled up by the same SQL the app uses to rebuild its roll-ups).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openPostgres, openSqlite, type Store } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { rebuildRollups } from '../src/db/repos/p2p-report.repo.ts';
import { insertReferral } from '../src/db/repos/referrals.repo.ts';
import type { Referral } from '../src/domain/deals/referral.ts';
import { createDirectoryIndex } from '../src/index/directory-index.ts';
import { acceptAgreementVersion, createAgreement } from '../src/services/agreements.service.ts';
import { signup } from '../src/services/auth.service.ts';
import type { Actor, ServiceDeps } from '../src/services/deps.ts';
import { createOpportunity } from '../src/services/opportunities.service.ts';
import { actOnPartnership, requestPartnership } from '../src/services/partnerships.service.ts';

export interface BenchStore {
  kind: 'sqlite' | 'postgres';
  store: Store;
  deps: ServiceDeps;
  dispose(): Promise<void>;
}

const depsOf = (store: Store): ServiceDeps => ({
  db: store.db,
  storeKind: store.kind,
  directory: createDirectoryIndex(),
  now: () => new Date(),
});

/** A SQLite file with the app's settings (WAL, synchronous = FULL), or another synchronous level. */
export async function sqliteStore(synchronous: 'full' | 'normal' = 'full'): Promise<BenchStore> {
  const dir = mkdtempSync(join(tmpdir(), 'circles-deals-bench-'));
  const store = openSqlite(join(dir, 'bench.db'), synchronous);
  await migrateToLatest(store.db, store.kind);
  return {
    kind: 'sqlite',
    store,
    deps: depsOf(store),
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function admin(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** A fresh schema with the app's pool and default durability (synchronous_commit on). */
export async function postgresStore(url: string): Promise<BenchStore> {
  const schema = `bench_deals_${randomBytes(5).toString('hex')}`;
  await admin(url, `CREATE SCHEMA ${schema}`);
  const store = openPostgres(url, { schema, max: 10 });
  await migrateToLatest(store.db, store.kind);
  return {
    kind: 'postgres',
    store,
    deps: depsOf(store),
    dispose: async () => {
      await store.close();
      await admin(url, `DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

const meta = { requestId: null };

async function newOrg(deps: ServiceDeps, name: string, country: string): Promise<Actor> {
  const s = await signup(
    deps,
    {
      email: `${name.toLowerCase().replaceAll(' ', '-')}-${randomUUID()}@example.com`,
      password: 'correct horse battery',
      name,
      organization: {
        name: `${name} ${randomUUID().slice(0, 8)}`,
        hqCountry: country,
        website: null,
      },
    },
    { sessionHours: 1 },
    meta,
  );
  return {
    userId: s.user.id,
    orgId: s.organization.id,
    role: 'owner',
    tokenId: null,
    sessionId: null,
  };
}

export interface Parties {
  sender: Actor;
  receiver: Actor;
  opportunityIds: string[];
}

/** Two partnered orgs (DE, FR), an accepted referral agreement at 10 %, and some opportunities. */
export async function parties(deps: ServiceDeps, opportunities: number): Promise<Parties> {
  const sender = await newOrg(deps, 'Bench Sender', 'DE');
  const receiver = await newOrg(deps, 'Bench Receiver', 'FR');
  const p = await requestPartnership(deps, sender, meta, receiver.orgId);
  await actOnPartnership(deps, receiver, meta, p.id, 'accept');
  const a = await createAgreement(deps, sender, meta, {
    partnershipId: p.id,
    type: 'referral',
    terms: { fee: { basis: 'percent-of-revenue', rate: 1000 }, currency: 'EUR' },
  });
  await acceptAgreementVersion(deps, receiver, meta, a.id, 1);
  const opportunityIds: string[] = [];
  for (let i = 0; i < opportunities; i++) {
    const o = await createOpportunity(deps, sender, meta, {
      description: `Bench opportunity ${i}`,
      cells: [{ kind: 'solutionArea', code: 'ModernWork', country: 'DE' }],
      customerName: `Customer ${i}`,
      customerDomain: `customer-${i}.example.com`,
      hideCustomer: false,
      value: { amount: 5_000_000, currency: 'EUR' },
      expectedCloseDate: '2027-06-30',
      visibility: 'network',
    });
    opportunityIds.push(o.id);
  }
  return { sender, receiver, opportunityIds };
}

const STATES = [
  { status: 'New', substatus: 'Received', stage: 'Created' },
  { status: 'Active', substatus: 'Accepted', stage: 'Qualified' },
  { status: 'Closed', substatus: 'Won', stage: 'Won' },
  { status: 'Closed', substatus: 'Lost', stage: 'Proposed' },
] as const;

/** `count` referrals of the inbox org, half received and half sent, in mixed states. */
export async function loadInbox(b: BenchStore, who: Parties, count: number): Promise<void> {
  const base = Date.now();
  const BATCH = 2_000;
  for (let start = 0; start < count; start += BATCH) {
    await b.store.db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const s = STATES[i % STATES.length]!;
        const incoming = i % 2 === 0;
        const created = new Date(base - (i % 20_000) * 60_000);
        const r: Referral = {
          id: randomUUID(),
          engagementId: randomUUID(),
          opportunityId: who.opportunityIds[i % who.opportunityIds.length]!,
          fromOrgId: incoming ? who.receiver.orgId : who.sender.orgId,
          toOrgId: incoming ? who.sender.orgId : who.receiver.orgId,
          agreementId: null,
          agreementVersion: null,
          arrangementType: 'referral',
          partnerRole: null,
          notes: '',
          team: [],
          estimatedCloseDate: '2027-06-30',
          customerDomain: `customer-${i % 50}.example.com`,
          attribution: {
            kind: 'repeat',
            earlier: {
              customerDomain: 'x.example.com',
              partnerOrgId: who.receiver.orgId,
              introducedByOrgId: who.sender.orgId,
              referralId: 'r0',
              at: created.toISOString(),
            },
          },
          status: s.status,
          substatus: s.substatus,
          statusReason: null,
          stage: s.stage,
          value: { amount: 100_000 + i, currency: 'EUR' } as Referral['value'],
          flags: [],
          createdAt: created.toISOString(),
          updatedAt: created.toISOString(),
          expiresAt: new Date(created.getTime() + 14 * 86_400_000).toISOString(),
          acceptedAt: s.status === 'New' ? null : created.toISOString(),
          closedAt: s.status === 'Closed' ? created.toISOString() : null,
          version: 1,
        };
        await insertReferral(trx, r);
      }
    });
  }
}

const COUNTRIES = ['DE', 'FR', 'AT', 'NL', 'BE', 'IT', 'ES', 'PL', 'SE', 'DK', 'CH', 'GB'];
const AREAS = [
  'DataAI',
  'Infrastructure',
  'DigitalAppInnovation',
  'BusinessApplications',
  'ModernWork',
  'Security',
];
const ORGS = 5_000;
const DAYS = 730;

/** SQL that picks element `(expr) mod n` of a list (portable CASE, no arrays). */
function pick(list: readonly string[], expr: string): string {
  const arms = list.map((v, i) => `when ${i} then '${v}'`).join(' ');
  return `(case ((${expr}) % ${list.length}) ${arms} end)`;
}

/**
 * `count` won-referral facts among 5,000 orgs in 12 countries over two years (2024-11-28 ..
 * 2026-11-27), 80 % in EUR, generated in SQL; then the app's roll-up rebuild. Returns the ms spent.
 */
export async function loadReportFacts(
  b: BenchStore,
  count: number,
): Promise<{ loadMs: number; rollupMs: number }> {
  const series =
    b.kind === 'sqlite'
      ? `with recursive s(i) as (select 0 union all select i + 1 from s where i < ${count - 1})`
      : `with s(i) as (select generate_series(0, ${count - 1})::bigint)`;
  const day =
    b.kind === 'sqlite'
      ? `strftime('%Y-%m-%dT12:00:00.000Z', '2024-11-28', '+' || ((i * 7919) % ${DAYS}) || ' days')`
      : `to_char(date '2024-11-28' + ((i * 7919) % ${DAYS})::int, 'YYYY-MM-DD') || 'T12:00:00.000Z'`;
  const sc = pick(COUNTRIES, 'i * 31');
  const rc = pick(COUNTRIES, 'i * 31 + (case when i % 4 = 0 then 1 else 0 end)');
  const start = performance.now();
  await b.store.db.transaction().execute(async (trx) => {
    await sql
      .raw(
        `insert into p2p_wins (referral_id, sender_org_id, receiver_org_id, sender_country,
        receiver_country, customer_country, cross_border, won_at, amount, currency)
      ${series}
      select 'w' || i, 'org' || ((i * 7) % ${ORGS}), 'org' || ((i * 13 + 1) % ${ORGS}), ${sc}, ${rc}, ${sc},
        case when i % 4 = 0 then 1 else 0 end, ${day}, 100000 + (i * 37) % 10000000,
        case when i % 5 = 0 then 'USD' when i % 10 = 1 then 'GBP' else 'EUR' end from s`,
      )
      .execute(trx);
    await sql
      .raw(
        `insert into p2p_win_areas (referral_id, area)
      ${series} select 'w' || i, ${pick(AREAS, 'i * 3')} from s where i % 7 <> 0`,
      )
      .execute(trx);
  });
  const loadMs = performance.now() - start;
  const t = performance.now();
  await b.store.db.transaction().execute((trx) => rebuildRollups(trx));
  const rollupMs = performance.now() - t;
  if (b.kind === 'postgres') await sql`analyze`.execute(b.store.db);
  return { loadMs, rollupMs };
}

/** The naive baseline: the same month grouping straight from every fact row (no roll-ups). */
export async function rawMonthReport(b: BenchStore, from: string, to: string): Promise<number> {
  const rows = await sql<{ k: string }>`
    select substr(won_at, 1, 7) as k, currency, count(*) as n, sum(cross_border) as x, sum(amount) as v
    from p2p_wins where won_at >= ${from} and won_at < ${to} group by substr(won_at, 1, 7), currency`.execute(
    b.store.db,
  );
  const orgs = await sql<{ k: string }>`
    select k, count(distinct o) as n from (
      select substr(won_at, 1, 7) as k, sender_org_id as o from p2p_wins where won_at >= ${from} and won_at < ${to}
      union all
      select substr(won_at, 1, 7), receiver_org_id from p2p_wins where won_at >= ${from} and won_at < ${to}) u
    group by k`.execute(b.store.db);
  return rows.rows.length + orgs.rows.length;
}
