// Scores one doc for a compiled match from the index's primitive per-doc data: one pass over its
// value ids fills the context's per-cell evidence and reach and the candidate's features, then
// the domain's scoreFeatures computes the score. No allocation per doc.
import { F } from '../domain/matching/factors.ts';
import { NEUTRAL_SIGNAL, type MatchContext } from '../domain/matching/match-context.ts';
import type { SignalMaps } from '../domain/matching/match-searcher.ts';
import { scoreFeatures } from '../domain/matching/match-score.ts';
import { REACH } from '../domain/matching/regions.ts';
import type { CodeIndex } from './code-index.ts';
import type { DocTable } from './doc-table.ts';
import type { MatchColumns } from './match-columns.ts';
import { CELL, ROLE, type MatchPlan } from './match-plan.ts';

export class MatchScorer {
  private readonly flags: Uint8Array;
  readonly requesterDoc: number;
  /** Docs with a signal that can lift them above the neutral bound (scored first, always). */
  readonly sparseDocs: number[];
  private readonly partners: ReadonlySet<number>;
  private readonly trust: ReadonlyMap<number, number> | null;
  private readonly responsiveness: ReadonlyMap<number, number> | null;

  constructor(
    readonly ctx: MatchContext,
    readonly plan: MatchPlan,
    private readonly codes: CodeIndex,
    private readonly columns: MatchColumns,
    table: DocTable,
    signals: SignalMaps,
  ) {
    this.flags = new Uint8Array(plan.cellCount);
    this.requesterDoc = ctx.requesterId === null ? -1 : table.find(ctx.requesterId);
    const docOf = (id: string) => table.find(id);
    this.partners = new Set([...signals.partners].map(docOf).filter((d) => d >= 0));
    this.trust = byDoc(signals.trust, docOf);
    this.responsiveness = byDoc(signals.responsiveness, docOf);
    this.sparseDocs = [
      ...new Set([
        ...this.partners,
        ...(this.trust?.keys() ?? []),
        ...(this.responsiveness?.keys() ?? []),
      ]),
    ];
  }

  /** Scores `doc`; ctx.values / cap / reach hold its factors until the next call. */
  score(doc: number): number {
    const { plan, ctx, flags } = this;
    const { role, cellStart, cellOf, flagOf } = plan;
    const { pool, start } = this.codes.docs;
    flags.fill(0);
    let language = false;
    let industry = false;
    let teaming = false;
    let size = 0;
    let kinds = 0;
    let sharedKinds = 0;
    let places = 0;
    let sharedPlaces = 0;
    const end = start[doc + 1]!;
    for (let i = start[doc]!; i < end; i++) {
      const v = pool[i]!;
      const r = role[v]!;
      if (r === 0) continue;
      if ((r & ROLE.cells) !== 0) {
        for (let j = cellStart[v]!; j < cellStart[v + 1]!; j++) {
          flags[cellOf[j]!]! |= flagOf[j]!;
        }
      }
      if ((r & ROLE.language) !== 0) language = true;
      if ((r & ROLE.industry) !== 0) industry = true;
      if ((r & ROLE.teaming) !== 0) teaming = true;
      if ((r & ROLE.size) !== 0 && plan.sizeFit[v]! > size) size = plan.sizeFit[v]!;
      if ((r & ROLE.kind) !== 0) {
        kinds++;
        if ((r & ROLE.sharedKind) !== 0) sharedKinds++;
      }
      if ((r & ROLE.country) !== 0) {
        places++;
        if ((r & ROLE.sharedCountry) !== 0) sharedPlaces++;
      }
    }
    const { cap, reach, features: f } = ctx;
    for (let c = 0; c < flags.length; c++) {
      const bits = flags[c]!;
      cap[c] = plan.levels[c * 8 + (bits & 7)]!;
      reach[c] =
        (bits & CELL.served) !== 0
          ? REACH.served
          : (bits & CELL.region) !== 0
            ? REACH.sameRegion
            : REACH.none;
    }
    f.speaksLanguage = language;
    f.inIndustry = industry;
    f.sizeFit = size;
    f.availableConsultants = this.columns.consultants[doc]!;
    f.teamingOpen = teaming;
    f.responsiveness = this.responsiveness?.get(doc) ?? NEUTRAL_SIGNAL;
    f.partnered = this.partners.has(doc);
    f.trust = this.trust?.get(doc) ?? NEUTRAL_SIGNAL;
    f.overlap =
      ctx.offer === null || kinds === 0 || places === 0
        ? 0
        : (sharedKinds / kinds) * (sharedPlaces / places);
    return scoreFeatures(ctx, f);
  }

  /** After score(doc): the filters of isEligible that the candidate bitset does not apply. */
  eligible(doc: number): boolean {
    const { ctx } = this;
    if (doc === this.requesterDoc || ctx.values[F.capability] === 0) return false;
    return !(ctx.excludeCompetitors && ctx.values[F.complementarity]! >= ctx.competitorOverlap);
  }
}

function byDoc(
  map: ReadonlyMap<string, number>,
  docOf: (id: string) => number,
): ReadonlyMap<number, number> | null {
  if (map.size === 0) return null;
  const out = new Map<number, number>();
  for (const [id, value] of map) {
    const doc = docOf(id);
    if (doc >= 0) out.set(doc, value);
  }
  return out;
}
