// Matching on the directory index: candidate docs from bitsets (match-candidates.ts), scored from
// their value ids (match-scorer.ts), kept in a heap with the domain's order (score desc, name,
// id by code unit). Pruning by upper bounds (match-prune.ts, match-bounds.ts) skips the docs
// that provably cannot make the top k, so the answer equals scoring every doc. Team formation
// gets the strongest few candidates of each cell, found the same way.
import type { Score } from '../domain/matching/factors.ts';
import type {
  MatchPage,
  MatchQuery,
  MatchSearcher,
  TeamPoolQuery,
} from '../domain/matching/match-searcher.ts';
import { cellStrengths } from '../domain/matching/match-score.ts';
import { compareText } from '../domain/matching/rank-candidates.ts';
import type { TeamCandidate } from '../domain/matching/team-formation.ts';
import { hasBit, newBits, popcount } from './bitset.ts';
import type { CodeIndex } from './code-index.ts';
import type { DocTable } from './doc-table.ts';
import { CoverCount } from './cover-count.ts';
import { BoundsBuilder, overlapLoss, type CellBest } from './match-bounds.ts';
import { CandidateSets, type Candidates, type CellCover } from './match-candidates.ts';
import type { MatchColumns } from './match-columns.ts';
import { compileMatchPlan } from './match-plan.ts';
import { prunedTopK, type PruneScratch } from './match-prune.ts';
import { MatchScorer } from './match-scorer.ts';
import { TopK } from './top-k.ts';

/** Most docs scored as seeds (docs covering several cells) before pruning starts. */
const SEEDS_MAX = 20_000;

export class MatchIndex implements MatchSearcher {
  private readonly sets = new CandidateSets();
  /** Docs by the number of cells they reach with evidence, and by the number they cover. */
  private readonly reachCount = new CoverCount();
  private readonly coverCount = new CoverCount();
  private readonly bounds: BoundsBuilder;
  private scratch: PruneScratch = {
    a: newBits(0),
    b: newBits(0),
    seen: newBits(0),
    list: new Int32Array(0),
  };

  constructor(
    private readonly table: DocTable,
    private readonly codes: CodeIndex,
    private readonly columns: MatchColumns,
  ) {
    this.bounds = new BoundsBuilder(codes, columns);
  }

  match(q: MatchQuery): MatchPage {
    const { scorer, found, words } = this.prepare(q);
    const { ids } = this.table;
    const names = this.columns.names;
    const top = new TopK(
      Math.max(0, Math.floor(q.limit)),
      (a, b) => compareText(names[a]!, names[b]!) || compareText(ids[a]!, ids[b]!),
    );
    const { covers } = found;
    const b = this.bounds.scoreFeatures(q.ctx, words, covers, (c) => this.bestOf(q, c, words));
    const counts: CoverCount[] = [];
    if (covers.length >= 2) {
      const near = covers.map((c) => c.near);
      this.reachCount.compute(near, b.unreachLoss, words);
      counts.push(this.reachCount);
      if (covers.some((c) => c.near !== c.covers)) {
        this.coverCount.compute(
          covers.map((c) => c.covers),
          b.uncoverLoss,
          words,
        );
        counts.push(this.coverCount);
      }
    }
    const input = {
      domain: found.cand,
      words,
      features: b.features,
      ubMax: b.ubMax,
      always: scorer.sparseDocs,
      seeds: counts.at(-1)?.seeds(top.k, SEEDS_MAX, words) ?? null,
      counts,
      docLoss: overlapLoss(q.ctx, this.columns.offers),
    };
    prunedTopK(
      input,
      top,
      (doc) => {
        const score = scorer.score(doc);
        return scorer.eligible(doc) ? score : null;
      },
      this.scratch,
    );
    const others = (bits: Uint32Array) =>
      popcount(bits, words) -
      (scorer.requesterDoc >= 0 && hasBit(bits, scorer.requesterDoc) ? 1 : 0);
    const covered = new Set(found.covers.filter((c) => others(c.covers) > 0).map((c) => c.cell));
    return {
      hits: top.sorted().map(({ doc, key }) => ({ id: ids[doc]!, score: key as Score })),
      total: others(found.cand),
      uncovered: q.ctx.need.cells.map((_, c) => c).filter((c) => !covered.has(c)),
    };
  }

  teamPool(q: TeamPoolQuery): TeamCandidate[] {
    const { scorer, found, words } = this.prepare(q);
    const { ids } = this.table;
    const keys = this.columns.idKeys;
    const byId = (a: number, b: number) => keys[a]! - keys[b]! || compareText(ids[a]!, ids[b]!);
    const n = q.ctx.need.cells.length;
    const rows = new Map<number, Float64Array | null>();
    const rowOf = (doc: number) => {
      let row = rows.get(doc);
      if (row === undefined) {
        scorer.score(doc);
        row = scorer.eligible(doc) ? cellStrengths(q.ctx, new Float64Array(n)) : null;
        rows.set(doc, row);
      }
      return row;
    };
    const plain = this.bounds.plainFeatures(q.ctx, words);
    const pool = new Set<number>();
    for (const cover of found.covers) {
      const c = cover.cell;
      const sb = this.bounds.strengthBounds(plain, q.ctx, this.bestOf(q, cover, words).capMax);
      const top = new TopK(q.perCell, byId);
      const features = [...sb.features, { bits: cover.perfect, loss: sb.perfectLoss }];
      const input = {
        domain: cover.covers,
        words,
        features,
        ubMax: sb.ubMax,
        always: scorer.sparseDocs,
      };
      prunedTopK(
        input,
        top,
        (doc) => {
          const row = rowOf(doc);
          return row === null || row[c] === 0 ? null : row[c]!;
        },
        this.scratch,
      );
      for (const { doc } of top.sorted()) pool.add(doc);
    }
    return [...pool]
      .sort(byId)
      .map((doc) => ({ orgId: ids[doc]!, cellScores: Array.from(rowOf(doc)!) }));
  }

  /**
   * The best evidence a doc can have for a cell: covering it, covering it without full evidence
   * (0.75 needs a designation to exist), and reaching only its region.
   */
  private bestOf(q: MatchQuery, cover: CellCover, words: number): CellBest {
    const partial = q.ctx.plans[cover.cell]!.designations.size > 0 ? 0.75 : 0.5;
    return {
      capMax: popcount(cover.perfect, words) > 0 ? 1 : partial,
      partial,
      nearMax: cover.nearFull ? 1 : partial,
    };
  }

  private prepare(q: MatchQuery): { scorer: MatchScorer; found: Candidates; words: number } {
    const plan = compileMatchPlan(q.ctx, this.codes);
    const scorer = new MatchScorer(q.ctx, plan, this.codes, this.columns, this.table, q.signals);
    const words = this.table.words;
    if (this.scratch.a.length < words) {
      const bits = () => newBits(words * 32);
      this.scratch = { a: bits(), b: bits(), seen: bits(), list: new Int32Array(words) };
    }
    const found = this.sets.compute(
      plan,
      this.codes,
      this.table.alive,
      words,
      this.columns.generation,
    );
    return { scorer, found, words };
  }
}
