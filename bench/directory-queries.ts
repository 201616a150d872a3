// A fixed, seeded mix of directory queries shaped like real use: browsing by one broad filter
// (country US, consulting services), narrowing with 2-4 filters, text with filters, type-ahead
// prefixes, teaming. The same seed always gives the same queries.
import type { DirectoryQuery, DirectorySort } from '../src/domain/directory/directory-query.ts';
import type { CodedListField } from '../src/domain/taxonomy/vocabularies.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

// Weighted towards big markets (broad) with a tail of small ones (narrow).
// prettier-ignore
const COUNTRIES = ['US', 'US', 'US', 'GB', 'DE', 'DE', 'FR', 'NL', 'CA', 'AU', 'IN', 'SE', 'DK', 'ES', 'IS', 'LU', 'PT'];
// prettier-ignore
const FILTER_VALUES: Readonly<Partial<Record<CodedListField, readonly string[]>>> = {
  countries: COUNTRIES,
  languages: ['en', 'en', 'de', 'fr', 'es', 'nl', 'sv'],
  services: ['ConsultingAndProfessional', 'DeploymentOrMigration', 'ManagedServices', 'Licensing', 'CustomSolution', 'LearningAndCertification'],
  solutionAreas: ['Security', 'DataAI', 'Infrastructure', 'ModernWork', 'BusinessApplications', 'DigitalAppInnovation'],
  industries: ['Healthcare', 'FinancialServices', 'Manufacturing', 'Government', 'Education', 'RetailConsumerGoods'],
  partnerTypes: ['MSP', 'SI', 'Consulting', 'Reseller', 'ISV', 'Training'],
  products: ['Azure', 'Microsoft365', 'Dynamics365Business', 'PowerBI', 'Teams', 'Surface'],
  designations: ['SP-Security', 'SP-DataAI', 'SP-Infrastructure', 'AzureExpertMSP'],
  specializations: ['KubernetesOnAzure', 'AnalyticsOnAzure', 'AzureVirtualDesktop', 'SAPOnAzure', 'IdentityAccessManagement'],
  customerSizes: ['1to9employees', '10to50employees', '51to250employees', '1001to5000employees'],
};
const FILTER_FIELDS = Object.keys(FILTER_VALUES) as CodedListField[];

// Whole words and type-ahead prefixes (>= 4 letters, none a prefix of a stop word).
// prettier-ignore
const WORDS = ['azure', 'security', 'migration', 'copilot', 'dynamics', 'sharepoint', 'sentinel', 'intune', 'fabric', 'databricks', 'devops', 'github', 'terraform', 'finops', 'dataverse', 'backup', 'managed', 'consulting', 'healthcare', 'manufacturing', 'finance', 'contoso', 'nordlys', 'cloud', 'data', 'teams', 'power'];
// prettier-ignore
const PHRASES = ['power bi', 'zero trust', 'business central', 'landing zones', 'azure migrate', 'data governance', 'defender endpoint', 'teams rooms', 'azure virtual desktop'];

function textFor(rng: Rng): string {
  const r = rng();
  if (r < 0.45) return '';
  if (r < 0.7) return pick(rng, WORDS);
  if (r < 0.85) return pick(rng, PHRASES);
  const word = pick(rng, WORDS);
  return word.slice(0, Math.max(4, Math.ceil(word.length * (0.5 + rng() * 0.4))));
}

function filtersFor(rng: Rng, count: number): DirectoryQuery['filters'] {
  const filters: DirectoryQuery['filters'] = {};
  // Browsing starts broad: the first filter is usually a country or a service.
  const first =
    rng() < 0.6 ? pick(rng, ['countries', 'services'] as const) : pick(rng, FILTER_FIELDS);
  for (let i = 0; i < count; i++) {
    const field = i === 0 ? first : pick(rng, FILTER_FIELDS);
    const values = FILTER_VALUES[field]!;
    const wanted = new Set(filters[field] ?? []);
    wanted.add(pick(rng, values));
    if (rng() < 0.2) wanted.add(pick(rng, values));
    filters[field] = [...wanted];
  }
  return filters;
}

/** `count` queries: text (half of them), 1-4 filters, sometimes teaming; top `limit`. */
export function queryMix(count: number, seed: number, limit = 20): DirectoryQuery[] {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const text = textFor(rng);
    const filters = filtersFor(rng, 1 + Math.floor(rng() * rng() * 4));
    const sort: DirectorySort =
      text !== '' && rng() < 0.7 ? 'relevance' : pick(rng, ['name', 'size'] as const);
    const teaming = rng() < 0.15 ? true : undefined;
    return { text, filters, sort, limit, ...(teaming === undefined ? {} : { teaming }) };
  });
}

export function describeQuery(q: DirectoryQuery): string {
  const filters = Object.entries(q.filters)
    .map(([f, v]) => `${f}=${v.join('|')}`)
    .join(' ');
  return `[${q.sort}] "${q.text}" ${filters}${q.teaming === undefined ? '' : ` teaming=${String(q.teaming)}`}`;
}
