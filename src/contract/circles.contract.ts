// Circles ("circles of trust"): request and response shapes. A circle is created by one org (its
// owner), joined by invitation and acceptance; its members see the circle's shared pipeline.
import { z } from 'zod';
import { text } from './common.contract.ts';
import { OpportunitySchema } from './opportunities.contract.ts';

export const CIRCLE_ROLE_VALUES = ['owner', 'member'] as const;
export const CIRCLE_INVITATION_STATUS_VALUES = [
  'pending',
  'accepted',
  'declined',
  'revoked',
] as const;

export const CircleCreateSchema = z.object({
  name: text(120).pipe(z.string().trim().min(1, 'Required')),
  description: text(2000).optional(),
});

export const CircleInvitationCreateSchema = z.object({ orgId: z.string().min(1).max(100) });

export const CircleInvitationParams = z.object({
  id: z.string().min(1).max(100),
  invitationId: z.string().min(1).max(100),
  action: z.enum(['accept', 'decline', 'revoke']),
});

export const CircleMemberParams = z.object({
  id: z.string().min(1).max(100),
  orgId: z.string().min(1).max(100),
});

const CircleMemberSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  role: z.enum(CIRCLE_ROLE_VALUES),
  joinedAt: z.string(),
});

export const CircleInvitationSchema = z
  .object({
    id: z.string(),
    circleId: z.string(),
    /** The circle's name, so the invited org knows what it is asked to join. */
    circleName: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    invitedByOrgId: z.string(),
    status: z.enum(CIRCLE_INVITATION_STATUS_VALUES),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'CircleInvitation' });
export type CircleInvitationDto = z.infer<typeof CircleInvitationSchema>;

/** A circle in a list: no member details. */
export const CircleSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    ownerOrgId: z.string(),
    /** The caller's role in it. */
    role: z.enum(CIRCLE_ROLE_VALUES),
    memberCount: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'CircleSummary' });
export type CircleSummaryDto = z.infer<typeof CircleSummarySchema>;

/** One circle as its members see it: members and the invitations still pending. */
export const CircleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    ownerOrgId: z.string(),
    role: z.enum(CIRCLE_ROLE_VALUES),
    createdAt: z.string(),
    members: z.array(CircleMemberSchema),
    pendingInvitations: z.array(CircleInvitationSchema),
  })
  .meta({ id: 'Circle' });
export type CircleDto = z.infer<typeof CircleSchema>;

export const CircleListSchema = z.object({
  circles: z.array(CircleSummarySchema),
  /** Invitations to the caller's org that wait for its answer. */
  invitations: z.array(CircleInvitationSchema),
});

/** Outcome counts of the referrals made on one opportunity; who got them stays private. */
export const ReferralOutcomeCountsSchema = z.object({
  total: z.number().int(),
  New: z.number().int(),
  Active: z.number().int(),
  Won: z.number().int(),
  Lost: z.number().int(),
  Declined: z.number().int(),
  Expired: z.number().int(),
});

export const CirclePipelineSchema = z
  .object({
    circleId: z.string(),
    opportunities: z.array(
      z.object({ opportunity: OpportunitySchema, referrals: ReferralOutcomeCountsSchema }),
    ),
    /** Sum of the opportunities' values per currency (minor units), no conversion. */
    totals: z.array(
      z.object({ currency: z.string(), amount: z.number().int(), count: z.number().int() }),
    ),
  })
  .meta({ id: 'CirclePipeline' });
export type CirclePipelineDto = z.infer<typeof CirclePipelineSchema>;
