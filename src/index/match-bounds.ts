// Upper bounds for pruning (match-prune.ts): the best score any doc without sparse signals can
// reach for a compiled match, and what a doc lacking one quality loses at least. Both follow
// scoreFeatures (match-score.ts) and the factor weights of the context; for team formation the
// same for a cell's strength (cellStrengths).
import { F, FACTOR_COUNT, quantizeValue, sumPoints } from '../domain/matching/factors.ts';
import { NEUTRAL_SIGNAL, type MatchContext } from '../domain/matching/match-context.ts';
import { newBits } from './bitset.ts';
import type { CodeIndex } from './code-index.ts';
import type { CellCover } from './match-candidates.ts';
import type { MatchColumns } from './match-columns.ts';
import type { Feature } from './match-prune.ts';
import type { OfferSignatures } from './offer-signature.ts';

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

/** The best evidence of covering docs, of covering docs without full evidence, of near docs. */
export interface CellBest {
  capMax: number;
  partial: number;
  nearMax: number;
}

interface CellLosses {
  perfect: number;
  cover: number;
  near: number;
}

const CAPACITY_CACHE_MAX = 64;

export class BoundsBuilder {
  private readonly capOk = new Map<number, Uint32Array>();
  private capAt = -1;
  private capWords = -1;

  constructor(
    private readonly codes: CodeIndex,
    private readonly columns: MatchColumns,
  ) {}

  /** Qualities other than cell cover (language, industry, size, teaming, capacity), in points. */
  plainFeatures(ctx: MatchContext, words: number): Feature[] {
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
    if (w[F.capacity]! > 0) add(this.capacityBits(words, least), w[F.capacity]! / least);
    return out;
  }

  /**
   * What a doc loses, in score points, on cell c: without full cover (full evidence, served
   * country), on top of that without cover, and on top of that without reaching the cell's region
   * with evidence (then it scores nothing on the cell). Every feature a doc lacks adds its loss:
   * that sum is what the pruning subtracts from the bound.
   */
  cellLosses(ctx: MatchContext, c: number, best: CellBest): CellLosses {
    const capW = ctx.weights[F.capability]!;
    const geoW = ctx.weights[F.geography]!;
    if (capW < 0 || geoW < 0) return { perfect: 0, cover: 0, near: 0 };
    const share = ctx.cellWeights[c]! / ctx.totalWeight;
    const ideal = share * (best.capMax * capW + geoW);
    // Covered without full evidence: a designation at best; counted as ideal when none is full.
    const covered = best.capMax < 1 ? ideal : share * (best.partial * capW + geoW);
    // Not covered: evidence in a neighbouring country, half reach.
    const near = share * 0.5 * (best.nearMax * capW + geoW);
    return { perfect: ideal - covered, cover: covered - near, near };
  }

  /**
   * Features for the score ranking: plain qualities plus, per cell, full cover, cover and near
   * reach; and per cell of `covers` what a doc loses at least without cover, and without reach.
   */
  scoreFeatures(
    ctx: MatchContext,
    words: number,
    covers: readonly CellCover[],
    bestOf: (cover: CellCover) => CellBest,
  ): { ubMax: number; features: Feature[]; uncoverLoss: number[]; unreachLoss: number[] } {
    const capMax = new Float64Array(ctx.cellWeights.length).fill(1);
    const bests = covers.map(bestOf);
    covers.forEach((cover, i) => (capMax[cover.cell] = bests[i]!.capMax));
    const ubMax = idealScore(ctx, capMax);
    const features = this.plainFeatures(ctx, words);
    const uncoverLoss: number[] = [];
    const unreachLoss: number[] = [];
    covers.forEach((cover, i) => {
      const loss = this.cellLosses(ctx, cover.cell, bests[i]!);
      const sameSets = cover.near === cover.covers;
      features.push({ bits: cover.covers, loss: loss.cover + (sameSets ? loss.near : 0) });
      if (loss.perfect > 0) features.push({ bits: cover.perfect, loss: loss.perfect });
      if (!sameSets) features.push({ bits: cover.near, loss: loss.near });
      // Perfect cover is within cover, cover within near: a doc lacking one lacks the next.
      uncoverLoss.push(loss.perfect + loss.cover + (sameSets ? loss.near : 0));
      unreachLoss.push(loss.perfect + loss.cover + loss.near);
    });
    return { ubMax, features, uncoverLoss, unreachLoss };
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

  /** Docs with at least `least` consultants available, cached until the docs change. */
  private capacityBits(words: number, least: number): Uint32Array {
    const { generation, consultants } = this.columns;
    if (this.capAt !== generation || this.capWords !== words) {
      this.capOk.clear();
      this.capAt = generation;
      this.capWords = words;
    }
    let out = this.capOk.get(least);
    if (out === undefined) {
      out = newBits(words * 32);
      for (let doc = 0; doc < words * 32; doc++) {
        if (consultants[doc]! >= least) out[doc >>> 5] = out[doc >>> 5]! | (1 << (doc & 31));
      }
      // A handful of capacity asks recur; an unusual one must not grow the cache forever.
      if (this.capOk.size >= CAPACITY_CACHE_MAX) this.capOk.clear();
      this.capOk.set(least, out);
    }
    return out;
  }
}

/**
 * What a doc loses at least to the complementarity penalty (the ideal score counts none), from
 * its offer signature; Infinity when the overlap alone makes it a competitor to exclude. Null
 * when there is no penalty.
 */
export function overlapLoss(
  ctx: MatchContext,
  offers: OfferSignatures,
): ((doc: number) => number) | null {
  const w = ctx.weights[F.complementarity]!;
  if (ctx.offer === null || !(w < 0)) return null;
  const masks = offers.masksOf(ctx.offer);
  const exclude = ctx.excludeCompetitors ? ctx.competitorOverlap : Infinity;
  return (doc) => {
    const overlap = quantizeValue(offers.overlapAtLeast(doc, masks));
    return overlap >= exclude ? Infinity : -w * overlap;
  };
}
