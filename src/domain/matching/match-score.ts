// Scoring one candidate against a compiled need. The hot path (scoreInto / scoreFeatures) writes
// into the context's scratch arrays and allocates nothing; explanations are built separately,
// only for the candidates that are returned.
import { cellEvidence } from './capability-evidence.ts';
import { overlapWith } from './complementarity.ts';
import { F, FACTOR_COUNT, quantizeValue, sumPoints, type Score } from './factors.ts';
import {
  CUSTOMER_SIZE_INDEX,
  NEUTRAL_SIGNAL,
  type CandidateFeatures,
  type MatchContext,
  type MatchOrg,
  type MatchSignals,
} from './match-context.ts';
import { REACH, reachOf } from './regions.ts';

/**
 * capability = Σ w_c · evidence_c · reach_c / Σ w_c  (what it can deliver where it is needed);
 * geography  = Σ w_c · reach_c / Σ w_c over the cells it has evidence for.
 * Both need evidence and reach on the same cell, so "can do X somewhere" and "is in Y doing
 * something else" score nothing for a cell (X, Y); a neighbour of Y counts half in both.
 */
export function cellFactorValues(ctx: MatchContext): void {
  let capability = 0;
  let geography = 0;
  for (let c = 0; c < ctx.cellWeights.length; c++) {
    const w = ctx.cellWeights[c]!;
    const cap = ctx.cap[c]!;
    const reach = ctx.reach[c]!;
    if (cap > 0 && reach > 0) {
      capability += w * cap * reach;
      geography += w * reach;
    }
  }
  ctx.values[F.capability] = quantizeValue(capability / ctx.totalWeight);
  ctx.values[F.geography] = quantizeValue(geography / ctx.totalWeight);
}

/** Score from `ctx.cap`, `ctx.reach` and `f`; writes the factor values into `ctx.values`. */
export function scoreFeatures(ctx: MatchContext, f: CandidateFeatures): Score {
  const v = ctx.values;
  cellFactorValues(ctx);
  v[F.language] = f.speaksLanguage ? 1 : 0;
  v[F.industry] = f.inIndustry ? 1 : 0;
  v[F.customerSize] = quantizeValue(f.sizeFit);
  v[F.capacity] = quantizeValue(f.availableConsultants / Math.max(1, ctx.need.minCapacity ?? 1));
  v[F.teaming] = f.teamingOpen ? 1 : 0;
  v[F.responsiveness] = quantizeValue(f.responsiveness);
  v[F.partnership] = f.partnered ? 1 : 0;
  v[F.trust] = quantizeValue(f.trust);
  v[F.complementarity] = quantizeValue(f.overlap);
  return sumPoints(v, ctx.weights);
}

/** Fills `ctx.cap` and `ctx.reach` for one profile. */
export function fillCells(ctx: MatchContext, org: MatchOrg): void {
  const cells = ctx.need.cells;
  for (let c = 0; c < cells.length; c++) {
    ctx.cap[c] = cellEvidence(ctx.plans[c]!, org);
    ctx.reach[c] = reachOf(cells[c]!.country, ctx.cellRegions[c], org.countries);
  }
}

/** Scores a profile; the factor values are in `ctx.values` until the next call. */
export function scoreInto(ctx: MatchContext, org: MatchOrg, signals?: MatchSignals): Score {
  fillCells(ctx, org);
  return scoreFeatures(ctx, featuresOf(ctx, org, signals, ctx.features));
}

export function featuresOf(
  ctx: MatchContext,
  org: MatchOrg,
  signals: MatchSignals | undefined,
  out: CandidateFeatures,
): CandidateFeatures {
  const { language, industry } = ctx.need;
  out.speaksLanguage = language !== undefined && org.languages.includes(language);
  out.inIndustry = industry !== undefined && org.industries.includes(industry);
  out.sizeFit = sizeFit(ctx.sizeIndex, org.customerSizes);
  out.availableConsultants = org.capacity.availableConsultants;
  out.teamingOpen = org.teaming.open;
  out.responsiveness = signals?.responsiveness ?? NEUTRAL_SIGNAL;
  out.partnered = signals?.partneredWithRequester ?? false;
  out.trust = signals?.trust ?? NEUTRAL_SIGNAL;
  out.overlap = overlapWith(ctx.offer, org);
  return out;
}

function sizeFit(asked: number, sizes: readonly string[]): number {
  if (asked < 0) return 0;
  let fit = 0;
  for (const s of sizes) {
    const d = Math.abs((CUSTOMER_SIZE_INDEX.get(s) ?? -9) - asked);
    if (d === 0) return 1;
    if (d === 1) fit = 0.5;
  }
  return fit;
}

/** Hard filters, read after scoreInto: not the requester, badges held, some capability, no rival. */
export function isEligible(ctx: MatchContext, org: MatchOrg): boolean {
  if (org.id === ctx.requesterId) return false;
  if (ctx.values[F.capability] === 0) return false;
  if (ctx.excludeCompetitors && ctx.values[F.complementarity]! >= ctx.competitorOverlap)
    return false;
  for (const d of ctx.need.requiredDesignations) if (!org.designations.includes(d)) return false;
  return true;
}

/** Cells the candidate can serve: evidence for the capability, and it serves the country. */
export function coveredCells(ctx: MatchContext): number[] {
  const out: number[] = [];
  for (let c = 0; c < ctx.cap.length; c++) {
    if (ctx.cap[c]! > 0 && ctx.reach[c] === REACH.served) out.push(c);
  }
  return out;
}

/**
 * Per-cell strength in [0, 1] for team formation: evidence on covered cells (0 elsewhere), scaled
 * by 0.6 + 0.4 q, where q in [0, 1] places the candidate's non-cell points (language ... trust,
 * complementarity) between the worst and the best possible for this request.
 */
export function cellStrengths(ctx: MatchContext, out: Float64Array): Float64Array {
  let points = 0;
  let best = 0;
  let worst = 0;
  for (let i = F.language; i < FACTOR_COUNT; i++) {
    const w = ctx.weights[i]!;
    points += ctx.values[i]! * w;
    if (w > 0) best += w;
    else worst += w;
  }
  const q = best > worst ? (points - worst) / (best - worst) : 1;
  for (let c = 0; c < ctx.cap.length; c++) {
    const covered = ctx.cap[c]! > 0 && ctx.reach[c] === REACH.served;
    out[c] = covered ? ctx.cap[c]! * (0.6 + 0.4 * q) : 0;
  }
  return out;
}
