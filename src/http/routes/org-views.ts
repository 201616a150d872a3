// Domain Org -> the API's shapes.
import type { OrgDto, OrgSummary } from '../../contract/orgs.contract.ts';
import type { Org } from '../../domain/profile/profile.ts';

export function toOrgDto(org: Org): OrgDto {
  return { ...org, offices: org.offices.map((o) => ({ ...o })) };
}

export function toOrgSummary(org: Org): OrgSummary {
  return {
    id: org.id,
    name: org.name,
    website: org.website,
    domain: org.domain,
    hqCountry: org.hqCountry,
    countries: org.countries,
    languages: org.languages,
    partnerTypes: org.partnerTypes,
    services: org.services,
    products: org.products,
    industries: org.industries,
    solutionAreas: org.solutionAreas,
    designations: org.designations,
    specializations: org.specializations,
    employeeBand: org.employeeBand,
    teaming: org.teaming,
    capacity: org.capacity,
    summary: summarize(org.description, 240),
  };
}

function summarize(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

export const etagOf = (version: number): string => `"${version}"`;
