// Per-doc columns: id, sort key of the name, size rank, and which docs are live.
// Doc numbers are dense and append-only; an upsert appends a new doc and kills the old one,
// compact() renumbers when enough dead docs pile up.
import type { IndexedOrg } from '../domain/directory/directory-query.ts';
import { clearBit, growBits, hasBit, newBits, setBit, wordsFor } from './bitset.ts';
import { IdTable } from './id-table.ts';

export class DocTable {
  ids: string[] = [];
  /** Lowercased name: the case-insensitive sort key. */
  nameKeys: string[] = [];
  sizeRank: Uint8Array;
  /** The org's stored version (0: not given). */
  versions: Int32Array;
  alive: Uint32Array;
  /** Docs allocated, live or dead. */
  count = 0;
  live = 0;
  capacity: number;
  private readonly docOf: IdTable;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.sizeRank = new Uint8Array(capacity);
    this.versions = new Int32Array(capacity);
    this.alive = newBits(capacity);
    this.docOf = new IdTable(capacity);
  }

  get words(): number {
    return wordsFor(this.count);
  }

  find(id: string): number {
    return this.docOf.find(id, this.ids);
  }

  /** Appends a live doc; the caller grows its own structures first when count reaches capacity. */
  append(org: IndexedOrg): number {
    const doc = this.count++;
    this.ids[doc] = org.id;
    this.nameKeys[doc] = org.name.toLowerCase();
    this.sizeRank[doc] = org.sizeRank;
    this.versions[doc] = org.version ?? 0;
    setBit(this.alive, doc);
    this.docOf.add(doc, org.id);
    this.live++;
    return doc;
  }

  kill(doc: number): void {
    clearBit(this.alive, doc);
    this.docOf.remove(doc);
    this.live--;
  }

  isLive(doc: number): boolean {
    return hasBit(this.alive, doc);
  }

  grow(capacity: number): void {
    this.capacity = capacity;
    const sizeRank = new Uint8Array(capacity);
    sizeRank.set(this.sizeRank);
    this.sizeRank = sizeRank;
    const versions = new Int32Array(capacity);
    versions.set(this.versions);
    this.versions = versions;
    this.alive = growBits(this.alive, capacity);
    this.docOf.growDocs(capacity);
  }

  /** Renumbers live docs densely in their current order; returns old doc -> new doc (-1: dead). */
  compact(): Int32Array {
    const remap = new Int32Array(this.count).fill(-1);
    let next = 0;
    for (let doc = 0; doc < this.count; doc++) {
      if (!this.isLive(doc)) continue;
      remap[doc] = next;
      this.ids[next] = this.ids[doc]!;
      this.nameKeys[next] = this.nameKeys[doc]!;
      this.sizeRank[next] = this.sizeRank[doc]!;
      this.versions[next] = this.versions[doc]!;
      next++;
    }
    this.docOf.remap(remap, this.count);
    this.ids.length = next;
    this.nameKeys.length = next;
    this.alive = newBits(this.capacity);
    for (let doc = 0; doc < next; doc++) setBit(this.alive, doc);
    this.count = next;
    return remap;
  }
}
