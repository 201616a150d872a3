// Referrals: create, inbox list, read with ETag, PATCH with If-Match, and the shared event log.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, ProblemSchema } from '../../contract/common.contract.ts';
import {
  IfMatchHeaders,
  ReferralCreateSchema,
  ReferralEventsSchema,
  ReferralListQuery,
  ReferralListSchema,
  ReferralPatchSchema,
  ReferralSchema,
} from '../../contract/referrals.contract.ts';
import type { TransitionRequest } from '../../domain/deals/referral-transition.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  changeReferral,
  createReferral,
  getReferral,
  listReferrals,
  referralEvents,
} from '../../services/referrals.service.ts';
import { etagOfVersion, ifMatchVersion } from '../if-match.ts';
import { metaOf, requireActor } from '../request-context.ts';
import { oneWithCrossBorder, withCrossBorder } from './referral-views.ts';

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

type PatchBody = {
  status: TransitionRequest['status'];
  substatus: TransitionRequest['substatus'];
  statusReason?: string | undefined;
  stage?: TransitionRequest['stage'] | undefined;
  value?: TransitionRequest['value'] | undefined;
};

/** Drops absent fields: the domain's request type has no explicit undefineds. */
function toRequest(b: PatchBody): TransitionRequest {
  return {
    status: b.status,
    substatus: b.substatus,
    ...(b.statusReason === undefined ? {} : { statusReason: b.statusReason }),
    ...(b.stage === undefined ? {} : { stage: b.stage }),
    ...(b.value === undefined ? {} : { value: b.value }),
  };
}

export const referralsRoutes =
  (deps: ServiceDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/referrals',
      {
        schema: {
          tags: ['deals'],
          summary: 'Refer your opportunity to an active partner (status New / Received)',
          body: ReferralCreateSchema,
          response: { 201: ReferralSchema, ...errors },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const ref = await createReferral(deps, actor, metaOf(req), req.body);
        void reply.header('etag', etagOfVersion(ref.version));
        return reply.status(201).send(await oneWithCrossBorder(deps, ref, actor.orgId));
      },
    );

    r.get(
      '/referrals',
      {
        schema: {
          tags: ['deals'],
          summary: 'Inbox: referrals received and sent, what needs action first (about to expire)',
          querystring: ReferralListQuery,
          response: { 200: ReferralListSchema, 400: ProblemSchema, 401: ProblemSchema },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const list = await listReferrals(deps, actor, req.query);
        return { referrals: await withCrossBorder(deps, list, actor.orgId) };
      },
    );

    r.get(
      '/referrals/:id',
      {
        schema: {
          tags: ['deals'],
          summary: 'One referral you are party to (ETag header for PATCH)',
          params: IdParams,
          response: { 200: ReferralSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const ref = await getReferral(deps, actor, req.params.id);
        void reply.header('etag', etagOfVersion(ref.version));
        return oneWithCrossBorder(deps, ref, actor.orgId);
      },
    );

    r.patch(
      '/referrals/:id',
      {
        schema: {
          tags: ['deals'],
          summary:
            'Move a referral through its states (If-Match required; 409 names the allowed moves)',
          params: IdParams,
          headers: IfMatchHeaders,
          body: ReferralPatchSchema,
          response: { 200: ReferralSchema, ...errors, 412: ProblemSchema, 428: ProblemSchema },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const expected = ifMatchVersion(req.headers['if-match']);
        const ref = await changeReferral(
          deps,
          actor,
          metaOf(req),
          req.params.id,
          toRequest(req.body),
          expected,
        );
        void reply.header('etag', etagOfVersion(ref.version));
        return oneWithCrossBorder(deps, ref, actor.orgId);
      },
    );

    r.get(
      '/referrals/:id/events',
      {
        schema: {
          tags: ['deals'],
          summary: 'The referral’s shared, hash-chained event log, verified on read',
          params: IdParams,
          response: { 200: ReferralEventsSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req) => referralEvents(deps, requireActor(req), req.params.id),
    );
  };
