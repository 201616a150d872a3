// Sign-up, sign-in, sessions and "who am I".
import { z } from 'zod';
import { text } from './common.contract.ts';
import { EmailInput, OrgRoleSchema, RoleSchema, UserSchema } from './identity.contract.ts';

export const NewPassword = z
  .string()
  .min(10, 'At least 10 characters')
  .max(200, 'At most 200 characters');

const personName = text(200).pipe(z.string().trim().min(1, 'Required'));

export const NewOrgSchema = z.object({
  name: text(200).pipe(z.string().trim().min(2, 'At least 2 characters')),
  website: z
    .url({ protocol: /^https?$/, error: 'An http(s) URL' })
    .max(500)
    .nullable()
    .optional(),
  hqCountry: z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code such as DE'),
});

export const SignupBody = z
  .object({
    email: EmailInput,
    password: NewPassword,
    name: personName,
    organization: NewOrgSchema.optional().describe(
      'Found a new organization (you become its owner)',
    ),
    invitationToken: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Or join the organization that invited you'),
  })
  .refine((b) => (b.organization === undefined) !== (b.invitationToken === undefined), {
    path: ['organization'],
    message: 'Give either organization or invitationToken',
  });
export type SignupBodyDto = z.infer<typeof SignupBody>;

export const LoginBody = z.object({
  email: EmailInput,
  // No length policy here: a wrong password of any reasonable length is just a wrong password.
  password: z.string().min(1, 'Required').max(200, 'At most 200 characters'),
  orgId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Sign in to this organization (default: your first)'),
  invitationToken: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Accept an invitation while signing in'),
});
export type LoginBodyDto = z.infer<typeof LoginBody>;

export const SignedInSchema = z
  .object({
    token: z
      .string()
      .describe('Session token (cis_…): send as Bearer, or rely on the circles_session cookie'),
    csrfToken: z
      .string()
      .describe('Echo in x-csrf-token on mutating requests made with the cookie'),
    expiresAt: z.string(),
    user: UserSchema,
    organization: OrgRoleSchema,
  })
  .meta({ id: 'SignedIn' });
export type SignedInDto = z.infer<typeof SignedInSchema>;

export const SwitchOrgBody = z.object({ orgId: z.string().min(1).max(100) });

export const SwitchOrgResponse = z.object({ organization: OrgRoleSchema });

export const MembershipSummarySchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  role: RoleSchema,
});

export const MeSchema = z
  .object({
    user: UserSchema,
    organization: OrgRoleSchema,
    memberships: z.array(MembershipSummarySchema),
    csrfToken: z.string().optional().describe('Only for cookie sessions'),
    via: z.enum(['session', 'api_token']),
  })
  .meta({ id: 'Me' });
export type MeDto = z.infer<typeof MeSchema>;
