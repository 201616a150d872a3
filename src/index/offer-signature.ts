// Per-doc signatures of what a partner offers where, for a cheap lower bound on its overlap with
// the requester (complementarity.ts): overlap = (shared kinds / kinds) x (shared countries /
// countries). Each doc keeps its exact counts of kinds (services and solution areas) and countries,
// and masks with one bit per kind (32 slots) and per country (64 slots), slots handed out to
// codes in the order they first appear. Codes without a slot are left out of the masks, so the
// shared count a mask gives never exceeds the true one: the bound stays a bound.
import type { IndexedOrg } from '../domain/directory/directory-query.ts';
import type { Offer } from '../domain/matching/complementarity.ts';
import { popcount32 } from './bitset.ts';

const KIND_SLOTS = 32;
const PLACE_SLOTS = 64;

class Slots {
  private readonly slot = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** The code's slot, handing out a new one while there are some left; -1 when none. */
  claim(code: string): number {
    let s = this.slot.get(code);
    if (s === undefined) {
      if (this.slot.size >= this.max) return -1;
      this.slot.set(code, (s = this.slot.size));
    }
    return s;
  }

  get(code: string): number {
    return this.slot.get(code) ?? -1;
  }
}

/** A requester's offer as masks over the slots. */
export interface OfferMasks {
  kinds: number;
  placesLow: number;
  placesHigh: number;
}

export class OfferSignatures {
  kindCount: Uint16Array;
  placeCount: Uint16Array;
  kindMask: Int32Array;
  /** Country slots 0-31 and 32-63, two words per doc. */
  placeMask: Int32Array;
  private readonly kindSlots = new Slots(KIND_SLOTS);
  private readonly placeSlots = new Slots(PLACE_SLOTS);

  constructor(capacity: number) {
    this.kindCount = new Uint16Array(capacity);
    this.placeCount = new Uint16Array(capacity);
    this.kindMask = new Int32Array(capacity);
    this.placeMask = new Int32Array(capacity * 2);
  }

  added(doc: number, org: IndexedOrg): void {
    const { services, solutionAreas, countries } = org.codes;
    let kinds = 0;
    for (const list of [services, solutionAreas]) {
      for (const code of list) {
        const s = this.kindSlots.claim(kindKey(list === services, code));
        if (s >= 0) kinds |= 1 << s;
      }
    }
    let low = 0;
    let high = 0;
    for (const code of countries) {
      const s = this.placeSlots.claim(code);
      if (s >= 32) high |= 1 << (s - 32);
      else if (s >= 0) low |= 1 << s;
    }
    this.kindCount[doc] = Math.min(0xffff, services.length + solutionAreas.length);
    this.placeCount[doc] = Math.min(0xffff, countries.length);
    this.kindMask[doc] = kinds;
    this.placeMask[2 * doc] = low;
    this.placeMask[2 * doc + 1] = high;
  }

  masksOf(offer: Offer): OfferMasks {
    let kinds = 0;
    for (const [isService, codes] of [
      [true, offer.services],
      [false, offer.solutionAreas],
    ] as const) {
      for (const code of codes) {
        const s = this.kindSlots.get(kindKey(isService, code));
        if (s >= 0) kinds |= 1 << s;
      }
    }
    let placesLow = 0;
    let placesHigh = 0;
    for (const code of offer.countries) {
      const s = this.placeSlots.get(code);
      if (s >= 32) placesHigh |= 1 << (s - 32);
      else if (s >= 0) placesLow |= 1 << s;
    }
    return { kinds, placesLow, placesHigh };
  }

  /** At most the doc's overlap with the offer the masks describe. */
  overlapAtLeast(doc: number, m: OfferMasks): number {
    const kinds = this.kindCount[doc]!;
    const places = this.placeCount[doc]!;
    if (kinds === 0 || places === 0) return 0;
    const sharedKinds = popcount32(this.kindMask[doc]! & m.kinds);
    if (sharedKinds === 0) return 0;
    const sharedPlaces =
      popcount32(this.placeMask[2 * doc]! & m.placesLow) +
      popcount32(this.placeMask[2 * doc + 1]! & m.placesHigh);
    return (sharedKinds / kinds) * (sharedPlaces / places);
  }

  grown(capacity: number): void {
    if (capacity <= this.kindCount.length) return;
    this.kindCount = grow(this.kindCount, new Uint16Array(capacity));
    this.placeCount = grow(this.placeCount, new Uint16Array(capacity));
    this.kindMask = grow(this.kindMask, new Int32Array(capacity));
    this.placeMask = grow(this.placeMask, new Int32Array(capacity * 2));
  }

  /** Moves doc `from`'s signature to `to` (compaction, to <= from). */
  move(from: number, to: number): void {
    this.kindCount[to] = this.kindCount[from]!;
    this.placeCount[to] = this.placeCount[from]!;
    this.kindMask[to] = this.kindMask[from]!;
    this.placeMask[2 * to] = this.placeMask[2 * from]!;
    this.placeMask[2 * to + 1] = this.placeMask[2 * from + 1]!;
  }
}

const kindKey = (isService: boolean, code: string) => (isService ? `s:${code}` : `a:${code}`);

function grow<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
