// API tokens: long-lived bearer credentials for scripts and integrations.
import { z } from 'zod';
import { text } from './common.contract.ts';

export const CreateTokenBody = z.object({
  name: text(100).pipe(z.string().trim().min(1, 'Required')),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});

export const ApiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('First characters of the token, to tell tokens apart'),
    userId: z.string().describe('The creator; the token acts as this user'),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiTokenDto = z.infer<typeof ApiTokenSchema>;

export const ApiTokenCreatedSchema = ApiTokenSchema.extend({
  token: z.string().describe('Shown once (cit_…); only its hash is stored'),
}).meta({ id: 'ApiTokenCreated' });

export const ApiTokensResponse = z.object({ tokens: z.array(ApiTokenSchema) });
