import type { Org } from '../profile/profile.ts';
import { employeeBandRank } from '../taxonomy/vocabularies.ts';
import type { IndexedOrg } from './directory-query.ts';

export function toIndexedOrg(org: Org): IndexedOrg {
  return {
    id: org.id,
    name: org.name,
    description: org.description,
    skills: org.skills,
    sizeRank: employeeBandRank(org.employeeBand),
    teamingOpen: org.teaming.open,
    codes: {
      countries: org.countries,
      languages: org.languages,
      partnerTypes: org.partnerTypes,
      services: org.services,
      products: org.products,
      industries: org.industries,
      customerSizes: org.customerSizes,
      solutionAreas: org.solutionAreas,
      designations: org.designations,
      specializations: org.specializations,
    },
  };
}
