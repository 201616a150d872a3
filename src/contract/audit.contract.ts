// The organization's audit log, newest first.
import { z } from 'zod';

export const AuditQuery = z.object({
  action: z.string().min(1).max(100).optional(),
  actor: z.string().min(1).max(100).optional().describe('Acting user id'),
  from: z.iso.datetime().optional().describe('Inclusive, UTC ISO 8601'),
  to: z.iso.datetime().optional().describe('Exclusive, UTC ISO 8601'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional().describe('nextBefore from the previous page'),
});
export type AuditQueryDto = z.infer<typeof AuditQuery>;

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    actorTokenId: z.string().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  nextBefore: z.number().int().nullable(),
});
