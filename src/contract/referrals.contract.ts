// Referrals: request and response shapes (Partner Center field names where they exist).
import { z } from 'zod';
import { ARRANGEMENT_TYPE_VALUES } from './agreements.contract.ts';
import { text } from './common.contract.ts';

export const REFERRAL_STATUS_VALUES = ['New', 'Active', 'Closed'] as const;
export const REFERRAL_SUBSTATUS_VALUES = [
  'Pending',
  'Received',
  'Accepted',
  'Won',
  'Lost',
  'Declined',
  'Expired',
] as const;
export const SALES_STAGE_VALUES = [
  'Created',
  'Accepted',
  'Qualified',
  'Developed',
  'Proposed',
  'Negotiated',
  'Won',
] as const;
export const PARTNER_ROLE_VALUES = [
  'presales-envisioning',
  'solution-design',
  'proof-of-concept',
  'business-strategy',
  'deployment',
  'adoption-and-change-management',
  'transaction',
  'managed-services',
] as const;

const ValueSchema = z.object({ amount: z.number(), currency: z.string().max(10) });

const TeamMemberSchema = z.object({
  firstName: text(100),
  lastName: text(100),
  email: z.email().max(300),
  phoneNumber: text(50).optional(),
});

export const ReferralCreateSchema = z.object({
  opportunityId: z.string().min(1).max(100),
  toOrgId: z.string().min(1).max(100),
  agreementId: z.string().min(1).max(100).optional(),
  arrangementType: z.enum(ARRANGEMENT_TYPE_VALUES),
  partnerRole: z.enum(PARTNER_ROLE_VALUES).optional(),
  inviteeValue: ValueSchema.optional(),
  estimatedCloseDate: z.string().max(10),
  notes: text(5000).optional(),
  team: z.array(TeamMemberSchema).max(50).optional(),
});

export const ReferralPatchSchema = z.object({
  status: z.enum(REFERRAL_STATUS_VALUES),
  substatus: z.enum(REFERRAL_SUBSTATUS_VALUES),
  statusReason: text(1000).optional(),
  stage: z.enum(SALES_STAGE_VALUES).optional(),
  value: ValueSchema.optional(),
});

export const IfMatchHeaders = z.object({ 'if-match': z.string().max(100).optional() });

const Stamp = z.object({
  customerDomain: z.string(),
  partnerOrgId: z.string(),
  introducedByOrgId: z.string(),
  referralId: z.string(),
  at: z.string(),
});

export const ReferralSchema = z
  .object({
    id: z.string(),
    engagementId: z.string(),
    opportunityId: z.string(),
    fromOrgId: z.string(),
    toOrgId: z.string(),
    /** Which side the caller is on; `substatus` is shown as that side sees it. */
    side: z.enum(['sender', 'receiver']),
    agreementId: z.string().nullable(),
    agreementVersion: z.number().int().nullable(),
    arrangementType: z.enum(ARRANGEMENT_TYPE_VALUES),
    partnerRole: z.enum(PARTNER_ROLE_VALUES).nullable(),
    notes: z.string(),
    team: z.array(TeamMemberSchema).readonly(),
    estimatedCloseDate: z.string(),
    customerDomain: z.string(),
    attribution: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('stamped'), stamp: Stamp }),
      z.object({ kind: z.literal('repeat'), earlier: Stamp }),
      z.object({ kind: z.literal('conflict'), earlier: Stamp, claimant: Stamp }),
    ]),
    status: z.enum(REFERRAL_STATUS_VALUES),
    substatus: z.enum(REFERRAL_SUBSTATUS_VALUES),
    statusReason: z.string().nullable(),
    stage: z.enum(SALES_STAGE_VALUES),
    stagePercent: z.number().int(),
    value: z.object({ amount: z.number().int(), currency: z.string() }).nullable(),
    flags: z.array(z.string()).readonly(),
    /** True when the parties' or the customer's countries differ (the /referrals endpoints set it). */
    crossBorder: z.boolean().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Referral' });
export type ReferralDto = z.infer<typeof ReferralSchema>;

export const ReferralListQuery = z.object({
  direction: z.enum(['incoming', 'outgoing']).optional(),
  status: z.enum(REFERRAL_STATUS_VALUES).optional(),
});
export const ReferralListSchema = z.object({ referrals: z.array(ReferralSchema) });

const JsonSchema = z.json();

export const ReferralEventsSchema = z.object({
  events: z.array(
    z.object({
      referralId: z.string(),
      seq: z.number().int(),
      at: z.string(),
      actorOrgId: z.string().nullable(),
      type: z.string(),
      data: JsonSchema,
      prevHash: z.string(),
      hash: z.string(),
    }),
  ),
  /** True when the hash chain recomputes end to end; otherwise firstBreak says where it fails. */
  verified: z.boolean(),
  firstBreak: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
