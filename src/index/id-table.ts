// Org id -> doc number for live docs: an open-addressing hash table over Int32Arrays with each
// doc's id hash kept alongside. At 500,000 orgs a Map lookup plus insert per upsert cost more
// than the rest of the doc table: probing here touches one slot and one hash, and a miss
// remembers its slot so that the insert that follows does not probe again.

const EMPTY = -1;

function hashOf(id: string): number {
  let hash = 2166136261 | 0;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  return hash ^ (hash >>> 15);
}

export class IdTable {
  private slots = new Int32Array(2048).fill(EMPTY);
  /** Each doc's id hash (the table's own record, so probing never reads an id it skips). */
  private hashes: Int32Array;
  private entries = 0;
  /** The last miss: where its id would go (valid until the table changes). */
  private missId: string | null = null;
  private missSlot = 0;
  private missHash = 0;

  constructor(capacityDocs: number) {
    this.hashes = new Int32Array(capacityDocs);
  }

  /** The doc holding `id` (ids[doc] === id), or -1. */
  find(id: string, ids: readonly string[]): number {
    const hash = hashOf(id);
    const { slots, hashes } = this;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const doc = slots[slot]!;
      if (doc === EMPTY) {
        this.missId = id;
        this.missSlot = slot;
        this.missHash = hash;
        return -1;
      }
      if (hashes[doc] === hash && ids[doc] === id) return doc;
    }
  }

  /** Adds `doc` for `id`, which the table does not hold. */
  add(doc: number, id: string): void {
    if ((this.entries + 1) * 2 > this.slots.length) this.resize(this.slots.length * 2);
    let slot: number;
    let hash: number;
    if (this.missId === id) {
      slot = this.missSlot;
      hash = this.missHash;
    } else {
      hash = hashOf(id);
      slot = this.freeSlot(hash);
    }
    this.missId = null;
    this.hashes[doc] = hash;
    this.slots[slot] = doc;
    this.entries++;
  }

  /** Removes `doc` (which the table holds), shifting back the entries probed past it. */
  remove(doc: number): void {
    this.missId = null;
    const { slots, hashes } = this;
    const mask = slots.length - 1;
    let hole = hashes[doc]! & mask;
    while (slots[hole] !== doc) hole = (hole + 1) & mask;
    for (let next = (hole + 1) & mask; slots[next] !== EMPTY; next = (next + 1) & mask) {
      const home = hashes[slots[next]!]! & mask;
      // The entry at `next` may move into the hole unless its home lies cyclically in (hole, next].
      const stays = hole <= next ? home > hole && home <= next : home > hole || home <= next;
      if (stays) continue;
      slots[hole] = slots[next]!;
      hole = next;
    }
    slots[hole] = EMPTY;
    this.entries--;
  }

  growDocs(capacityDocs: number): void {
    if (capacityDocs <= this.hashes.length) return;
    const hashes = new Int32Array(capacityDocs);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }

  /** After docs were renumbered (old doc d -> remap[d], -1: gone): re-adds the survivors. */
  remap(remap: Int32Array, oldDocs: number): void {
    this.missId = null;
    this.slots.fill(EMPTY);
    this.entries = 0;
    for (let doc = 0; doc < oldDocs; doc++) {
      const to = remap[doc]!;
      if (to < 0) continue;
      const hash = this.hashes[doc]!;
      this.hashes[to] = hash;
      this.slots[this.freeSlot(hash)] = to;
      this.entries++;
    }
  }

  private freeSlot(hash: number): number {
    const { slots } = this;
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    return slot;
  }

  private resize(size: number): void {
    this.missId = null;
    const old = this.slots;
    this.slots = new Int32Array(size).fill(EMPTY);
    for (let i = 0; i < old.length; i++) {
      const doc = old[i]!;
      if (doc !== EMPTY) this.slots[this.freeSlot(this.hashes[doc]!)] = doc;
    }
  }
}
