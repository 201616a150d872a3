// The score's components ("factors"), their default weights, and the number types that keep
// values, weights, points and scores apart.
//
// Exact sums: a factor value is rounded to a multiple of 2^-20 and a weight to a multiple of
// 2^-10, so points = value x weight is a multiple of 2^-30 below 2^10 in size and is computed
// without rounding; a sum of a few dozen such numbers is exact too. So the score equals the sum of
// its reasons' points bit for bit, in whatever order a client adds them.

export const FACTORS = [
  'capability',
  'geography',
  'language',
  'industry',
  'customerSize',
  'capacity',
  'teaming',
  'responsiveness',
  'partnership',
  'trust',
  'complementarity',
] as const;
export type Factor = (typeof FACTORS)[number];
export const FACTOR_COUNT = FACTORS.length;

/** Position of each factor in value and weight arrays. */
export const F = Object.freeze(
  Object.fromEntries(FACTORS.map((f, i) => [f, i])) as Record<Factor, number>,
);

/** A factor's weight: points for a value of 1. Negative for penalties. */
export type FactorWeight = number & { readonly __brand: 'FactorWeight' };
/** value x weight of one factor for one candidate. */
export type Points = number & { readonly __brand: 'Points' };
/** A candidate's match score: the sum of its points. */
export type Score = number & { readonly __brand: 'Score' };

// Positive weights add up to 100: a perfect candidate on a need that asks everything scores 100.
// Complementarity is a penalty: a candidate offering exactly what the requester offers loses 15.
export const DEFAULT_WEIGHTS: Readonly<Record<Factor, number>> = Object.freeze({
  capability: 35,
  geography: 20,
  language: 5,
  industry: 8,
  customerSize: 4,
  capacity: 6,
  teaming: 6,
  responsiveness: 5,
  partnership: 4,
  trust: 7,
  complementarity: -15,
});

export const WEIGHT_LIMIT = 1000;
const VALUE_STEPS = 2 ** 20;
const WEIGHT_STEPS = 2 ** 10;

export function quantizeValue(v: number): number {
  const clamped = v > 1 ? 1 : v > 0 ? v : 0; // NaN -> 0
  return Math.round(clamped * VALUE_STEPS) / VALUE_STEPS;
}

export function quantizeWeight(w: number): FactorWeight {
  if (!Number.isFinite(w) || Math.abs(w) > WEIGHT_LIMIT) {
    throw new RangeError(`A factor weight must be finite and within ±${WEIGHT_LIMIT}; got ${w}`);
  }
  return (Math.round(w * WEIGHT_STEPS) / WEIGHT_STEPS) as FactorWeight;
}

/** The weights array in factor order, with overrides applied and quantized. */
export function weightArray(overrides: Partial<Record<Factor, number>> = {}): Float64Array {
  return Float64Array.from(FACTORS, (f) => quantizeWeight(overrides[f] ?? DEFAULT_WEIGHTS[f]));
}

/** Σ value x weight in factor order. `values` must hold quantized values. */
export function sumPoints(values: Float64Array, weights: Float64Array): Score {
  let score = 0;
  for (let i = 0; i < FACTOR_COUNT; i++) score += values[i]! * weights[i]!;
  return score as Score;
}
