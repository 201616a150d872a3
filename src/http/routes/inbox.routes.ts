// The inbox: referrals received and sent, what needs action first, with counts.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProblemSchema } from '../../contract/common.contract.ts';
import { InboxQuery, InboxSchema } from '../../contract/inbox.contract.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { inbox } from '../../services/inbox.service.ts';
import { requireActor } from '../request-context.ts';
import { toReferralDto } from './referral-views.ts';

export const inboxRoutes =
  (deps: ServiceDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/inbox',
      {
        schema: {
          tags: ['deals'],
          summary:
            'Inbox: received referrals awaiting your answer first (soonest expiry), then active, sent, closed; with counts',
          querystring: InboxQuery,
          response: { 200: InboxSchema, 400: ProblemSchema, 401: ProblemSchema },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const page = await inbox(deps, actor, req.query);
        return {
          ...page,
          items: page.items.map((i) => ({
            ...i,
            referral: toReferralDto(i.referral, actor.orgId),
          })),
        };
      },
    );
  };
