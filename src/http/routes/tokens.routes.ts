// API tokens of the caller's org. The token value appears in exactly one response.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, ProblemSchema } from '../../contract/common.contract.ts';
import {
  ApiTokenCreatedSchema,
  ApiTokensResponse,
  CreateTokenBody,
} from '../../contract/tokens.contract.ts';
import { createToken, listTokens, revokeToken } from '../../services/tokens.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { metaOf, requireActor } from '../request-context.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export const tokensRoutes = (deps: ServiceDeps): FastifyPluginAsync => {
  const plugin: FastifyPluginAsync = async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/tokens',
      {
        config: { secretFields: ['token'] },
        schema: {
          tags: ['tokens'],
          summary:
            'Create an API token acting as you in this organization (from a session; shown once)',
          body: CreateTokenBody,
          response: { 201: ApiTokenCreatedSchema, ...errors },
        },
      },
      async (req, reply) => {
        const { token, apiToken } = await createToken(
          deps,
          requireActor(req),
          req.body,
          metaOf(req),
        );
        return reply.status(201).send({ ...apiToken, token });
      },
    );

    r.get(
      '/tokens',
      {
        schema: {
          tags: ['tokens'],
          summary:
            'API tokens of your organization (admins see all, members their own); never the secret',
          response: { 200: ApiTokensResponse, 401: ProblemSchema },
        },
      },
      async (req) => ({ tokens: await listTokens(deps, requireActor(req)) }),
    );

    r.delete(
      '/tokens/:id',
      {
        schema: {
          tags: ['tokens'],
          summary: 'Revoke an API token (admins, or its creator)',
          params: IdParams,
          response: { 204: z.null().describe('Revoked'), ...errors },
        },
      },
      async (req, reply) => {
        await revokeToken(deps, requireActor(req), req.params.id, metaOf(req));
        return reply.status(204).send(null);
      },
    );
  };
  return plugin;
};
