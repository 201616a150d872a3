// Partner Center referral JSON (engagements/referrals), Microsoft's field names, and the import
// request that wraps one. Unknown fields are allowed and ignored, as a Partner Center client would.
import { z } from 'zod';
import { ARRANGEMENT_TYPE_VALUES } from './agreements.contract.ts';
import { text } from './common.contract.ts';
import {
  PARTNER_ROLE_VALUES,
  REFERRAL_STATUS_VALUES,
  REFERRAL_SUBSTATUS_VALUES,
  ReferralSchema,
} from './referrals.contract.ts';

const PcTeamMemberSchema = z.object({
  firstName: text(100),
  lastName: text(100),
  phoneNumber: text(50).optional(),
  email: z.email().max(300),
});

const country = z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code such as DE');
const dateTime = z.string().max(40);
const codes = z.array(z.string().max(100)).max(100).optional();

export const PcReferralSchema = z
  .object({
    id: z.string().max(100).optional(),
    engagementId: z.string().min(1).max(100).optional(),
    name: text(250).pipe(z.string().trim().min(1, 'Required')),
    externalReferenceId: z.string().max(100).optional(),
    createdDateTime: dateTime.optional(),
    updatedDateTime: dateTime.optional(),
    expirationDateTime: dateTime.optional(),
    acceptedDateTime: dateTime.nullable().optional(),
    status: z.enum(REFERRAL_STATUS_VALUES),
    substatus: z.enum(REFERRAL_SUBSTATUS_VALUES),
    statusReason: text(1000).nullable().optional(),
    type: z.enum(['Independent', 'Shared']),
    qualification: z.enum(['None', 'Direct', 'MarketingQualified', 'SalesQualified']),
    customerProfile: z.object({
      name: text(200).pipe(z.string().trim().min(1, 'Required')),
      address: z
        .object({
          addressLine1: text(200).optional(),
          addressLine2: text(200).optional(),
          city: text(100).optional(),
          state: text(100).optional(),
          postalCode: text(20).optional(),
          country,
          region: text(100).optional(),
        })
        .optional(),
      size: z.string().max(50).optional(),
      team: z.array(PcTeamMemberSchema).max(50).optional(),
      ids: z
        .object({ duns: z.string().max(20).optional(), external: z.string().max(300).optional() })
        .optional(),
    }),
    consent: z.object({
      consentToToShareInfoWithOthers: z.boolean(),
      consentToContact: z.boolean(),
    }),
    details: z.object({
      notes: text(5000).optional(),
      dealValue: z.number().min(0).max(1e12),
      currency: z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as EUR'),
      closingDateTime: dateTime,
      requirements: z
        .object({ industries: codes, products: codes, services: codes, solutions: codes })
        .optional(),
    }),
    team: z.array(PcTeamMemberSchema).max(50).optional(),
    inviteContext: z
      .object({
        notes: text(5000).optional(),
        invitedBy: z
          .object({ organizationId: z.string().max(100), organizationName: z.string().max(200) })
          .optional(),
      })
      .optional(),
    target: z
      .array(z.object({ type: z.string().max(50), id: z.string().max(100) }))
      .max(10)
      .optional(),
    eTag: z.string().max(100).optional(),
  })
  .meta({ id: 'PartnerCenterReferral' });
export type PcReferralDto = z.infer<typeof PcReferralSchema>;

export const PartnerCenterImportSchema = z.object({
  referral: PcReferralSchema,
  toOrgId: z.string().min(1).max(100).optional().describe('Else target[] of type Organization'),
  customerDomain: z
    .string()
    .min(1)
    .max(300)
    .optional()
    .describe('Else customerProfile.ids.external, else a customer contact e-mail'),
  arrangementType: z.enum(ARRANGEMENT_TYPE_VALUES).optional(),
  partnerRole: z.enum(PARTNER_ROLE_VALUES).optional(),
});

export const PartnerCenterImportedSchema = z.object({
  referral: ReferralSchema,
  opportunityId: z.string(),
  ignored: z
    .array(z.string())
    .describe(
      'Paths of given business fields Circles does not keep (id, dates, eTag are always new)',
    ),
});
