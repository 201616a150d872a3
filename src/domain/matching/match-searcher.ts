// What a match asks an index and what it answers, independent of how it is executed (the
// in-memory index serves it; rankCandidates over every profile is the reference it must equal).
import type { Score } from './factors.ts';
import type { MatchContext } from './match-context.ts';
import type { TeamCandidate } from './team-formation.ts';

/**
 * Signals other features know about candidates, sparse by org id; a missing id is neutral
 * (trust and responsiveness 0.5, not partnered). The trust features plug in here.
 */
export interface SignalMaps {
  partners: ReadonlySet<string>;
  trust: ReadonlyMap<string, number>;
  responsiveness: ReadonlyMap<string, number>;
}

export const NO_SIGNALS: SignalMaps = Object.freeze({
  partners: new Set<string>(),
  trust: new Map<string, number>(),
  responsiveness: new Map<string, number>(),
});

export interface MatchQuery {
  /** Compiled by compileMatch; the index writes into its scratch arrays. */
  ctx: MatchContext;
  signals: SignalMaps;
  limit: number;
}

export interface MatchHit {
  id: string;
  score: Score;
}

export interface MatchPage {
  /** Best first: score desc, then name, then id (by code unit), as rankCandidates orders. */
  hits: MatchHit[];
  /**
   * Candidates other than the requester with some capability and the required designations,
   * before the competitor filter (counted from bitsets, without scoring them all).
   */
  total: number;
  /** Cells no candidate other than the requester can serve (capability and served country). */
  uncovered: number[];
}

export interface TeamPoolQuery extends MatchQuery {
  /** The strongest candidates kept per cell (ties by id). */
  perCell: number;
}

export interface MatchSearcher {
  match(q: MatchQuery): MatchPage;
  /**
   * Candidates for team formation, ordered by id: the eligible candidates among the `perCell`
   * strongest of some cell (strength desc, then id), each with its per-cell strengths
   * (cellStrengths). The team heuristic only looks at the 6 strongest per cell and backups at
   * the next few, so with perCell >= both, formTeam on this pool equals formTeam on every
   * eligible candidate in id order.
   */
  teamPool(q: TeamPoolQuery): TeamCandidate[];
}

/** The signals of one candidate, in the shape scoreInto takes. */
export function signalsOf(maps: SignalMaps, id: string) {
  const trust = maps.trust.get(id);
  const responsiveness = maps.responsiveness.get(id);
  return {
    partneredWithRequester: maps.partners.has(id),
    ...(trust === undefined ? {} : { trust }),
    ...(responsiveness === undefined ? {} : { responsiveness }),
  };
}
