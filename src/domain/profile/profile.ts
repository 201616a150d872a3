// The partner profile: an organization's public directory record.
import type { CodedListField } from '../taxonomy/vocabularies.ts';

export interface Money {
  /** Integer minor units (cents), never a float. */
  amount: number;
  /** ISO 4217 code. */
  currency: string;
}

export interface RateCardEntry {
  role: string;
  dayRate: Money;
}

export interface Office {
  country: string;
  city: string;
  address?: string | undefined;
}

export interface Teaming {
  open: boolean;
  seeks: string;
}

export interface Capacity {
  availableConsultants: number;
  bench: number;
}

export type CodedLists = Record<CodedListField, string[]>;

export interface OrgProfile extends CodedLists {
  name: string;
  website: string | null;
  /** Registrable domain of the website (e.g. contoso.co.uk), derived, never typed in. */
  domain: string | null;
  hqCountry: string;
  skills: string[];
  employeeBand: string | null;
  foundedYear: number | null;
  description: string;
  teaming: Teaming;
  capacity: Capacity;
  rateCard: RateCardEntry[];
  offices: Office[];
}

export interface Org extends OrgProfile {
  id: string;
  /** Bumped on every change; the ETag is derived from it. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const PROFILE_LIMITS = {
  nameMax: 200,
  descriptionMax: 2500,
  skillsMax: 50,
  skillMax: 60,
  officesPerCountryMax: 5,
  rateCardMax: 50,
} as const;

export function emptyProfile(name: string, hqCountry: string, website: string | null): OrgProfile {
  return {
    name,
    website,
    domain: null,
    hqCountry,
    countries: [hqCountry],
    languages: [],
    partnerTypes: [],
    services: [],
    products: [],
    industries: [],
    customerSizes: [],
    solutionAreas: [],
    designations: [],
    specializations: [],
    skills: [],
    employeeBand: null,
    foundedYear: null,
    description: '',
    teaming: { open: false, seeks: '' },
    capacity: { availableConsultants: 0, bench: 0 },
    rateCard: [],
    offices: [],
  };
}
