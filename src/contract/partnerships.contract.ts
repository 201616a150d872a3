// Partnerships: request and response shapes.
import { z } from 'zod';

export const PARTNERSHIP_STATUS_VALUES = ['requested', 'active', 'declined', 'ended'] as const;

export const PartnershipCreateSchema = z.object({ orgId: z.string().min(1).max(100) });

export const PartnershipSchema = z
  .object({
    id: z.string(),
    requesterOrgId: z.string(),
    addresseeOrgId: z.string(),
    status: z.enum(PARTNERSHIP_STATUS_VALUES),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    endedByOrgId: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Partnership' });
export type PartnershipDto = z.infer<typeof PartnershipSchema>;

export const PartnershipListQuery = z.object({
  status: z.enum(PARTNERSHIP_STATUS_VALUES).optional(),
});

export const PartnershipListSchema = z.object({ partnerships: z.array(PartnershipSchema) });

export const PartnershipActionParams = z.object({
  id: z.string().min(1).max(100),
  action: z.enum(['accept', 'decline', 'end']),
});
