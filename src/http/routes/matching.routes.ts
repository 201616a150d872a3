// Matchmaking: rank partners for a need, form a team, who complements an organization.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, ProblemSchema } from '../../contract/common.contract.ts';
import {
  ComplementsQuerySchema,
  ComplementsResponseSchema,
  MatchRequestSchema,
  MatchResponseSchema,
  TeamRequestSchema,
  TeamResponseSchema,
} from '../../contract/matching.contract.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  findComplements,
  formPartnerTeam,
  matchPartners,
} from '../../services/matching.service.ts';
import { requireActor } from '../request-context.ts';
import { toGapCell, toMatchResponse, toTeamResponse } from './match-views.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

export const matchingRoutes =
  (deps: ServiceDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/match',
      {
        schema: {
          tags: ['matching'],
          summary:
            'Rank partners for a need (cells of capability x country), each with the reasons that add up to its score',
          body: MatchRequestSchema,
          response: { 200: MatchResponseSchema, ...errors },
        },
      },
      async (req) => toMatchResponse(await matchPartners(deps, requireActor(req), req.body)),
    );

    r.post(
      '/teams',
      {
        schema: {
          tags: ['matching'],
          summary:
            'Propose a team that covers the need with few, strong partners, none above maxShare, with backups per cell',
          body: TeamRequestSchema,
          response: { 200: TeamResponseSchema, ...errors },
        },
      },
      async (req) => toTeamResponse(await formPartnerTeam(deps, requireActor(req), req.body)),
    );

    r.get(
      '/orgs/:id/complements',
      {
        schema: {
          tags: ['matching'],
          summary:
            'Partners whose capabilities and countries fill the gaps of an organization’s own profile',
          params: IdParams,
          querystring: ComplementsQuerySchema,
          response: { 200: ComplementsResponseSchema, ...errors, 404: ProblemSchema },
        },
      },
      async (req) => {
        const out = await findComplements(deps, requireActor(req), req.params.id, req.query.limit);
        return { ...toMatchResponse(out), gaps: out.gaps.map(toGapCell) };
      },
    );
  };
