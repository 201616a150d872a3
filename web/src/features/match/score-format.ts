// Numbers of a score: points to two decimals, factor values as percentages, factor names.
import type { MatchFactor } from '@contract/matching.contract.ts';

const two = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const one = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const points = (n: number): string => two.format(Math.abs(n) < 0.005 ? 0 : n);
export const score = (n: number): string => one.format(n);
export const percent = (fraction: number): string => `${Math.round(fraction * 100)} %`;

export const FACTOR_LABELS: Record<MatchFactor, string> = {
  capability: 'Capability',
  geography: 'Geography',
  language: 'Language',
  industry: 'Industry',
  customerSize: 'Customer size',
  capacity: 'Capacity',
  teaming: 'Teaming interest',
  responsiveness: 'Responsiveness',
  partnership: 'Existing partnership',
  trust: 'Trust',
  complementarity: 'Complementarity',
};

/** Σ points, the number the reasons say the score is. */
export const sumOfPoints = (reasons: readonly { points: number }[]): number =>
  reasons.reduce((n, r) => n + r.points, 0);
