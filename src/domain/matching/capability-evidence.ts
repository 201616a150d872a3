// How strongly a profile shows it can deliver one cell's capability. Earned MCPP badges count more
// than self-declared tags: a specialization (or Azure Expert MSP) > the designation of the cell's
// solution area > a tag the partner typed in itself.
//
// | cell kind      | 1.0 (specialization)          | 0.8 (designation)         | 0.5 (self-declared)          |
// | specialization | holds that specialization     | holds SP-<its area>       | declares its area            |
// | solutionArea   | any specialization of the area| holds SP-<area>           | declares the area            |
// | product        | tag + a spec. of its area(s)  | tag + SP-<its area(s)>    | the tag, or SP-<area> alone  |
// | service        | badge that audits the service | badge that vouches for it | the tag                      |
import { VOCABULARIES } from '../taxonomy/vocabularies.ts';
import type { CellKind, NeedCell } from './need.ts';

export const EVIDENCE = { specialization: 1, designation: 0.8, declared: 0.5, none: 0 } as const;
export type EvidenceBasis = keyof typeof EVIDENCE;

type CapabilityField = 'services' | 'products' | 'solutionAreas' | 'designations' | 'specializations';
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
  readonly areas: readonly string[];
  /** Codes in `specializations` (or, for services, `designations`) worth 1.0. */
  readonly top: readonly string[];
  /** Codes in `designations` worth 0.8. */
  readonly designations: readonly string[];
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
  switch (kind) {
    case 'specialization': {
      const area = areaOfSpecialization.get(code);
      const areas = area === undefined || area === '' ? [] : [area];
      return { kind, code, areas, top: [code], designations: designationsOf(areas) };
    }
    case 'solutionArea':
      return { kind, code, areas: [code], top: specializationsOf([code]), designations: designationsOf([code]) };
    case 'product': {
      const areas = PRODUCT_AREAS[code] ?? [];
      return { kind, code, areas, top: specializationsOf(areas), designations: designationsOf(areas) };
    }
    case 'service': {
      const badges = SERVICE_BADGES[code] ?? { audited: [], designated: [] };
      return { kind, code, areas: [], top: badges.audited, designations: badges.designated };
    }
  }
}

function hasAny(list: readonly string[], codes: readonly string[]): boolean {
  for (const c of codes) if (list.includes(c)) return true;
  return false;
}

/** Evidence in [0, 1] that `org` delivers the cell's capability (anywhere). Allocation-free. */
export function cellEvidence(plan: CellPlan, org: CapabilityLists): number {
  return EVIDENCE[evidenceBasis(plan, org)];
}

export function evidenceBasis(plan: CellPlan, org: CapabilityLists): EvidenceBasis {
  switch (plan.kind) {
    case 'specialization':
    case 'solutionArea':
      if (hasAny(org.specializations, plan.top)) return 'specialization';
      if (hasAny(org.designations, plan.designations)) return 'designation';
      return hasAny(org.solutionAreas, plan.areas) ? 'declared' : 'none';
    case 'product': {
      const tagged = org.products.includes(plan.code);
      if (tagged && hasAny(org.specializations, plan.top)) return 'specialization';
      if (tagged && hasAny(org.designations, plan.designations)) return 'designation';
      return tagged || hasAny(org.designations, plan.designations) ? 'declared' : 'none';
    }
    case 'service':
      if (hasAny(org.designations, plan.top)) return 'specialization';
      if (hasAny(org.designations, plan.designations)) return 'designation';
      return org.services.includes(plan.code) ? 'declared' : 'none';
  }
}

/** The badge behind a basis, for explanations ("specialization Finance"). */
export function evidenceSource(plan: CellPlan, org: CapabilityLists, basis: EvidenceBasis): string {
  const first = (list: readonly string[], codes: readonly string[]) =>
    codes.find((c) => list.includes(c)) ?? '';
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
