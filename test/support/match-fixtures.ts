// Matching test data: demo ecosystems as Orgs, random needs, and needs with a planted partner
// that truly fits them (plus near misses that each lack one thing).
import { planCell } from '../../src/domain/matching/capability-evidence.ts';
import {
  CELL_KINDS,
  CELL_VOCABULARY,
  type NeedCellInput,
  type NeedInput,
} from '../../src/domain/matching/need.ts';
import { regionOf } from '../../src/domain/matching/regions.ts';
import { generateOrgs } from '../../src/domain/demo/generate-orgs.ts';
import type { Rng } from '../../src/domain/demo/prng.ts';
import { emptyProfile, type Org, type OrgProfile } from '../../src/domain/profile/profile.ts';
import { codesOf } from '../../src/domain/taxonomy/vocabularies.ts';

const AT = '2030-01-01T00:00:00.000Z';

export function asOrg(id: string, profile: OrgProfile): Org {
  return { ...profile, id, version: 1, createdAt: AT, updatedAt: AT };
}

export function demoOrgs(count: number, seed: number): Org[] {
  return [...generateOrgs({ count, seed })].map((g) => asOrg(g.id, g.profile));
}

// Countries in different regions, all present in the demo generator's HQ list.
export const NEED_COUNTRIES = [
  'DE',
  'SE',
  'US',
  'GB',
  'FR',
  'JP',
  'BR',
  'IN',
  'AU',
  'NL',
  'ES',
  'CA',
];
const LANGUAGES = ['en', 'de', 'sv', 'fr', 'es', 'ja', 'pt'];

export function randomCell(rng: Rng, country = rng.pick(NEED_COUNTRIES)): NeedCellInput {
  const kind = rng.pick(CELL_KINDS);
  return { kind, code: rng.pick(codesOf(CELL_VOCABULARY[kind])), country };
}

/** Any need: 1-6 cells, options at random. */
export function randomNeed(rng: Rng): NeedInput {
  const needs: NeedCellInput[] = [];
  const keys = new Set<string>();
  const n = rng.int(1, 6);
  while (needs.length < n) {
    const cell = { ...randomCell(rng), weight: rng.pick([1, 1, 2, 0.5, 3.7]) };
    const key = `${cell.kind}:${cell.code}:${cell.country}`;
    if (keys.has(key)) continue;
    keys.add(key);
    needs.push(cell);
  }
  return {
    needs,
    ...(rng.chance(0.4) ? { industry: rng.pick(codesOf('industries')) } : {}),
    ...(rng.chance(0.4) ? { language: rng.pick(LANGUAGES) } : {}),
    ...(rng.chance(0.4) ? { customerSize: rng.pick(codesOf('customerSizes')) } : {}),
    ...(rng.chance(0.4) ? { minCapacity: rng.int(0, 20) } : {}),
    ...(rng.chance(0.1) ? { requiredDesignations: [rng.pick(codesOf('designations'))] } : {}),
  };
}

/** The profile fields that give a cell its strongest evidence (capability-evidence.ts). */
function deliver(p: OrgProfile, cell: NeedCellInput, badges: boolean): void {
  const plan = planCell(cell);
  const add = (list: string[], code: string | undefined) => {
    if (code !== undefined && !list.includes(code)) list.push(code);
  };
  const first = (s: ReadonlySet<string>) => [...s][0];
  switch (cell.kind) {
    case 'service':
      add(p.services, cell.code);
      if (badges) add(p.designations, first(plan.top) ?? first(plan.designations));
      break;
    case 'product':
      add(p.products, cell.code);
      if (badges) {
        add(p.specializations, first(plan.top));
        add(p.designations, first(plan.designations));
      }
      break;
    case 'solutionArea':
    case 'specialization':
      for (const a of plan.areas) add(p.solutionAreas, a);
      if (badges) {
        add(p.specializations, cell.kind === 'specialization' ? cell.code : first(plan.top));
        add(p.designations, first(plan.designations));
      }
      break;
  }
}

/** A country of the same region as `country`, not `country` (undefined when none is listed). */
function neighbourOf(country: string): string | undefined {
  const region = regionOf(country);
  return NEED_COUNTRIES.concat(['AT', 'NO', 'DK', 'MX', 'AR', 'NZ', 'BE', 'PT', 'CN', 'PK']).find(
    (c) => c !== country && regionOf(c) === region,
  );
}

export interface PlantedNeed {
  need: NeedInput;
  truth: Org;
  decoys: Org[];
}

/**
 * A need of 2-3 cells in different countries with industry, language, size and capacity, the
 * partner that truly fits it (badges for every cell, serves every country, meets every option),
 * and near misses: declared-only capabilities, neighbouring countries only, none of the options,
 * only the first cell.
 */
export function plantedNeed(rng: Rng, tag: string): PlantedNeed {
  const countries = rng.sample(NEED_COUNTRIES, rng.int(2, 3));
  const needs = countries.map((country) => randomCell(rng, country));
  const need: NeedInput = {
    needs,
    industry: rng.pick(codesOf('industries')),
    language: rng.pick(LANGUAGES),
    customerSize: rng.pick(codesOf('customerSizes')),
    minCapacity: rng.int(1, 10),
  };
  const make = (
    name: string,
    opts: { badges?: boolean; countries?: string[]; options?: boolean; cells?: NeedCellInput[] },
  ): Org => {
    const served = opts.countries ?? countries;
    const p = emptyProfile(`${name} ${tag}`, served[0]!, null);
    p.countries = [...served];
    for (const cell of opts.cells ?? needs) deliver(p, cell, opts.badges ?? true);
    if (opts.options ?? true) {
      p.industries = [need.industry!];
      p.languages = [need.language!];
      p.customerSizes = [need.customerSize!];
      p.capacity = { availableConsultants: need.minCapacity! + rng.int(0, 5), bench: 0 };
      p.teaming = { open: true, seeks: '' };
    }
    return asOrg(`planted-${name.toLowerCase()}-${tag}`, p);
  };
  const neighbours = countries.map((c) => neighbourOf(c) ?? c);
  return {
    need,
    truth: make('Truth', {}),
    decoys: [
      make('Declared', { badges: false }),
      make('Nearby', { countries: neighbours }),
      make('Bare', { options: false }),
      make('Partial', { cells: needs.slice(0, 1) }),
    ],
  };
}
