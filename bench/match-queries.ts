// The match benchmark's query mix: seeded needs of 1-5 cells (capability x country) with options,
// requesters drawn from the demo ecosystem, and 8-cell needs for team formation.
import { generateOrg } from '../src/domain/demo/generate-orgs.ts';
import { Rng } from '../src/domain/demo/prng.ts';
import {
  CELL_KINDS,
  CELL_VOCABULARY,
  type NeedCellInput,
  type NeedInput,
} from '../src/domain/matching/need.ts';
import type { Org } from '../src/domain/profile/profile.ts';
import { codesOf } from '../src/domain/taxonomy/vocabularies.ts';

const COUNTRIES = ['US', 'DE', 'GB', 'SE', 'FR', 'NL', 'IN', 'JP', 'BR', 'AU', 'CA', 'ES', 'NO'];
const LANGUAGES = ['en', 'de', 'fr', 'sv', 'es', 'ja', 'pt'];

export interface BenchQuery {
  need: NeedInput;
  requester: Org | null;
  excludeCompetitors: boolean;
}

function cells(rng: Rng, n: number): NeedCellInput[] {
  const out: NeedCellInput[] = [];
  const seen = new Set<string>();
  while (out.length < n) {
    const kind = rng.pick(CELL_KINDS);
    const cell = {
      kind,
      code: rng.pick(codesOf(CELL_VOCABULARY[kind])),
      country: rng.pick(COUNTRIES),
    };
    const key = `${cell.kind}:${cell.code}:${cell.country}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(cell);
  }
  return out;
}

function requesterOf(rng: Rng, seed: number, orgs: number): Org | null {
  if (!rng.chance(0.8)) return null;
  const { id, profile } = generateOrg(seed, rng.int(0, Math.max(0, orgs - 1)));
  return { ...profile, id, version: 1, createdAt: '', updatedAt: '' };
}

/** `count` match queries: 1-5 cells, options half the time, a requester most of the time. */
export function matchMix(count: number, seed: number, orgSeed: number, orgs: number): BenchQuery[] {
  const rng = new Rng(seed, 1);
  return Array.from({ length: count }, () => ({
    need: {
      needs: cells(rng, rng.pick([1, 1, 2, 2, 3, 3, 4, 5])),
      ...(rng.chance(0.5) ? { industry: rng.pick(codesOf('industries')) } : {}),
      ...(rng.chance(0.5) ? { language: rng.pick(LANGUAGES) } : {}),
      ...(rng.chance(0.3) ? { customerSize: rng.pick(codesOf('customerSizes')) } : {}),
      ...(rng.chance(0.3) ? { minCapacity: rng.int(1, 20) } : {}),
    },
    requester: requesterOf(rng, orgSeed, orgs),
    excludeCompetitors: rng.chance(0.2),
  }));
}

/** `count` team queries of 8 cells. */
export function teamMix(count: number, seed: number, orgSeed: number, orgs: number): BenchQuery[] {
  const rng = new Rng(seed, 2);
  return Array.from({ length: count }, () => ({
    need: { needs: cells(rng, 8) },
    requester: requesterOf(rng, orgSeed, orgs),
    excludeCompetitors: false,
  }));
}

export function describeNeed(q: BenchQuery): string {
  const n = q.need;
  const parts = n.needs.map((c) => `${c.kind}=${c.code}@${c.country}`);
  for (const k of ['industry', 'language', 'customerSize', 'minCapacity'] as const) {
    if (n[k] !== undefined) parts.push(`${k}=${n[k]}`);
  }
  if (q.excludeCompetitors) parts.push('excludeCompetitors');
  return parts.join(' ');
}
