// Seeds the demo ecosystem into an empty store: deterministic orgs, committed in batches.
import { countOrgs, findOrg, insertOrgs, type NewOrg } from '../db/repos/orgs.repo.ts';
import { generateOrg, generateOrgs } from '../domain/demo/generate-orgs.ts';
import { toIndexedOrg } from '../domain/directory/to-indexed-org.ts';
import { recordAudit } from './audit-trail.ts';
import type { ServiceDeps } from './deps.ts';
import { announceOrgChanges } from './index-sync.service.ts';

export interface SeedDemoOptions {
  count: number;
  seed: number;
  /** Orgs per transaction. */
  batchSize?: number;
  onProgress?: (created: number, total: number) => void;
}

export interface SeedDemoResult {
  created: number;
  /** True when the store already had orgs, so nothing was written. */
  skipped: boolean;
  /** The first demo org (for the demo sign-in), or null when there is none in the store. */
  firstOrgId: string | null;
}

const DEFAULT_BATCH = 2000;

/** Idempotent: seeds only a store with no orgs at all; a second call changes nothing. */
export async function seedDemo(deps: ServiceDeps, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const firstId = opts.count > 0 ? generateOrg(opts.seed, 0).id : null;
  if ((await countOrgs(deps.db)) > 0) {
    const present = firstId !== null && (await findOrg(deps.db, firstId)) !== undefined;
    return { created: 0, skipped: true, firstOrgId: present ? firstId : null };
  }
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH);
  const at = deps.now().toISOString();
  let created = 0;
  let batch: NewOrg[] = [];
  const flush = async () => {
    await commitBatch(deps, batch, opts.seed);
    created += batch.length;
    batch = [];
    opts.onProgress?.(created, opts.count);
  };
  for (const { id, profile } of generateOrgs(opts)) {
    batch.push({ id, profile, at });
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return { created, skipped: false, firstOrgId: firstId };
}

async function commitBatch(
  deps: ServiceDeps,
  batch: readonly NewOrg[],
  seed: number,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await insertOrgs(trx, batch);
    await announceOrgChanges(
      trx,
      deps,
      batch.map((o) => ({ id: o.id, version: 1 })),
    );
    await recordAudit(
      trx,
      deps,
      null,
      { requestId: null },
      {
        action: 'demo.seeded',
        targetType: 'org',
        targetId: null,
        orgId: null,
        details: { seed, count: batch.length, firstId: batch[0]?.id ?? null },
      },
    );
  });
  // The index follows the store only after the commit.
  for (const o of batch) {
    deps.directory.upsert(toIndexedOrg({ ...o.profile, id: o.id, version: 1 }));
  }
}
