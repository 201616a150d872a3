// Ranking: score every candidate allocation-free, keep the eligible, sort deterministically
// (score desc, then name, then id, by code unit so no locale can change the order), and explain
// only the ones returned.
import type { Score } from './factors.ts';
import {
  compileMatch,
  type MatchContext,
  type MatchOptions,
  type MatchOrg,
  type MatchSignals,
  type Requester,
} from './match-context.ts';
import { explain, type Reason } from './match-reasons.ts';
import { cellStrengths, coveredCells, isEligible, scoreInto } from './match-score.ts';
import type { Need } from './need.ts';

export interface MatchResult<C extends MatchOrg> {
  org: C;
  score: Score;
  /** Indexes of the need's cells this candidate can serve (capability and country). */
  covers: number[];
  /** Per-cell strength in [0, 1] for team formation; 0 where it cannot serve. */
  cellScores: number[];
  /** One per factor, in factor order; their points add up to `score` exactly. */
  reasons: Reason[];
}

export type SignalsOf = (orgId: string) => MatchSignals | undefined;
export const noSignals: SignalsOf = () => undefined;

export interface RankOptions extends MatchOptions {
  limit?: number;
}
export const DEFAULT_LIMIT = 20;

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function rankCandidates<C extends MatchOrg>(
  need: Need,
  requester: Requester | null,
  candidates: readonly C[],
  signals: SignalsOf = noSignals,
  opts: RankOptions = {},
): MatchResult<C>[] {
  const ctx = compileMatch(need, requester, opts);
  const scores = new Float64Array(candidates.length);
  const kept: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const org = candidates[i]!;
    scores[i] = scoreInto(ctx, org, signals(org.id));
    if (isEligible(ctx, org)) kept.push(i);
  }
  kept.sort((a, b) => {
    const byScore = scores[b]! - scores[a]!;
    if (byScore !== 0) return byScore;
    const x = candidates[a]!;
    const y = candidates[b]!;
    return compareText(x.name, y.name) || compareText(x.id, y.id);
  });
  const limit = Math.max(0, Math.floor(opts.limit ?? DEFAULT_LIMIT));
  return kept
    .slice(0, limit)
    .map((i) => matchResult(ctx, candidates[i]!, signals(candidates[i]!.id)));
}

/** Scores and explains one candidate (allocates: for returned results only). */
export function matchResult<C extends MatchOrg>(
  ctx: MatchContext,
  org: C,
  signals?: MatchSignals,
): MatchResult<C> {
  const score = scoreInto(ctx, org, signals);
  return {
    org,
    score,
    covers: coveredCells(ctx),
    cellScores: Array.from(cellStrengths(ctx, new Float64Array(ctx.cap.length))),
    reasons: explain(ctx, org, signals),
  };
}
