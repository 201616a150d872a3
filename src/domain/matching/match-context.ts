// Everything a match request fixes before candidates are scored: cell plans, weights (inactive
// factors zeroed), the requester's offering, and scratch arrays reused for every candidate.
import type { CodedListField } from '../taxonomy/vocabularies.ts';
import { VOCABULARIES } from '../taxonomy/vocabularies.ts';
import { planCell, type CapabilityLists, type CellPlan } from './capability-evidence.ts';
import { DEFAULT_COMPETITOR_OVERLAP, offerOf, type Offer } from './complementarity.ts';
import { F, FACTOR_COUNT, weightArray, type Factor } from './factors.ts';
import { totalWeight, type Need } from './need.ts';
import { regionOf, type Region } from './regions.ts';

type ListField = Exclude<CodedListField, 'partnerTypes'>;

/** The profile fields matching reads; an Org satisfies it. */
export type MatchOrg = CapabilityLists & { readonly [K in ListField]: readonly string[] } & {
  readonly id: string;
  readonly name: string;
  readonly teaming: { readonly open: boolean };
  readonly capacity: { readonly availableConsultants: number };
};

/** The requester's own profile, for complementarity and "partnered with you". */
export type Requester = Pick<MatchOrg, 'id' | 'services' | 'solutionAreas' | 'countries'>;

/**
 * What other features know about a candidate. Missing values are neutral: trust is 0.5 until the
 * trust features exist (this is their seam), responsiveness 0.5 until referrals have a history.
 */
export interface MatchSignals {
  responsiveness?: number;
  partneredWithRequester?: boolean;
  trust?: number;
}
export const NEUTRAL_SIGNAL = 0.5;

/** One candidate as plain values; an index fills `ctx.cap`/`ctx.reach` and this, then scores. */
export interface CandidateFeatures {
  speaksLanguage: boolean;
  inIndustry: boolean;
  /** 1 serves the need's customer size, 0.5 an adjacent size, 0 neither. */
  sizeFit: number;
  availableConsultants: number;
  teamingOpen: boolean;
  responsiveness: number;
  partnered: boolean;
  trust: number;
  /** Share of the candidate's offering the requester offers too (complementarity.ts). */
  overlap: number;
}

export function emptyFeatures(): CandidateFeatures {
  return {
    speaksLanguage: false,
    inIndustry: false,
    sizeFit: 0,
    availableConsultants: 0,
    teamingOpen: false,
    responsiveness: NEUTRAL_SIGNAL,
    partnered: false,
    trust: NEUTRAL_SIGNAL,
    overlap: 0,
  };
}

export interface MatchOptions {
  /** Drop candidates whose offering overlaps the requester's by `competitorOverlap` or more. */
  excludeCompetitors?: boolean;
  competitorOverlap?: number;
  weights?: Partial<Record<Factor, number>>;
}

export interface MatchContext {
  readonly need: Need;
  readonly plans: readonly CellPlan[];
  readonly cellWeights: Float64Array;
  readonly cellRegions: readonly (Region | undefined)[];
  readonly totalWeight: number;
  /** Weights in factor order; 0 for factors the request does not ask about. */
  readonly weights: Float64Array;
  readonly requesterId: string | null;
  readonly offer: Offer | null;
  /** Index of the need's customer size in the vocabulary; -1 when not asked. */
  readonly sizeIndex: number;
  readonly excludeCompetitors: boolean;
  readonly competitorOverlap: number;
  /** Scratch written by every scoring call: factor values, and per cell evidence and reach. */
  readonly values: Float64Array;
  readonly cap: Float64Array;
  readonly reach: Float64Array;
  readonly features: CandidateFeatures;
}

export const CUSTOMER_SIZE_INDEX: ReadonlyMap<string, number> = new Map(
  VOCABULARIES.customerSizes.map((e, i) => [e.code, i]),
);

export function compileMatch(
  need: Need,
  requester: Requester | null,
  opts: MatchOptions = {},
): MatchContext {
  const n = need.cells.length;
  return {
    need,
    plans: need.cells.map(planCell),
    cellWeights: Float64Array.from(need.cells, (c) => c.weight),
    cellRegions: need.cells.map((c) => regionOf(c.country)),
    totalWeight: totalWeight(need),
    weights: activeWeights(need, requester, opts),
    requesterId: requester?.id ?? null,
    offer: requester === null ? null : offerOf(requester),
    sizeIndex:
      need.customerSize === undefined ? -1 : (CUSTOMER_SIZE_INDEX.get(need.customerSize) ?? -1),
    excludeCompetitors: opts.excludeCompetitors ?? false,
    competitorOverlap: opts.competitorOverlap ?? DEFAULT_COMPETITOR_OVERLAP,
    values: new Float64Array(FACTOR_COUNT),
    cap: new Float64Array(n),
    reach: new Float64Array(n),
    features: emptyFeatures(),
  };
}

function activeWeights(need: Need, requester: Requester | null, opts: MatchOptions): Float64Array {
  const w = weightArray(opts.weights);
  if (need.language === undefined) w[F.language] = 0;
  if (need.industry === undefined) w[F.industry] = 0;
  if (need.customerSize === undefined) w[F.customerSize] = 0;
  if (requester === null) {
    w[F.partnership] = 0;
    w[F.complementarity] = 0;
  }
  return w;
}
