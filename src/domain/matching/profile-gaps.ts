// "Who complements me": the gaps of an organization's own profile as need cells. A gap is a
// solution area or service the profile shows no evidence of (capability-evidence.ts), in each
// country the organization serves, headquarters first, whole countries up to the cell limit.
import { VOCABULARIES } from '../taxonomy/vocabularies.ts';
import { cellEvidence, planCell, type CapabilityLists } from './capability-evidence.ts';
import { NEED_LIMITS, type CellKind, type NeedCellInput } from './need.ts';

export type GapProfile = CapabilityLists & {
  readonly hqCountry: string;
  readonly countries: readonly string[];
};

const GAP_KINDS: readonly CellKind[] = ['solutionArea', 'service'];

export function profileGaps(org: GapProfile): NeedCellInput[] {
  const missing = GAP_KINDS.flatMap((kind) =>
    VOCABULARIES[kind === 'service' ? 'services' : 'solutionAreas']
      .map((e) => ({ kind, code: e.code }))
      .filter((cell) => cellEvidence(planCell(cell), org) === 0),
  );
  if (missing.length === 0) return [];
  const places = [org.hqCountry, ...org.countries.filter((c) => c !== org.hqCountry)];
  const countries = places.slice(0, Math.max(1, Math.floor(NEED_LIMITS.cellsMax / missing.length)));
  return countries.flatMap((country) => missing.map((m) => ({ ...m, country })));
}
