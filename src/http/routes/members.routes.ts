// Members of the caller's org and invitations. Admins and owners manage; members may only list.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, ProblemSchema } from '../../contract/common.contract.ts';
import {
  AcceptInvitationBody,
  AcceptInvitationResponse,
  InvitationCreatedSchema,
  InvitationsResponse,
  InviteBody,
  MemberSchema,
  MembersResponse,
  RoleChangeBody,
  UserIdParams,
} from '../../contract/members.contract.ts';
import {
  acceptInvitation,
  invite,
  listInvitations,
  revokeInvitation,
} from '../../services/invitations.service.ts';
import { changeRole, listMembers, removeMember } from '../../services/members.service.ts';
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

export const membersRoutes = (deps: ServiceDeps): FastifyPluginAsync => {
  const plugin: FastifyPluginAsync = async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/members',
      {
        schema: {
          tags: ['members'],
          summary: 'Members of your organization',
          response: { 200: MembersResponse, 401: ProblemSchema },
        },
      },
      async (req) => ({ members: await listMembers(deps, requireActor(req)) }),
    );

    r.patch(
      '/members/:userId',
      {
        schema: {
          tags: ['members'],
          summary:
            'Change a member’s role (admins; only owners grant or change owner; one owner always remains)',
          params: UserIdParams,
          body: RoleChangeBody,
          response: { 200: MemberSchema, ...errors },
        },
      },
      async (req) =>
        changeRole(deps, requireActor(req), req.params.userId, req.body.role, metaOf(req)),
    );

    r.delete(
      '/members/:userId',
      {
        schema: {
          tags: ['members'],
          summary: 'Remove a member, or leave (your own id); the last owner cannot go',
          params: UserIdParams,
          response: { 204: noContent, ...errors },
        },
      },
      async (req, reply) => {
        await removeMember(deps, requireActor(req), req.params.userId, metaOf(req));
        return reply.status(204).send(null);
      },
    );

    r.post(
      '/invitations',
      {
        config: { secretFields: ['token'] },
        schema: {
          tags: ['members'],
          summary: 'Invite someone by email; the token is returned once for you to pass on',
          body: InviteBody,
          response: { 201: InvitationCreatedSchema, ...errors },
        },
      },
      async (req, reply) => {
        const { invitation, token } = await invite(deps, requireActor(req), req.body, metaOf(req));
        return reply.status(201).send({ ...invitation, token });
      },
    );

    r.get(
      '/invitations',
      {
        schema: {
          tags: ['members'],
          summary: 'Open invitations (admins)',
          response: { 200: InvitationsResponse, ...errors },
        },
      },
      async (req) => ({ invitations: await listInvitations(deps, requireActor(req)) }),
    );

    r.delete(
      '/invitations/:id',
      {
        schema: {
          tags: ['members'],
          summary: 'Withdraw an open invitation (admins)',
          params: IdParams,
          response: { 204: noContent, ...errors },
        },
      },
      async (req, reply) => {
        await revokeInvitation(deps, requireActor(req), req.params.id, metaOf(req));
        return reply.status(204).send(null);
      },
    );

    r.post(
      '/invitations/accept',
      {
        schema: {
          tags: ['members'],
          summary: 'Accept an invitation sent to your email address (signed-in users)',
          body: AcceptInvitationBody,
          response: { 200: AcceptInvitationResponse, ...errors },
        },
      },
      async (req) => ({
        organization: await acceptInvitation(deps, requireActor(req), req.body.token, metaOf(req)),
      }),
    );
  };
  return plugin;
};
