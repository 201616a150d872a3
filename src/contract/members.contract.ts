// Members of the caller's organization and invitations to join it.
import { z } from 'zod';
import { EmailInput, OrgRoleSchema, RoleSchema } from './identity.contract.ts';

export const MemberSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    joinedAt: z.string(),
    disabled: z.boolean(),
  })
  .meta({ id: 'Member' });
export type MemberDto = z.infer<typeof MemberSchema>;

export const MembersResponse = z.object({ members: z.array(MemberSchema) });

export const UserIdParams = z.object({ userId: z.string().min(1).max(100) });

export const RoleChangeBody = z.object({ role: RoleSchema });

export const InviteBody = z.object({ email: EmailInput, role: RoleSchema.default('member') });

export const InvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: RoleSchema,
    invitedBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Invitation' });
export type InvitationDto = z.infer<typeof InvitationSchema>;

export const InvitationCreatedSchema = InvitationSchema.extend({
  token: z.string().describe('Shown once: pass it to the invitee (cii_…)'),
}).meta({ id: 'InvitationCreated' });

export const InvitationsResponse = z.object({ invitations: z.array(InvitationSchema) });

export const AcceptInvitationBody = z.object({ token: z.string().min(1).max(200) });

export const AcceptInvitationResponse = z.object({ organization: OrgRoleSchema });
