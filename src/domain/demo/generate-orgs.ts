// The demo ecosystem: a deterministic, streaming generator of plausible partner profiles.
// Org i depends only on (seed, i), so the first N orgs are the same whatever the count.
import type { Office, OrgProfile, RateCardEntry } from '../profile/profile.ts';
import { registrableDomain } from '../profile/registrable-domain.ts';
import {
  AREAS,
  AREAS_BY_TYPE,
  bandTraits,
  CUSTOMER_SIZES,
  EMPLOYEE_BANDS,
  INDUSTRIES,
  ROLE_USD_DAY_RATE,
  SECONDARY_TYPES,
  SERVICES_BY_TYPE,
  primaryTypes,
  type PartnerType,
  type SolutionArea,
} from './demo-capabilities.ts';
import {
  COUNTRIES_BY_REGION,
  HQ_COUNTRIES,
  MINOR_DIGITS,
  type DemoCountry,
} from './demo-countries.ts';
import { makeName } from './demo-names.ts';
import { describe, seeks } from './demo-text.ts';
import { Rng, mix32, uuidFrom } from './prng.ts';

export interface GeneratedOrg {
  id: string;
  profile: OrgProfile;
}

export interface GenerateOptions {
  count: number;
  seed: number;
}

export function* generateOrgs(opts: GenerateOptions): Generator<GeneratedOrg> {
  for (let i = 0; i < opts.count; i++) yield generateOrg(opts.seed, i);
}

export function generateOrg(seed: number, index: number): GeneratedOrg {
  const rng = new Rng(seed, index);
  // The first 32 bits are a bijection of the index: ids never collide within one seed.
  const id = uuidFrom(mix32((index ^ mix32(seed ^ 0x5bd1e995)) >>> 0), rng);
  const hq = HQ_COUNTRIES.pick(rng);
  const band = EMPLOYEE_BANDS.pick(rng);
  const traits = bandTraits(band);
  const primary = primaryTypes(band).pick(rng);
  const types = partnerTypes(rng, primary);
  const areas = AREAS_BY_TYPE[primary].pickDistinct(rng, rng.int(1, traits.maxAreas));
  const designations = designationsFor(rng, band, types, areas);
  const services = servicesFor(rng, types);
  const [fromYear, toYear] = traits.founded;
  const foundedYear = rng.int(fromYear, toYear);
  const served = servedCountries(rng, hq, band);
  const { name, shortName, website } = makeName(rng, hq, primary);
  const skills = skillsFor(rng, areas, band);
  const industries = INDUSTRIES.pickDistinct(rng, rng.int(1, traits.maxIndustries));
  const offices = officesFor(rng, hq, served, band);
  const [lowConsultants, highConsultants] = traits.consultants;
  const availableConsultants = rng.int(lowConsultants, highConsultants);
  const open = rng.chance(0.6);
  const abroad = served.find((c) => c !== hq) ?? null;
  const profile: OrgProfile = {
    name,
    website,
    domain: registrableDomain(website),
    hqCountry: hq.code,
    countries: served.map((c) => c.code),
    languages: languagesFor(rng, served),
    partnerTypes: types,
    services,
    products: productsFor(rng, areas, services, foundedYear),
    industries,
    customerSizes: customerSizesFor(rng, band),
    solutionAreas: areas,
    designations,
    specializations: specializationsFor(rng, band, designations),
    skills,
    employeeBand: traits.code,
    foundedYear,
    description: describe(rng, {
      shortName,
      type: primary,
      city: offices[0]?.city ?? hq.cities[0] ?? hq.name,
      country: hq,
      band,
      areas,
      skills,
      industries,
      foundedYear,
      countriesServed: served.length,
      designations,
    }),
    teaming: { open, seeks: open ? seeks(rng, areas, hq, abroad) : '' },
    capacity: { availableConsultants, bench: rng.int(0, Math.floor(availableConsultants / 2)) },
    rateCard: rateCardFor(rng, hq, band, types, areas),
    offices,
  };
  return { id, profile };
}

function partnerTypes(rng: Rng, primary: PartnerType): PartnerType[] {
  const types: PartnerType[] = [primary];
  for (const [type, p] of Object.entries(SECONDARY_TYPES[primary]) as [PartnerType, number][]) {
    if (rng.chance(p)) types.push(type);
  }
  return types;
}

function designationsFor(
  rng: Rng,
  band: number,
  types: readonly PartnerType[],
  areas: readonly SolutionArea[],
): string[] {
  const chance = bandTraits(band).designationChance;
  const out = areas.filter(() => rng.chance(chance)).map((a) => `SP-${a}`);
  if (
    types.includes('MSP') &&
    out.includes('SP-Infrastructure') &&
    band >= 2 &&
    rng.chance(band >= 3 ? 0.5 : 0.2)
  ) {
    out.push('AzureExpertMSP');
  }
  if (types.includes('Training') && rng.chance(0.4)) out.push('TrainingServices');
  if (types.includes('MSP') && band >= 3 && rng.chance(0.2)) out.push('SupportServices');
  return out;
}

// MCPP: a specialization only on top of the designation of its solution area.
function specializationsFor(rng: Rng, band: number, designations: readonly string[]): string[] {
  const out: string[] = [];
  for (const d of designations) {
    if (!d.startsWith('SP-')) continue;
    const area = AREAS[d.slice(3) as SolutionArea];
    out.push(...rng.sample(area.specializations, rng.int(0, bandTraits(band).maxSpecializations)));
  }
  return out;
}

function servicesFor(rng: Rng, types: readonly PartnerType[]): string[] {
  const out = new Set<string>();
  types.forEach((type, i) => {
    const { core, extra } = SERVICES_BY_TYPE[type];
    for (const s of i === 0 ? core : core.slice(0, 1)) out.add(s);
    for (const s of extra) if (rng.chance(i === 0 ? 0.5 : 0.2)) out.add(s);
  });
  return [...out];
}

function productsFor(
  rng: Rng,
  areas: readonly SolutionArea[],
  services: readonly string[],
  founded: number,
): string[] {
  const out = new Set<string>();
  for (const area of areas) {
    AREAS[area].products.forEach((p, i) => {
      if (i === 0 || rng.chance(0.4)) out.add(p);
    });
  }
  if (services.includes('Hardware')) {
    out.add('Surface');
    if (rng.chance(0.2)) out.add('SurfaceHub');
    if (rng.chance(0.5)) out.add('Windows');
  }
  if (areas.includes('BusinessApplications') && founded < 2012 && rng.chance(0.4)) {
    out.add(rng.pick(['DynamicsNAV', 'DynamicsNAV', 'DynamicsAX', 'DynamicsGP', 'DynamicsSL']));
  }
  if (areas.includes('ModernWork') && rng.chance(0.08))
    out.add(rng.pick(['Yammer', 'SkypeForBusiness']));
  return [...out];
}

function customerSizesFor(rng: Rng, band: number): string[] {
  const [lo, hi] = bandTraits(band).customerSizes;
  const from = rng.int(lo, Math.min(lo + 1, hi - 1));
  const to = rng.int(from + 1, hi);
  return CUSTOMER_SIZES.slice(from, to + 1);
}

function servedCountries(rng: Rng, hq: DemoCountry, band: number): DemoCountry[] {
  const out = [hq];
  const [lo, hi] = bandTraits(band).extraCountries;
  const want = 1 + (band <= 1 && rng.chance(0.5) ? 0 : rng.int(lo, hi));
  const neighbours = COUNTRIES_BY_REGION.get(hq.region);
  for (let tries = 0; out.length < want && tries < want * 10; tries++) {
    const c =
      neighbours !== undefined && rng.chance(0.7) ? neighbours.pick(rng) : HQ_COUNTRIES.pick(rng);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

function languagesFor(rng: Rng, served: readonly DemoCountry[]): string[] {
  const out = new Set<string>();
  served.forEach((c, i) => {
    c.languages.forEach((lang, j) => {
      if (i === 0 ? j === 0 || rng.chance(0.5) : j === 0 && rng.chance(0.3)) out.add(lang);
    });
  });
  if (!out.has('en') && rng.chance(0.85)) out.add('en');
  return [...out];
}

function skillsFor(rng: Rng, areas: readonly SolutionArea[], band: number): string[] {
  const out: string[] = [];
  for (const area of areas)
    out.push(...rng.sample(AREAS[area].skills, rng.int(1, 3 + (band >> 1))));
  return out.slice(0, 12);
}

function officesFor(
  rng: Rng,
  hq: DemoCountry,
  served: readonly DemoCountry[],
  band: number,
): Office[] {
  const hqCity = rng.chance(0.5) ? (hq.cities[0] ?? hq.name) : rng.pick(hq.cities);
  const offices: Office[] = [{ country: hq.code, city: hqCity }];
  const extra =
    band === 0 ? (rng.chance(0.1) ? 1 : 0) : band <= 2 ? rng.int(0, band) : rng.int(1, 2);
  for (let tries = 0; offices.length < 1 + extra && tries < 10; tries++) {
    const country = rng.chance(0.5) ? hq : rng.pick(served);
    const city = rng.pick(country.cities);
    if (!offices.some((o) => o.city === city && o.country === country.code)) {
      offices.push({ country: country.code, city });
    }
  }
  return offices;
}

function rateCardFor(
  rng: Rng,
  hq: DemoCountry,
  band: number,
  types: readonly PartnerType[],
  areas: readonly SolutionArea[],
): RateCardEntry[] {
  const pool: string[] = [];
  const add = (role: string) => {
    if (!pool.includes(role)) pool.push(role);
  };
  for (const a of areas) AREAS[a].roles.forEach(add);
  if (types.includes('Training')) add('Trainer');
  if (types.includes('Consulting')) add('Senior Consultant');
  if (types.includes('SI')) add('Project Manager');
  const digits = MINOR_DIGITS.get(hq.currency) ?? 2;
  const premium = band >= 3 ? 1.1 : 1;
  return rng.sample(pool, rng.int(1, 4)).map((role) => {
    const local =
      (ROLE_USD_DAY_RATE[role] ?? 1000) *
      hq.costLevel *
      hq.fxPerUsd *
      premium *
      (0.85 + rng.float() * 0.35);
    return {
      role,
      dayRate: { amount: Math.round(roundNicely(local) * 10 ** digits), currency: hq.currency },
    };
  });
}

/** Two significant digits: 1,234 -> 1,200; 15,812,000 -> 16,000,000. */
function roundNicely(x: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1);
  return Math.round(x / step) * step;
}
