// A compiled match request in the index's terms: what each value id (a code of one field) means
// to this request. Scoring a doc is then one pass over its value ids (doc-lists.ts), with no
// strings, reproducing capability-evidence.ts, regions.ts, complementarity.ts and featuresOf.
import { EVIDENCE } from '../domain/matching/capability-evidence.ts';
import { CUSTOMER_SIZE_INDEX, type MatchContext } from '../domain/matching/match-context.ts';
import { regionEntries, type Region } from '../domain/matching/regions.ts';
import type { CodedListField } from '../domain/taxonomy/vocabularies.ts';
import { FACET_FIELDS, type CodeIndex } from './code-index.ts';

// Per value id: what it says about the candidate (bits of `role`).
export const ROLE = {
  cells: 1,
  language: 2,
  industry: 4,
  teaming: 8,
  size: 16,
  /** A service or solution area (the candidate's offering), and one the requester offers too. */
  kind: 32,
  sharedKind: 64,
  /** A served country, and one the requester serves too. */
  country: 128,
  sharedCountry: 256,
} as const;

// Per (value id, cell): what the value shows for that cell (bits of `flagOf`).
export const CELL = { tag: 1, top: 2, designation: 4, served: 8, region: 16 } as const;
const EVIDENCE_BITS = 7;

export interface MatchPlan {
  readonly cellCount: number;
  readonly role: Uint16Array;
  /** 1, 0.5 or 0 per customer-size value id. */
  readonly sizeFit: Float64Array;
  /** Entries of value id v: [cellStart[v], cellStart[v + 1]) in cellOf / flagOf. */
  readonly cellStart: Int32Array;
  readonly cellOf: Int32Array;
  readonly flagOf: Uint8Array;
  /** Evidence value per cell and evidence bits: levels[c * 8 + (flags & 7)]. */
  readonly levels: Float64Array;
  /** Per cell: value ids whose docs have some evidence, and whose docs reach the country. */
  readonly evidenceVids: readonly number[][];
  /** Per cell: value ids of full (1.0) evidence; for a product only together with `tagVid`. */
  readonly topVids: readonly number[][];
  /** Per cell: the product tag's value id for product cells, else -1. */
  readonly tagVid: Int32Array;
  readonly servedVid: Int32Array;
  readonly regions: readonly (Region | undefined)[];
  /** Value ids of the required designations (-1 when no doc ever had one). */
  readonly requiredVids: readonly number[];
}

const field = (f: CodedListField | 'teaming') => FACET_FIELDS.indexOf(f);

const COUNTRIES_OF_REGION = new Map<Region, string[]>();
for (const [country, region] of regionEntries()) {
  const list = COUNTRIES_OF_REGION.get(region) ?? [];
  list.push(country);
  COUNTRIES_OF_REGION.set(region, list);
}

export function countriesOfRegion(region: Region): readonly string[] {
  return COUNTRIES_OF_REGION.get(region) ?? [];
}

export function compileMatchPlan(ctx: MatchContext, codes: CodeIndex): MatchPlan {
  const values = codes.valueCount;
  const role = new Uint16Array(values);
  const sizeFit = new Float64Array(values);
  const entries = new Map<number, Map<number, number>>();
  const mark = (vid: number, cell: number, flag: number) => {
    if (vid < 0) return;
    let byCell = entries.get(vid);
    if (byCell === undefined) entries.set(vid, (byCell = new Map<number, number>()));
    byCell.set(cell, (byCell.get(cell) ?? 0) | flag);
  };
  const n = ctx.need.cells.length;
  const levels = new Float64Array(n * 8);
  const evidenceVids: number[][] = [];
  const topVids: number[][] = [];
  const tagVid = new Int32Array(n).fill(-1);
  const servedVid = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    const marked = markEvidence(ctx, codes, c, mark);
    evidenceVids.push(marked.alone);
    topVids.push(marked.top);
    if (ctx.plans[c]!.kind === 'product') tagVid[c] = codes.find('products', ctx.plans[c]!.code);
    levelsOf(ctx.plans[c]!.kind, levels.subarray(c * 8, c * 8 + 8));
    const cell = ctx.need.cells[c]!;
    servedVid[c] = codes.find('countries', cell.country);
    const region = ctx.cellRegions[c];
    if (region !== undefined) {
      for (const country of countriesOfRegion(region)) {
        if (country !== cell.country) mark(codes.find('countries', country), c, CELL.region);
      }
    }
    mark(servedVid[c]!, c, CELL.served);
  }
  const { cellStart, cellOf, flagOf } = toCsr(entries, values);
  for (const vid of entries.keys()) role[vid]! |= ROLE.cells;
  markFeatures(ctx, codes, role, sizeFit);
  return {
    cellCount: n,
    role,
    sizeFit,
    cellStart,
    cellOf,
    flagOf,
    levels,
    evidenceVids,
    topVids,
    tagVid,
    servedVid,
    regions: ctx.cellRegions,
    requiredVids: ctx.need.requiredDesignations.map((d) => codes.find('designations', d)),
  };
}

/**
 * Marks the values that are evidence for cell c; returns those that give evidence alone, and
 * those that give full evidence (with the product tag, for products).
 */
function markEvidence(
  ctx: MatchContext,
  codes: CodeIndex,
  c: number,
  mark: (vid: number, cell: number, flag: number) => void,
): { alone: number[]; top: number[] } {
  const plan = ctx.plans[c]!;
  const out: number[] = [];
  const top: number[] = [];
  const each = (f: CodedListField, list: Iterable<string>, flag: number, alone: boolean) => {
    for (const code of list) {
      const vid = codes.find(f, code);
      if (vid < 0) continue;
      mark(vid, c, flag);
      if (alone) out.push(vid);
      if (flag === CELL.top) top.push(vid);
    }
  };
  switch (plan.kind) {
    case 'specialization':
    case 'solutionArea':
      each('specializations', plan.top, CELL.top, true);
      each('designations', plan.designations, CELL.designation, true);
      each('solutionAreas', plan.areas, CELL.tag, true);
      break;
    case 'product':
      // A specialization counts only together with the product tag.
      each('specializations', plan.top, CELL.top, false);
      each('designations', plan.designations, CELL.designation, true);
      each('products', [plan.code], CELL.tag, true);
      break;
    case 'service':
      each('designations', plan.top, CELL.top, true);
      each('designations', plan.designations, CELL.designation, true);
      each('services', [plan.code], CELL.tag, true);
      break;
  }
  return { alone: [...new Set(out)], top: [...new Set(top)] };
}

/** Evidence value for each combination of tag / top / designation bits (capability-evidence.ts). */
function levelsOf(kind: MatchContext['plans'][number]['kind'], out: Float64Array): void {
  for (let bits = 0; bits <= EVIDENCE_BITS; bits++) {
    const tag = (bits & CELL.tag) !== 0;
    const top = (bits & CELL.top) !== 0;
    const designation = (bits & CELL.designation) !== 0;
    let value: number = EVIDENCE.none;
    if (kind === 'product') {
      if (tag && top) value = EVIDENCE.specialization;
      else if (tag && designation) value = EVIDENCE.designation;
      else if (tag || designation) value = EVIDENCE.declared;
    } else if (top) value = EVIDENCE.specialization;
    else if (designation) value = EVIDENCE.designation;
    else if (tag) value = EVIDENCE.declared;
    out[bits] = value;
  }
}

function toCsr(entries: Map<number, Map<number, number>>, values: number) {
  const cellStart = new Int32Array(values + 1);
  for (const [vid, byCell] of entries) cellStart[vid + 1] = byCell.size;
  for (let v = 0; v < values; v++) cellStart[v + 1]! += cellStart[v]!;
  const total = cellStart[values]!;
  const cellOf = new Int32Array(total);
  const flagOf = new Uint8Array(total);
  for (const [vid, byCell] of entries) {
    let at = cellStart[vid]!;
    for (const [cell, flag] of byCell) {
      cellOf[at] = cell;
      flagOf[at++] = flag;
    }
  }
  return { cellStart, cellOf, flagOf };
}

function markFeatures(
  ctx: MatchContext,
  codes: CodeIndex,
  role: Uint16Array,
  sizeFit: Float64Array,
): void {
  const set = (vid: number, bit: number) => {
    if (vid >= 0) role[vid]! |= bit;
  };
  const { language, industry } = ctx.need;
  if (language !== undefined) set(codes.find('languages', language), ROLE.language);
  if (industry !== undefined) set(codes.find('industries', industry), ROLE.industry);
  set(codes.teamingValue(true), ROLE.teaming);
  if (ctx.sizeIndex >= 0) {
    for (const vid of codes.fieldValues[field('customerSizes')]!) {
      const d = Math.abs((CUSTOMER_SIZE_INDEX.get(codes.codeOf[vid]!) ?? -9) - ctx.sizeIndex);
      if (d > 1) continue;
      sizeFit[vid] = d === 0 ? 1 : 0.5;
      set(vid, ROLE.size);
    }
  }
  const offer = ctx.offer;
  if (offer === null) return;
  const kinds: [CodedListField, ReadonlySet<string>][] = [
    ['services', offer.services],
    ['solutionAreas', offer.solutionAreas],
  ];
  for (const [f, shared] of kinds) {
    for (const vid of codes.fieldValues[field(f)]!) {
      set(vid, shared.has(codes.codeOf[vid]!) ? ROLE.kind | ROLE.sharedKind : ROLE.kind);
    }
  }
  for (const vid of codes.fieldValues[field('countries')]!) {
    const shared = offer.countries.has(codes.codeOf[vid]!);
    set(vid, shared ? ROLE.country | ROLE.sharedCountry : ROLE.country);
  }
}
