// Seeding the demo ecosystem on both stores: batched, audited, indexed, idempotent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../src/db/connect.ts';
import { countOrgs, findOrg, insertOrg } from '../src/db/repos/orgs.repo.ts';
import { generateOrg } from '../src/domain/demo/generate-orgs.ts';
import { emptyProfile } from '../src/domain/profile/profile.ts';
import { CODED_LIST_FIELDS } from '../src/domain/taxonomy/vocabularies.ts';
import { createDirectoryIndex } from '../src/index/directory-index.ts';
import { seedDemo } from '../src/services/demo.service.ts';
import type { ServiceDeps } from '../src/services/deps.ts';
import { STORE_KINDS, openTestStore, storeAvailable } from './support/stores.ts';

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`demo seed (${kind})`, () => {
    let store: Store;
    let deps: ServiceDeps;
    beforeEach(async () => {
      store = await openTestStore(kind);
      deps = {
        db: store.db,
        storeKind: store.kind,
        directory: createDirectoryIndex(),
        now: () => new Date('2026-05-04T09:00:00Z'),
      };
    });
    afterEach(async () => store.close());

    it('seeds the generated orgs in audited batches and indexes them', async () => {
      const progress: number[] = [];
      const result = await seedDemo(deps, {
        count: 450,
        seed: 7,
        batchSize: 200,
        onProgress: (n) => progress.push(n),
      });
      const first = generateOrg(7, 0);
      expect(result).toEqual({ created: 450, skipped: false, firstOrgId: first.id });
      expect(progress).toEqual([200, 400, 450]);
      expect(await countOrgs(store.db)).toBe(450);
      expect(deps.directory.size).toBe(450);
      const stored = await findOrg(store.db, first.id);
      const sorted = { ...first.profile };
      for (const f of CODED_LIST_FIELDS) sorted[f] = [...first.profile[f]].sort();
      expect(stored).toMatchObject({
        ...sorted,
        version: 1,
        createdAt: '2026-05-04T09:00:00.000Z',
      });
      const audits = await store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'demo.seeded')
        .execute();
      expect(audits.map((a) => (JSON.parse(a.details) as { count: number }).count)).toEqual([
        200, 200, 50,
      ]);
    });

    it('does nothing the second time', async () => {
      await seedDemo(deps, { count: 30, seed: 7 });
      const again = await seedDemo(deps, { count: 30, seed: 7 });
      expect(again).toEqual({ created: 0, skipped: true, firstOrgId: generateOrg(7, 0).id });
      expect(await countOrgs(store.db)).toBe(30);
    });

    it('leaves a store that already has other orgs alone', async () => {
      await insertOrg(store.db, {
        id: 'own-org',
        profile: emptyProfile('Own Org Ltd', 'GB', null),
        at: '2026-01-01T00:00:00Z',
      });
      expect(await seedDemo(deps, { count: 30, seed: 7 })).toEqual({
        created: 0,
        skipped: true,
        firstOrgId: null,
      });
      expect(await countOrgs(store.db)).toBe(1);
    });
  });
}
