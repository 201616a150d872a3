// A listener for the directory index's doc lifecycle, so features that keep their own per-doc
// columns (matching: capacity, display name) follow appends, removals, growth and compaction
// without the index knowing about them.
import type { IndexedOrg } from '../domain/directory/directory-query.ts';

export interface DocHook {
  /** `doc` was appended for `org` (the index grew first when needed). */
  added(doc: number, org: IndexedOrg): void;
  /** `doc` was killed (an update appends a new doc after killing the old one). */
  removed(doc: number): void;
  /** The index can now hold `capacity` docs. */
  grown(capacity: number): void;
  /** Live docs were renumbered: old doc d -> remap[d] (-1: dropped), ascending. */
  compacted(remap: Int32Array, oldDocs: number): void;
}
