// Opportunities: create, read one (visibility enforced), list own and visible.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, ProblemSchema } from '../../contract/common.contract.ts';
import {
  OpportunityCreateSchema,
  OpportunityListSchema,
  OpportunitySchema,
} from '../../contract/opportunities.contract.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  createOpportunity,
  getOpportunity,
  listOpportunities,
} from '../../services/opportunities.service.ts';
import { metaOf, requireActor } from '../request-context.ts';

export const opportunitiesRoutes =
  (deps: ServiceDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/opportunities',
      {
        schema: {
          tags: ['deals'],
          summary: 'Record a customer need and choose who may see it (owners and admins)',
          body: OpportunityCreateSchema,
          response: {
            201: OpportunitySchema,
            400: ProblemSchema,
            401: ProblemSchema,
            403: ProblemSchema,
          },
        },
      },
      async (req, reply) => {
        const o = await createOpportunity(deps, requireActor(req), metaOf(req), req.body);
        return reply.status(201).send(o);
      },
    );

    r.get(
      '/opportunities',
      {
        schema: {
          tags: ['deals'],
          summary: 'Your organization’s opportunities and those shared with it, newest first',
          response: { 200: OpportunityListSchema, 401: ProblemSchema },
        },
      },
      async (req) => ({ opportunities: await listOpportunities(deps, requireActor(req)) }),
    );

    r.get(
      '/opportunities/:id',
      {
        schema: {
          tags: ['deals'],
          summary: 'One opportunity you own or that is shared with you',
          params: IdParams,
          response: { 200: OpportunitySchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req) => getOpportunity(deps, requireActor(req), req.params.id),
    );
  };
