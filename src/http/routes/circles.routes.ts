// Circles of trust: create, list, read (members only), invite / accept / decline / revoke,
// leave, remove a member, and the circle's shared pipeline.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CircleCreateSchema,
  CircleInvitationCreateSchema,
  CircleInvitationParams,
  CircleInvitationSchema,
  CircleListSchema,
  CircleMemberParams,
  CirclePipelineSchema,
  CircleSchema,
} from '../../contract/circles.contract.ts';
import { IdParams, ProblemSchema } from '../../contract/common.contract.ts';
import { circlePipeline } from '../../services/circle-pipeline.service.ts';
import {
  actOnInvitation,
  createCircle,
  getCircle,
  inviteToCircle,
  listCircles,
  removeFromCircle,
} from '../../services/circles.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { metaOf, requireActor } from '../request-context.ts';

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const noContent = z.null().describe('Done');

export const circlesRoutes =
  (deps: ServiceDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/circles',
      {
        schema: {
          tags: ['deals'],
          summary: 'Create a circle of trust; your organization owns it (owners and admins)',
          body: CircleCreateSchema,
          response: { 201: CircleSchema, ...errors },
        },
      },
      async (req, reply) => {
        const c = await createCircle(deps, requireActor(req), metaOf(req), req.body);
        return reply.status(201).send(c);
      },
    );

    r.get(
      '/circles',
      {
        schema: {
          tags: ['deals'],
          summary: 'Circles your organization owns or belongs to, and invitations waiting for it',
          response: { 200: CircleListSchema, 401: ProblemSchema },
        },
      },
      async (req) => listCircles(deps, requireActor(req)),
    );

    r.get(
      '/circles/:id',
      {
        schema: {
          tags: ['deals'],
          summary: 'One circle: members and pending invitations (members only)',
          params: IdParams,
          response: { 200: CircleSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req) => getCircle(deps, requireActor(req), req.params.id),
    );

    r.post(
      '/circles/:id/invitations',
      {
        schema: {
          tags: ['deals'],
          summary: 'Invite an organization into the circle (the owning organization only)',
          params: IdParams,
          body: CircleInvitationCreateSchema,
          response: { 201: CircleInvitationSchema, ...errors },
        },
      },
      async (req, reply) => {
        const inv = await inviteToCircle(
          deps,
          requireActor(req),
          metaOf(req),
          req.params.id,
          req.body.orgId,
        );
        return reply.status(201).send(inv);
      },
    );

    r.post(
      '/circles/:id/invitations/:invitationId/:action',
      {
        schema: {
          tags: ['deals'],
          summary:
            'Accept or decline an invitation (the invited organization), or revoke it (the owner)',
          params: CircleInvitationParams,
          response: { 200: CircleInvitationSchema, ...errors },
        },
      },
      async (req) =>
        actOnInvitation(
          deps,
          requireActor(req),
          metaOf(req),
          req.params.id,
          req.params.invitationId,
          req.params.action,
        ),
    );

    r.post(
      '/circles/:id/leave',
      {
        schema: {
          tags: ['deals'],
          summary: 'Leave the circle (members; the owner cannot leave its own circle)',
          params: IdParams,
          response: { 204: noContent, ...errors },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        await removeFromCircle(deps, actor, metaOf(req), req.params.id, actor.orgId);
        return reply.status(204).send(null);
      },
    );

    r.delete(
      '/circles/:id/members/:orgId',
      {
        schema: {
          tags: ['deals'],
          summary: 'Remove a member organization (the owner), or leave (your own org id)',
          params: CircleMemberParams,
          response: { 204: noContent, ...errors },
        },
      },
      async (req, reply) => {
        await removeFromCircle(
          deps,
          requireActor(req),
          metaOf(req),
          req.params.id,
          req.params.orgId,
        );
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/circles/:id/pipeline',
      {
        schema: {
          tags: ['deals'],
          summary:
            'The circle’s shared pipeline: opportunities shared with it and their referrals’ counts (members only)',
          params: IdParams,
          response: { 200: CirclePipelineSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req) => circlePipeline(deps, requireActor(req), req.params.id),
    );
  };
