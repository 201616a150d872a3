// Per-doc data matching needs beyond the coded values the directory index already keeps:
// available consultants, the display name (the tie-break after the score) and offer signatures
// (a bound on complementarity, offer-signature.ts). Kept through the
// DocHook, plus a write counter that lets per-query caches know when the docs changed.
import type { IndexedOrg } from '../domain/directory/directory-query.ts';
import type { DocHook } from './doc-hook.ts';
import { OfferSignatures } from './offer-signature.ts';

/** Orders like compareText on the first three code units (a missing unit sorts first). */
export function prefixKey(text: string): number {
  const unit = (i: number) => (i < text.length ? text.charCodeAt(i) + 1 : 0);
  return unit(0) * 2 ** 34 + unit(1) * 2 ** 17 + unit(2);
}

export class MatchColumns implements DocHook {
  consultants: Int32Array;
  /** prefixKey of each doc's id: most id comparisons end here (ties go to the full id). */
  idKeys: Float64Array;
  names: string[] = [];
  /** Bumped on every append and removal. */
  generation = 0;
  readonly offers: OfferSignatures;

  constructor(capacity: number) {
    this.consultants = new Int32Array(capacity);
    this.idKeys = new Float64Array(capacity);
    this.offers = new OfferSignatures(capacity);
  }

  added(doc: number, org: IndexedOrg): void {
    this.consultants[doc] = org.availableConsultants ?? 0;
    this.names[doc] = org.name;
    this.idKeys[doc] = prefixKey(org.id);
    this.offers.added(doc, org);
    this.generation++;
  }

  removed(): void {
    this.generation++;
  }

  grown(capacity: number): void {
    if (capacity <= this.consultants.length) return;
    const next = new Int32Array(capacity);
    next.set(this.consultants);
    this.consultants = next;
    const keys = new Float64Array(capacity);
    keys.set(this.idKeys);
    this.idKeys = keys;
    this.offers.grown(capacity);
  }

  compacted(remap: Int32Array, oldDocs: number): void {
    let next = 0;
    for (let doc = 0; doc < oldDocs; doc++) {
      if (remap[doc]! < 0) continue;
      this.consultants[next] = this.consultants[doc]!;
      this.names[next] = this.names[doc]!;
      this.idKeys[next] = this.idKeys[doc]!;
      this.offers.move(doc, next);
      next++;
    }
    this.names.length = next;
    this.generation++;
  }
}
