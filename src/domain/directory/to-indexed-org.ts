import type { Org } from '../profile/profile.ts';
import { employeeBandRank, type CodedListField } from '../taxonomy/vocabularies.ts';
import type { IndexedOrg } from './directory-query.ts';

/** The parts of an org the index reads: a stored org, or the lean row the start-up load reads. */
export type IndexSource = Pick<
  Org,
  'id' | 'version' | 'name' | 'description' | 'skills' | 'employeeBand' | CodedListField
> & {
  teaming: Pick<Org['teaming'], 'open'>;
  capacity: Pick<Org['capacity'], 'availableConsultants'>;
};

export function toIndexedOrg(org: IndexSource): IndexedOrg {
  return {
    id: org.id,
    version: org.version,
    name: org.name,
    description: org.description,
    skills: org.skills,
    sizeRank: employeeBandRank(org.employeeBand),
    teamingOpen: org.teaming.open,
    availableConsultants: org.capacity.availableConsultants,
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
