// Seeded randomness for demo data: sfc32 (fast, 128-bit state, passes PractRand), no Math.random().

/** A bijective 32-bit mixer (Chris Wellons' lowbias32): distinct inputs give distinct outputs. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  /**
   * One independent stream per (seed, stream): the pair is written into the state as is, so two
   * different pairs never start from the same state (no birthday collisions across 500,000 orgs).
   */
  constructor(seed: number, stream = 0) {
    this.a = mix32(seed | 0);
    this.b = stream | 0;
    this.c = mix32(this.a ^ 0x9e3779b9);
    for (let i = 0; i < 15; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.float() * xs.length)];
    if (x === undefined) throw new Error('pick from an empty list');
    return x;
  }

  /** Up to `k` distinct items, in random order (partial Fisher–Yates on a copy). */
  sample<T>(xs: readonly T[], k: number): T[] {
    const copy = xs.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }
}

/** A UUID v4-shaped id from 32 unique bits plus 90 random bits of `rng`. */
function hex(n: number, len: number): string {
  return (n >>> 0).toString(16).padStart(len, '0');
}

export function uuidFrom(unique32: number, rng: Rng): string {
  const r1 = rng.u32();
  const r2 = rng.u32();
  const r3 = rng.u32();
  return (
    `${hex(unique32, 8)}-${hex(r1 >>> 16, 4)}-${hex(0x4000 | (r1 & 0x0fff), 4)}-` +
    `${hex(0x8000 | (r2 & 0x3fff), 4)}-${hex(r2 >>> 16, 4)}${hex(r3, 8)}`
  );
}
