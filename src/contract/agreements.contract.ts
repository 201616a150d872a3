// Agreements: request and response shapes. Numbers are checked for range by the domain
// (validateTerms), so the editor gets one list of field issues with paths such as terms.fee.rate.
import { z } from 'zod';

export const ARRANGEMENT_TYPE_VALUES = [
  'referral',
  'resale',
  'subcontract',
  'co-sell',
  'co-delivery',
  'white-label',
] as const;

const LooseMoney = z.object({ amount: z.number(), currency: z.string().max(10) });

const FeeSchema = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('percent-of-revenue'), rate: z.number() }),
  z.object({ basis: z.literal('revenue-share'), rate: z.number() }),
  z.object({ basis: z.literal('fixed-fee'), amount: LooseMoney }),
  z.object({ basis: z.literal('none') }),
]);

export const TermsSchema = z
  .object({
    fee: FeeSchema,
    feePayer: z.enum(['sender', 'receiver']),
    currency: z.string().max(10),
    paymentDays: z.number(),
    effectiveFrom: z.string().max(10),
    durationMonths: z.number().nullable(),
    nonCircumventionMonths: z.number(),
    customerRelationshipOwner: z.enum(['sender', 'receiver', 'joint']),
    confidentiality: z.enum(['standard', 'mutual-nda', 'white-label']),
    disputeRoute: z.enum(['negotiation', 'association-mediation', 'arbitration', 'courts']),
  })
  .meta({ id: 'AgreementTerms' });

/** Any subset of the terms: laid over the type's template (create) or the latest version. */
export const TermsPatchSchema = TermsSchema.partial().strict();

export const AgreementCreateSchema = z.object({
  partnershipId: z.string().min(1).max(100),
  type: z.enum(ARRANGEMENT_TYPE_VALUES),
  terms: TermsPatchSchema.optional(),
});

export const AgreementVersionCreateSchema = z.object({ terms: TermsPatchSchema });

export const AgreementVersionParams = z.object({
  id: z.string().min(1).max(100),
  n: z.coerce.number().int().min(1).max(100_000),
});

/** The proposer withdraws an open proposal; the other party declines it. */
export const AgreementVersionCloseParams = AgreementVersionParams.extend({
  action: z.enum(['withdraw', 'decline']),
});

const VersionSchema = z.object({
  n: z.number().int(),
  terms: TermsSchema,
  status: z.enum(['proposed', 'accepted', 'declined', 'withdrawn', 'replaced']),
  proposedByOrgId: z.string(),
  proposedAt: z.string(),
  decidedByOrgId: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

const TermValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const ChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(['changed', 'added', 'removed']),
  before: TermValue.optional(),
  after: TermValue.optional(),
});

export const AgreementSchema = z
  .object({
    id: z.string(),
    partnershipId: z.string(),
    type: z.enum(ARRANGEMENT_TYPE_VALUES),
    partyOrgIds: z.tuple([z.string(), z.string()]).readonly(),
    createdByOrgId: z.string(),
    createdAt: z.string(),
    version: z.number().int(),
    versions: z.array(VersionSchema).readonly(),
    /** The version governing referrals now; null until one is accepted and effective. */
    inForce: VersionSchema.nullable(),
    /** Field changes between consecutive versions. */
    diffs: z.array(
      z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(ChangeSchema) }),
    ),
  })
  .meta({ id: 'Agreement' });
export type AgreementDto = z.infer<typeof AgreementSchema>;

export const AgreementListQuery = z.object({
  partnershipId: z.string().min(1).max(100).optional(),
});
export const AgreementListSchema = z.object({ agreements: z.array(AgreementSchema) });

/** Each arrangement type's starting terms (dated today, default currency), for the editor. */
export const AgreementTemplateListSchema = z
  .object({
    templates: z.array(z.object({ type: z.enum(ARRANGEMENT_TYPE_VALUES), terms: TermsSchema })),
  })
  .meta({ id: 'AgreementTemplates' });
