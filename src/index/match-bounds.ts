// Upper bounds for pruning (match-prune.ts): the best score any doc without sparse signals can
// reach for a compiled match, and what a doc lacking one quality loses at least. Both follow
// scoreFeatures (match-score.ts) and the factor weights of the context; for team formation the
// same for a cell's strength (cellStrengths).
import { F, FACTOR_COUNT, quantizeValue, sumPoints } from '../domain/matching/factors.ts';
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

/**
 * The score of an ideal doc: evidence capMax[c] and the served country in every cell, every
 * asked quality, neutral signals, no overlap, computed as scoreFeatures computes scores. Every
 * step is monotone, so no doc without a sparse signal scores above it: not even by rounding.
 */
function idealScore(ctx: MatchContext, capMax: Float64Array): number {
  let capability = 0;
  let geography = 0;
  for (let c = 0; c < capMax.length; c++) {
    const w = ctx.cellWeights[c]!;
    capability += w * capMax[c]! * 1;
    geography += w * 1;
  }
  const values = new Float64Array(FACTOR_COUNT);
  for (let i = 0; i < FACTOR_COUNT; i++) values[i] = bestPoints(ctx, i) > 0 ? 1 : 0;
  values[F.capability] = quantizeValue(capability / ctx.totalWeight);
  values[F.geography] = quantizeValue(geography / ctx.totalWeight);
  values[F.responsiveness] = quantizeValue(NEUTRAL_SIGNAL);
  values[F.trust] = quantizeValue(NEUTRAL_SIGNAL);
  values[F.partnership] = 0;
  values[F.complementarity] = ctx.weights[F.complementarity]! > 0 ? 1 : 0;
  return sumPoints(values, ctx.weights);
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
    if (w[F.capacity]! > 0)
      add(this.capacityBits(cand, words, consultants, least), w[F.capacity]! / least);
    return out;
  }

  /**
   * Losses, in score points, of a doc that does not cover cell c fully (full evidence, served
   * country) and, on top of that, of one that does not cover it at all. Every feature a doc
   * lacks adds its loss: that sum is what the pruning subtracts from the bound.
   */
  cellLosses(ctx: MatchContext, c: number, capMax: number): { cover: number; perfect: number } {
    const capW = ctx.weights[F.capability]!;
    const geoW = ctx.weights[F.geography]!;
    if (capW < 0 || geoW < 0) return { cover: 0, perfect: 0 };
    const share = ctx.cellWeights[c]! / ctx.totalWeight;
    // Nobody has full evidence: the bound counts capMax; without cover, full evidence next door.
    if (capMax < 1) return { cover: share * ((capMax - 0.5) * capW + 0.5 * geoW), perfect: 0 };
    const best = capW + geoW;
    // Best without full cover: designation in the country, or full evidence next door.
    const perfect = share * (best - Math.max(0.75 * capW + geoW, 0.5 * best));
    // Best without cover: full evidence next door (half reach).
    return { cover: share * 0.5 * best - perfect, perfect };
  }

  /** Features for the score ranking: plain qualities plus cover and full evidence per cell. */
  scoreFeatures(
    ctx: MatchContext,
    cand: Uint32Array,
    words: number,
    consultants: Int32Array,
    covers: readonly CellCover[],
    capMaxOf: (cover: CellCover) => number,
  ): { ubMax: number; features: Feature[] } {
    const capMax = new Float64Array(ctx.cellWeights.length).fill(1);
    for (const cover of covers) capMax[cover.cell] = capMaxOf(cover);
    const ubMax = idealScore(ctx, capMax);
    const features = this.plainFeatures(ctx, cand, words, consultants);
    for (const cover of covers) {
      const loss = this.cellLosses(ctx, cover.cell, capMax[cover.cell]!);
      features.push({ bits: cover.covers, loss: loss.cover });
      if (loss.perfect > 0) features.push({ bits: cover.perfect, loss: loss.perfect });
    }
    return { ubMax, features };
  }

  /**
   * For ranking by one cell's strength = evidence x (0.6 + 0.4 q), q placing the non-cell points
   * between their worst and best (cellStrengths): the bound and the losses, in strength.
   */
  strengthBounds(
    plain: readonly Feature[],
    ctx: MatchContext,
    capMax: number,
  ): {
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
    // Exactly the strength of a doc with evidence capMax and every quality: no key exceeds it.
    const base = 0.6 + 0.4 * qMax;
    const ubMax = capMax * base;
    // strength = evidence x (0.6 + 0.4 q): lacking full evidence (x 0.75 at best) and other
    // qualities together lose at least 0.25 base + 0.75 x 0.4 loss / range (evidence 0.5 loses
    // more), so the qualities' losses are scaled by min(0.75, capMax) to keep the sum a bound.
    const scale = Math.min(0.75, capMax);
    const features =
      range > 0 ? plain.map((f) => ({ bits: f.bits, loss: (scale * 0.4 * f.loss) / range })) : [];
    return { ubMax, features, perfectLoss: capMax === 1 ? 0.25 * base : 0 };
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
