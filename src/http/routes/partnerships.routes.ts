// Partnerships: request, accept / decline / end, list and read (parties only).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, ProblemSchema } from '../../contract/common.contract.ts';
import {
  PartnershipActionParams,
  PartnershipCreateSchema,
  PartnershipListQuery,
  PartnershipListSchema,
  PartnershipSchema,
} from '../../contract/partnerships.contract.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  actOnPartnership,
  getPartnership,
  listPartnerships,
  requestPartnership,
} from '../../services/partnerships.service.ts';
import { metaOf, requireActor } from '../request-context.ts';

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

export const partnershipsRoutes =
  (deps: ServiceDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/partnerships',
      {
        schema: {
          tags: ['deals'],
          summary: 'Ask another organization to partner (owners and admins)',
          body: PartnershipCreateSchema,
          response: { 201: PartnershipSchema, ...errors },
        },
      },
      async (req, reply) => {
        const p = await requestPartnership(deps, requireActor(req), metaOf(req), req.body.orgId);
        return reply.status(201).send(p);
      },
    );

    r.post(
      '/partnerships/:id/:action',
      {
        schema: {
          tags: ['deals'],
          summary:
            'Accept or decline a request (addressed org), or end an active partnership (either side)',
          params: PartnershipActionParams,
          response: { 200: PartnershipSchema, ...errors },
        },
      },
      async (req) =>
        actOnPartnership(deps, requireActor(req), metaOf(req), req.params.id, req.params.action),
    );

    r.get(
      '/partnerships',
      {
        schema: {
          tags: ['deals'],
          summary: 'Your organization’s partnerships, newest first',
          querystring: PartnershipListQuery,
          response: { 200: PartnershipListSchema, 400: ProblemSchema, 401: ProblemSchema },
        },
      },
      async (req) => ({
        partnerships: await listPartnerships(deps, requireActor(req), req.query.status),
      }),
    );

    r.get(
      '/partnerships/:id',
      {
        schema: {
          tags: ['deals'],
          summary: 'One partnership your organization is party to',
          params: IdParams,
          response: { 200: PartnershipSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req) => getPartnership(deps, requireActor(req), req.params.id),
    );
  };
