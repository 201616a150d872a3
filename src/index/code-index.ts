// Facet values (country, service, ..., and teaming as the two values yes / no): one bitset of
// docs per value for filtering, a per-value live total, a co-occurrence matrix, and a compact
// per-doc list of value ids (CSR) for facet counting. Vocabulary codes get ids up front, field
// by field; codes outside the vocabulary get one when first seen, so the index never rejects
// data the store accepted.
import type { FacetField, IndexedOrg } from '../domain/directory/directory-query.ts';
import { CODED_LIST_FIELDS, VOCABULARIES } from '../domain/taxonomy/vocabularies.ts';
import { clearBit, growBits, newBits, setBit, wordsFor } from './bitset.ts';
import { DocLists } from './doc-lists.ts';

const MAX_VALUES = 1 << 16;

export const FACET_FIELDS: readonly FacetField[] = [...CODED_LIST_FIELDS, 'teaming'];
const TEAMING = FACET_FIELDS.indexOf('teaming');

function vocabulary(field: FacetField): readonly string[] {
  return field === 'teaming' ? ['yes', 'no'] : VOCABULARIES[field].map((e) => e.code);
}

const YES: readonly string[] = ['yes'];
const NO: readonly string[] = ['no'];

function codesOf(org: IndexedOrg, f: number): readonly string[] {
  const field = FACET_FIELDS[f]!;
  if (field === 'teaming') return org.teamingOpen ? YES : NO;
  return org.codes[field];
}

export class CodeIndex {
  /** Per facet field (by FACET_FIELDS position): code -> value id. */
  private readonly ids = FACET_FIELDS.map(() => new Map<string, number>());
  /** Per facet field: its value ids. */
  readonly fieldValues: number[][] = FACET_FIELDS.map(() => []);
  readonly codeOf: string[] = [];
  /** Docs having each value (allocated on first use); bits of removed docs are cleared. */
  private bits: (Uint32Array | undefined)[] = [];
  /** Live docs having each value. */
  totals = new Int32Array(1024);
  /** pairs[a * stride + b], a < b: live docs having both values (read through pairRow). */
  private pairs: Int32Array;
  private stride: number;
  readonly docs: DocLists;
  private readonly scratch: number[] = [];
  private capacity: number;

  constructor(capacityDocs: number) {
    this.capacity = capacityDocs;
    this.docs = new DocLists(2, capacityDocs, 16);
    this.stride = 0;
    this.pairs = new Int32Array(0);
    FACET_FIELDS.forEach((field, f) => {
      for (const code of vocabulary(field)) this.idOf(f, code);
    });
  }

  get valueCount(): number {
    return this.codeOf.length;
  }

  /** Value id of a code, or -1 when no doc ever had it. */
  find(field: FacetField, code: string): number {
    return this.ids[FACET_FIELDS.indexOf(field)]?.get(code) ?? -1;
  }

  teamingValue(open: boolean): number {
    return this.ids[TEAMING]!.get(open ? 'yes' : 'no')!;
  }

  addDoc(doc: number, org: IndexedOrg): void {
    const vids = this.scratch;
    vids.length = 0;
    for (let f = 0; f < FACET_FIELDS.length; f++) {
      const list = codesOf(org, f);
      for (let i = 0; i < list.length; i++) {
        const vid = this.idOf(f, list[i]!);
        // A repeated code (not expected) is counted once: its bit is already set.
        const bits = this.bitsOf(vid);
        if ((bits[doc >>> 5]! & (1 << (doc & 31))) !== 0) continue;
        setBit(bits, doc);
        this.totals[vid]!++;
        vids.push(vid);
      }
    }
    this.countPairs(vids, 1);
    this.docs.append(doc, vids, vids.length);
  }

  removeDoc(doc: number): void {
    const vids = this.docs.items(doc);
    for (const vid of vids) {
      clearBit(this.bitsOf(vid), doc);
      this.totals[vid]!--;
    }
    this.countPairs(vids, -1);
  }

  /** into[u] = live docs having both value v and value u (into[v] = docs having v). */
  pairRow(v: number, into: Int32Array): Int32Array {
    const { pairs, stride } = this;
    for (let u = 0; u < v; u++) into[u] = pairs[u * stride + v]!;
    into.set(pairs.subarray(v * stride + v, v * stride + this.valueCount), v);
    into[v] = this.totals[v]!;
    return into;
  }

  // Half the matrix (a < b) is enough, and halves the work of every upsert.
  private countPairs(vids: ArrayLike<number>, delta: number): void {
    const { pairs, stride } = this;
    for (let i = 0; i < vids.length; i++) {
      const a = vids[i]!;
      for (let j = i + 1; j < vids.length; j++) {
        const b = vids[j]!;
        const at = a < b ? a * stride + b : b * stride + a;
        pairs[at] = pairs[at]! + delta;
      }
    }
  }

  /** Keeps docs with remap[d] >= 0, renumbered; rebuilds the bitsets from the per-doc lists. */
  compact(remap: Int32Array, oldDocs: number, newDocs: number): void {
    this.docs.compact(remap, oldDocs);
    const words = wordsFor(oldDocs);
    for (const bits of this.bits) bits?.fill(0, 0, words);
    const { pool, start } = this.docs;
    for (let doc = 0; doc < newDocs; doc++) {
      for (let i = start[doc]!; i < start[doc + 1]!; i++) setBit(this.bitsOf(pool[i]!), doc);
    }
  }

  growDocs(capacityDocs: number): void {
    this.capacity = capacityDocs;
    this.bits = this.bits.map((b) => (b === undefined ? b : growBits(b, capacityDocs)));
    this.docs.growDocs(capacityDocs);
  }

  private growPairs(stride: number): void {
    const pairs = new Int32Array(stride * stride);
    for (let a = 0; a < this.stride; a++) {
      pairs.set(this.pairs.subarray(a * this.stride, (a + 1) * this.stride), a * stride);
    }
    this.pairs = pairs;
    this.stride = stride;
  }

  /** Docs having value `vid` (an empty bitset for a value no doc had yet). */
  bitsOf(vid: number): Uint32Array {
    let bits = this.bits[vid];
    if (bits === undefined) this.bits[vid] = bits = newBits(this.capacity);
    return bits;
  }

  /** Value id of a code of the f-th coded field, assigned on first sight. */
  private idOf(f: number, code: string): number {
    const ids = this.ids[f]!;
    const known = ids.get(code);
    if (known !== undefined) return known;
    const vid = this.codeOf.length;
    if (vid >= MAX_VALUES) throw new Error('too many distinct codes for the directory index');
    ids.set(code, vid);
    this.fieldValues[f]!.push(vid);
    this.codeOf.push(code);
    this.bits.push(undefined);
    if (vid >= this.totals.length) {
      const totals = new Int32Array(this.totals.length * 2);
      totals.set(this.totals);
      this.totals = totals;
    }
    if (vid >= this.stride) this.growPairs(Math.ceil((this.stride * 1.25 + 1) / 64) * 64);
    return vid;
  }
}
