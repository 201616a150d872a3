// How strongly a profile shows it can deliver one cell's capability. Earned MCPP badges count more
// than self-declared tags: a specialization (or Azure Expert MSP) > the designation of the cell's
// solution area > a tag the partner typed in itself.
//
// | cell kind      | 1.0 (specialization)          | 0.75 (designation)        | 0.5 (self-declared)          |
// | specialization | holds that specialization     | holds SP-<its area>       | declares its area            |
// | solutionArea   | any specialization of the area| holds SP-<area>           | declares the area            |
// | product        | tag + a spec. of its area(s)  | tag + SP-<its area(s)>    | the tag, or SP-<area> alone  |
// | service        | badge that audits the service | badge that vouches for it | the tag                      |
import { VOCABULARIES } from '../taxonomy/vocabularies.ts';
import type { CellKind, NeedCell } from './need.ts';

// Powers of two, so the values stay exact through the score's rounding (factors.ts).
export const EVIDENCE = { specialization: 1, designation: 0.75, declared: 0.5, none: 0 } as const;
export type EvidenceBasis = keyof typeof EVIDENCE;

// Levels, weakest first: the hot path works on these small integers.
const BASES: readonly EvidenceBasis[] = ['none', 'declared', 'designation', 'specialization'];
const LEVEL_VALUE = Float64Array.from(BASES, (b) => EVIDENCE[b]);
const [NONE, DECLARED, DESIGNATION, SPECIALIZATION] = [0, 1, 2, 3] as const;

type CapabilityField =
  'services' | 'products' | 'solutionAreas' | 'designations' | 'specializations';
export type CapabilityLists = { readonly [F in CapabilityField]: readonly string[] };

// Which solution areas' badges vouch for a product. Products carry no area in the Partner Center
// vocabulary, so the mapping is ours; a product missing here is judged on its tag alone.
const PRODUCT_AREAS: Readonly<Record<string, readonly string[]>> = {
  Azure: ['DataAI', 'Infrastructure', 'DigitalAppInnovation'],
  EnterpriseMobilityAndSecurity: ['Security', 'ModernWork'],
  Exchange: ['ModernWork'],
  DeveloperTools: ['DigitalAppInnovation'],
  Dynamics365Business: ['BusinessApplications'],
  Dynamics365Enterprise: ['BusinessApplications'],
  DynamicsAX: ['BusinessApplications'],
  DynamicsGP: ['BusinessApplications'],
  DynamicsNAV: ['BusinessApplications'],
  DynamicsSL: ['BusinessApplications'],
  Microsoft365: ['ModernWork', 'Security'],
  Office: ['ModernWork'],
  PowerBI: ['DataAI', 'BusinessApplications'],
  Project: ['ModernWork'],
  SharePoint: ['ModernWork'],
  SkypeForBusiness: ['ModernWork'],
  Surface: ['ModernWork'],
  SurfaceHub: ['ModernWork'],
  SQL: ['DataAI', 'Infrastructure'],
  Teams: ['ModernWork'],
  Visio: ['ModernWork'],
  Windows: ['ModernWork'],
  Yammer: ['ModernWork'],
};

// Badges that vouch for a service: Azure Expert MSP is audited (specialization level); the
// Support and Training Services designations are designations.
const SERVICE_BADGES: Readonly<Record<string, { audited: string[]; designated: string[] }>> = {
  ManagedServices: { audited: ['AzureExpertMSP'], designated: ['SupportServices'] },
  LearningAndCertification: { audited: [], designated: ['TrainingServices'] },
};

/** What to look for in a profile for one cell; built once per need, read per candidate. */
export interface CellPlan {
  readonly kind: CellKind;
  readonly code: string;
  /** Solution areas the cell belongs to (none for most services). */
  readonly areas: ReadonlySet<string>;
  /** Codes in `specializations` (or, for services, `designations`) worth 1.0. */
  readonly top: ReadonlySet<string>;
  /** Codes in `designations` worth 0.75. */
  readonly designations: ReadonlySet<string>;
}

const areaOfSpecialization = new Map(
  VOCABULARIES.specializations.map((s) => [s.code, s.solutionArea ?? '']),
);
const designationsOf = (areas: readonly string[]): string[] =>
  VOCABULARIES.designations
    .filter((d) => d.solutionArea !== undefined && areas.includes(d.solutionArea))
    .map((d) => d.code);
const specializationsOf = (areas: readonly string[]): string[] =>
  VOCABULARIES.specializations
    .filter((s) => s.solutionArea !== undefined && areas.includes(s.solutionArea))
    .map((s) => s.code);

export function planCell(cell: Pick<NeedCell, 'kind' | 'code'>): CellPlan {
  const { kind, code } = cell;
  const plan = (
    areas: readonly string[],
    top: readonly string[],
    designations: readonly string[],
  ) => ({
    kind,
    code,
    areas: new Set(areas),
    top: new Set(top),
    designations: new Set(designations),
  });
  switch (kind) {
    case 'specialization': {
      const area = areaOfSpecialization.get(code);
      const areas = area === undefined || area === '' ? [] : [area];
      return plan(areas, [code], designationsOf(areas));
    }
    case 'solutionArea':
      return plan([code], specializationsOf([code]), designationsOf([code]));
    case 'product': {
      const areas = PRODUCT_AREAS[code] ?? [];
      return plan(areas, specializationsOf(areas), designationsOf(areas));
    }
    case 'service': {
      const badges = SERVICE_BADGES[code] ?? { audited: [], designated: [] };
      return plan([], badges.audited, badges.designated);
    }
  }
}

/** Whether any code of the profile's (short) list is in the plan's set. */
function hasAny(list: readonly string[], codes: ReadonlySet<string>): boolean {
  for (let i = 0; i < list.length; i++) if (codes.has(list[i]!)) return true;
  return false;
}

/** Evidence in [0, 1] that `org` delivers the cell's capability (anywhere). Allocation-free. */
export function cellEvidence(plan: CellPlan, org: CapabilityLists): number {
  return LEVEL_VALUE[evidenceLevel(plan, org)]!;
}

export function evidenceBasis(plan: CellPlan, org: CapabilityLists): EvidenceBasis {
  return BASES[evidenceLevel(plan, org)]!;
}

function evidenceLevel(plan: CellPlan, org: CapabilityLists): number {
  switch (plan.kind) {
    case 'specialization':
    case 'solutionArea':
      if (hasAny(org.specializations, plan.top)) return SPECIALIZATION;
      if (hasAny(org.designations, plan.designations)) return DESIGNATION;
      return hasAny(org.solutionAreas, plan.areas) ? DECLARED : NONE;
    case 'product': {
      const tagged = org.products.includes(plan.code);
      if (tagged && hasAny(org.specializations, plan.top)) return SPECIALIZATION;
      const designated = hasAny(org.designations, plan.designations);
      if (tagged && designated) return DESIGNATION;
      return tagged || designated ? DECLARED : NONE;
    }
    case 'service':
      if (hasAny(org.designations, plan.top)) return SPECIALIZATION;
      if (hasAny(org.designations, plan.designations)) return DESIGNATION;
      return org.services.includes(plan.code) ? DECLARED : NONE;
  }
}

/** The badge behind a basis, for explanations ("specialization Finance"). */
export function evidenceSource(plan: CellPlan, org: CapabilityLists, basis: EvidenceBasis): string {
  const first = (list: readonly string[], codes: ReadonlySet<string>) =>
    list.find((c) => codes.has(c)) ?? '';
  switch (basis) {
    case 'specialization':
      return plan.kind === 'service'
        ? first(org.designations, plan.top)
        : `specialization ${first(org.specializations, plan.top)}`;
    case 'designation':
      return `designation ${first(org.designations, plan.designations)}`;
    case 'declared':
      return 'declared in profile';
    case 'none':
      return 'no evidence';
  }
}
