// Upper bounds for pruning (match-prune.ts): the best score any doc without sparse signals can
// reach for a compiled match, and what a doc lacking one quality loses at least. Both follow
// scoreFeatures (match-score.ts) and the factor weights of the context; for team formation the
// same for a cell's strength (cellStrengths).
import { F, FACTOR_COUNT } from '../domain/matching/factors.ts';
import { NEUTRAL_SIGNAL, type MatchContext } from '../domain/matching/match-context.ts';
import { newBits } from './bitset.ts';
import type { CodeIndex } from './code-index.ts';
import type { CellCover } from './match-candidates.ts';
import type { Feature } from './match-prune.ts';

/** Points of factor i for a doc with no sparse signal: its best, or its fixed neutral value. */
function bestPoints(ctx: MatchContext, i: number): number {
  const w = ctx.weights[i]!;
  if (i === F.partnership) return 0;
  if (i === F.trust || i === F.responsiveness) return NEUTRAL_SIGNAL * w;
  return Math.max(0, w);
}

export class BoundsBuilder {
  private capOk: Uint32Array = new Uint32Array(0);

  constructor(private readonly codes: CodeIndex) {}

  /** Qualities other than cell cover (language, industry, size, teaming, capacity), in points. */
  plainFeatures(
    ctx: MatchContext,
    cand: Uint32Array,
    words: number,
    consultants: Int32Array,
  ): Feature[] {
    const w = ctx.weights;
    const out: Feature[] = [];
    const byCode = (field: 'languages' | 'industries' | 'customerSizes', code?: string) => {
      const vid = code === undefined ? -1 : this.codes.find(field, code);
      return vid < 0 ? null : this.codes.bitsOf(vid);
    };
    const add = (bits: Uint32Array | null, loss: number) => {
      if (bits !== null && loss > 0) out.push({ bits, loss });
    };
    add(byCode('languages', ctx.need.language), w[F.language]!);
    add(byCode('industries', ctx.need.industry), w[F.industry]!);
    add(byCode('customerSizes', ctx.need.customerSize), w[F.customerSize]! / 2);
    add(this.codes.bitsOf(this.codes.teamingValue(true)), w[F.teaming]!);
    const least = Math.max(1, ctx.need.minCapacity ?? 1);
    if (w[F.capacity]! > 0) add(this.capacityBits(cand, words, consultants, least), w[F.capacity]! / least);
    return out;
  }

  /** Losses, in score points, of a doc that does not cover cell c, and that does not fully. */
  cellLosses(ctx: MatchContext, c: number): { cover: number; perfect: number } {
    const capW = ctx.weights[F.capability]!;
    const geoW = ctx.weights[F.geography]!;
    if (capW < 0 || geoW < 0) return { cover: 0, perfect: 0 };
    const share = ctx.cellWeights[c]! / ctx.totalWeight;
    const best = capW + geoW;
    return {
      cover: share * (best - 0.5 * best),
      perfect: share * (best - Math.max(0.75 * capW + geoW, 0.5 * best)),
    };
  }

  /** Features for the score ranking: plain qualities plus cover and full evidence per cell. */
  scoreFeatures(
    ctx: MatchContext,
    cand: Uint32Array,
    words: number,
    consultants: Int32Array,
    covers: readonly CellCover[],
  ): { ubMax: number; features: Feature[] } {
    let ubMax = 0;
    for (let i = 0; i < FACTOR_COUNT; i++) ubMax += bestPoints(ctx, i);
    const features = this.plainFeatures(ctx, cand, words, consultants);
    for (const cover of covers) {
      const loss = this.cellLosses(ctx, cover.cell);
      features.push({ bits: cover.covers, loss: loss.cover });
      features.push({ bits: cover.perfect, loss: loss.perfect });
    }
    return { ubMax, features };
  }

  /**
   * For ranking by one cell's strength = evidence x (0.6 + 0.4 q), q placing the non-cell points
   * between their worst and best (cellStrengths): the bound and the losses, in strength.
   */
  strengthBounds(plain: readonly Feature[], ctx: MatchContext): {
    ubMax: number;
    features: Feature[];
    perfectLoss: number;
  } {
    let best = 0;
    let worst = 0;
    let reachable = 0;
    for (let i = F.language; i < FACTOR_COUNT; i++) {
      const w = ctx.weights[i]!;
      if (w > 0) best += w;
      else worst += w;
      reachable += bestPoints(ctx, i);
    }
    const range = best - worst;
    const qMax = range > 0 ? (reachable - worst) / range : 1;
    const ubMax = 0.6 + 0.4 * qMax;
    const features =
      range > 0 ? plain.map((f) => ({ bits: f.bits, loss: (0.4 * f.loss) / range })) : [];
    return { ubMax, features, perfectLoss: 0.25 * ubMax };
  }

  /** Candidates with at least `least` consultants available. */
  private capacityBits(
    cand: Uint32Array,
    words: number,
    consultants: Int32Array,
    least: number,
  ): Uint32Array {
    if (this.capOk.length < words) this.capOk = newBits(words * 32);
    const out = this.capOk;
    for (let w = 0; w < words; w++) {
      let x = cand[w]!;
      let keep = 0;
      while (x !== 0) {
        const low = x & -x;
        if (consultants[(w << 5) + 31 - Math.clz32(low)]! >= least) keep |= low;
        x ^= low;
      }
      out[w] = keep;
    }
    return out;
  }
}
