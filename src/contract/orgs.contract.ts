// Partner profile and directory: request and response shapes for HTTP, CLI and the web app.
import { z } from 'zod';
import { MoneySchema, text } from './common.contract.ts';

const code = z.string().min(1).max(64);
const codes = z.array(code).max(300);

export const OfficeSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code such as DE'),
  city: text(100).pipe(z.string().min(1, 'Required')),
  address: text(300).optional(),
});

export const RateCardEntrySchema = z.object({
  role: text(100).pipe(z.string().min(1, 'Required')),
  dayRate: MoneySchema,
});

const profileFields = {
  name: text(200).pipe(z.string().trim().min(2, 'At least 2 characters')),
  website: z.url({ protocol: /^https?$/, error: 'An http(s) URL' }).max(500).nullable(),
  hqCountry: z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code such as DE'),
  countries: codes,
  languages: codes,
  partnerTypes: codes,
  services: codes,
  products: codes,
  industries: codes,
  customerSizes: codes,
  solutionAreas: codes,
  designations: codes,
  specializations: codes,
  skills: z.array(text(60).pipe(z.string().trim().min(1))).max(50),
  employeeBand: code.nullable(),
  foundedYear: z.number().int().nullable(),
  description: text(2500),
  teaming: z.object({ open: z.boolean(), seeks: text(1000) }),
  capacity: z.object({
    availableConsultants: z.number().int().min(0).max(100_000),
    bench: z.number().int().min(0).max(100_000),
  }),
  rateCard: z.array(RateCardEntrySchema).max(50),
  offices: z.array(OfficeSchema).max(250),
};

export const OrgSchema = z
  .object({
    id: z.string(),
    ...profileFields,
    domain: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Org', description: 'An organization and its public partner profile' });
export type OrgDto = z.infer<typeof OrgSchema>;

/** PATCH body: any subset of the profile; `domain` is derived from `website`, never sent. */
export const OrgPatchSchema = z.strictObject(profileFields).partial();
export type OrgPatch = z.infer<typeof OrgPatchSchema>;

export const OrgSummarySchema = OrgSchema.pick({
  id: true,
  name: true,
  website: true,
  domain: true,
  hqCountry: true,
  countries: true,
  languages: true,
  partnerTypes: true,
  services: true,
  products: true,
  industries: true,
  solutionAreas: true,
  designations: true,
  specializations: true,
  employeeBand: true,
  teaming: true,
  capacity: true,
}).extend({ summary: z.string() });
export type OrgSummary = z.infer<typeof OrgSummarySchema>;

/** Directory filter parameters (repeat one for any-of) and the profile field each filters. */
export const DIRECTORY_FILTERS = {
  country: 'countries',
  language: 'languages',
  partnerType: 'partnerTypes',
  service: 'services',
  product: 'products',
  industry: 'industries',
  customerSize: 'customerSizes',
  solutionArea: 'solutionAreas',
  designation: 'designations',
  specialization: 'specializations',
} as const;
export type DirectoryFilterParam = keyof typeof DIRECTORY_FILTERS;

// A parameter given once arrives as a string, repeated as an array; commas also separate values.
const multi = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== ''))
  .pipe(z.array(code).max(100))
  .optional();

export const DirectoryQuerySchema = z.strictObject({
  q: text(200).optional(),
  country: multi,
  language: multi,
  partnerType: multi,
  service: multi,
  product: multi,
  industry: multi,
  customerSize: multi,
  solutionArea: multi,
  designation: multi,
  specialization: multi,
  teaming: z.enum(['yes', 'no']).optional(),
  sort: z.enum(['relevance', 'name', 'size']).default('relevance'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
export type DirectoryQueryDto = z.infer<typeof DirectoryQuerySchema>;

const FacetList = z.array(z.object({ code: z.string(), count: z.number().int() }));
export const FACET_PARAMS = [...(Object.keys(DIRECTORY_FILTERS) as DirectoryFilterParam[]), 'teaming'] as const;

export const DirectoryPageSchema = z
  .object({
    items: z.array(OrgSummarySchema),
    facets: z.record(z.enum(FACET_PARAMS), FacetList),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'DirectoryPage' });
export type DirectoryPageDto = z.infer<typeof DirectoryPageSchema>;

export const VocabulariesSchema = z.object({
  version: z.string(),
  effectiveFrom: z.string(),
  vocabularies: z.record(z.string(), z.array(z.object({ code: z.string(), label: z.string() }))),
});
