import { describe, expect, it } from 'vitest';
import { IdTable } from './id-table.ts';

describe('IdTable', () => {
  it('agrees with a Map through adds, removes (backward shift), growth and renumbering', () => {
    let seed = 1;
    const next = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const table = new IdTable(16);
    const expected = new Map<string, number>();
    const ids: string[] = [];
    for (let step = 0; step < 40_000; step++) {
      const id = `org-${next(2_000)}`;
      const doc = table.find(id, ids);
      expect(doc).toBe(expected.get(id) ?? -1);
      if (doc < 0) {
        ids.push(id);
        table.growDocs(ids.length);
        table.add(ids.length - 1, id);
        expected.set(id, ids.length - 1);
      } else if (next(2) === 0) {
        table.remove(doc);
        expected.delete(id);
        ids[doc] = '';
      }
      if (step % 10_000 === 9_999) {
        const live = new Set(expected.values());
        const remap = new Int32Array(ids.length).fill(-1);
        let kept = 0;
        ids.forEach((liveId, d) => {
          if (!live.has(d)) return;
          remap[d] = kept;
          ids[kept] = liveId;
          expected.set(liveId, kept++);
        });
        table.remap(remap, ids.length);
        ids.length = kept;
      }
    }
    for (const [id, doc] of expected) expect(table.find(id, ids)).toBe(doc);
  });
});
