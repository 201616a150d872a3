// Descriptions (1-3 sentences) and "what we seek" lines built from templates.
import {
  AREAS,
  INDUSTRY_LABELS,
  SOLUTION_AREAS,
  TYPE_LABELS,
  type PartnerType,
  type SolutionArea,
} from './demo-capabilities.ts';
import type { DemoCountry } from './demo-countries.ts';
import type { Rng } from './prng.ts';

export interface DescriptionFacts {
  shortName: string;
  type: PartnerType;
  city: string;
  country: DemoCountry;
  band: number;
  areas: readonly SolutionArea[];
  skills: readonly string[];
  industries: readonly string[];
  foundedYear: number;
  countriesServed: number;
  designations: readonly string[];
}

// prettier-ignore
const CUSTOMER_WORDS = ['small businesses', 'small and midsize businesses', 'mid-market companies', 'mid-market and enterprise customers', 'enterprise customers', 'large enterprises'];

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

const industryWords = (codes: readonly string[]) => codes.map((c) => INDUSTRY_LABELS[c] ?? c);

export function describe(rng: Rng, f: DescriptionFacts): string {
  const article = /^[aeiou]/i.test(TYPE_LABELS[f.type]) ? 'an' : 'a';
  const areas = listWords(f.areas.map((a) => AREAS[a].label));
  const customers = CUSTOMER_WORDS[f.band] ?? 'enterprise customers';
  // City-states: "based in Singapore", not "Singapore, Singapore".
  const place = f.country.name.endsWith(f.city) ? f.city : `${f.city}, ${f.country.name}`;
  const sentences = [
    `${f.shortName} is ${article} ${TYPE_LABELS[f.type]} based in ${place}, helping ${customers} with ${areas}.`,
  ];
  if (rng.chance(0.75)) sentences.push(strengths(rng, f));
  if (rng.chance(0.45)) sentences.push(closing(rng, f));
  return sentences.join(' ');
}

function strengths(rng: Rng, f: DescriptionFacts): string {
  const skills = f.skills.slice(0, 3);
  const industries = listWords(industryWords(f.industries.slice(0, 2)));
  switch (rng.int(0, 2)) {
    case 0:
      return `We specialise in ${listWords(skills)}.`;
    case 1:
      return industries === ''
        ? `Our certified team delivers ${listWords(skills.slice(0, 2))} projects end to end.`
        : `Our certified team delivers ${listWords(skills.slice(0, 2))} projects for ${industries} organisations.`;
    default:
      return industries === ''
        ? `Founded in ${f.foundedYear}, we have grown with our customers ever since.`
        : `Founded in ${f.foundedYear}, we have become a trusted partner for ${industries}.`;
  }
}

function closing(rng: Rng, f: DescriptionFacts): string {
  if (f.designations.length > 0 && rng.chance(0.5)) {
    return `We are a Microsoft Solutions Partner (${f.designations.length} designation${f.designations.length > 1 ? 's' : ''}) and value long-term partnerships.`;
  }
  if (f.countriesServed > 1)
    return `We serve customers in ${f.countriesServed} countries and team up with local partners.`;
  return rng.pick([
    'We like to work with other partners to give customers the full picture.',
    'Fast, pragmatic and hands-on: we finish what we start.',
    'We answer every referral within one business day.',
  ]);
}

const ARRANGEMENTS = [
  'co-delivery',
  'referrals',
  'subcontracting',
  'co-sell opportunities',
  'white-label delivery',
  'joint bids',
];

/** A complementary ask: an area the partner does not cover, somewhere it does or wants to work. */
export function seeks(
  rng: Rng,
  areas: readonly SolutionArea[],
  country: DemoCountry,
  abroad: DemoCountry | null,
): string {
  const missing = SOLUTION_AREAS.filter((a) => !areas.includes(a));
  const what =
    missing.length > 0 ? AREAS[rng.pick(missing)].label : rng.pick(AREAS[rng.pick(areas)].skills);
  const where =
    abroad !== null && rng.chance(0.5)
      ? `in ${abroad.name}`
      : rng.chance(0.5)
        ? `in ${country.name}`
        : `across ${country.region}`;
  if (rng.chance(0.2)) {
    const skill = rng.pick(AREAS[rng.pick(areas)].skills);
    return `Spare ${skill} capacity to offer; looking for referral partners ${where}.`;
  }
  return `Looking for ${what} partners ${where} for ${rng.pick(ARRANGEMENTS)}.`;
}
