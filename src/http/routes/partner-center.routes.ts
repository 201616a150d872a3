// The Partner Center bridge: a referral as Partner Center referral JSON, and importing one.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, ProblemSchema } from '../../contract/common.contract.ts';
import {
  PartnerCenterImportedSchema,
  PartnerCenterImportSchema,
  PcReferralSchema,
} from '../../contract/partner-center.contract.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  exportToPartnerCenter,
  importFromPartnerCenter,
} from '../../services/partner-center.service.ts';
import { etagOfVersion } from '../if-match.ts';
import { metaOf, requireActor } from '../request-context.ts';
import { toReferralDto } from './referral-views.ts';

export const partnerCenterRoutes =
  (deps: ServiceDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/referrals/:id/partner-center',
      {
        schema: {
          tags: ['deals'],
          summary:
            'A referral you are party to, as Partner Center referral JSON (your side’s view)',
          params: IdParams,
          response: { 200: PcReferralSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req) => exportToPartnerCenter(deps, requireActor(req), req.params.id),
    );

    r.post(
      '/referrals/import/partner-center',
      {
        schema: {
          tags: ['deals'],
          summary:
            'Import a Partner Center referral: a new opportunity and a referral from your org to the target partner',
          body: PartnerCenterImportSchema,
          response: {
            201: PartnerCenterImportedSchema,
            400: ProblemSchema,
            401: ProblemSchema,
            403: ProblemSchema,
            404: ProblemSchema,
            409: ProblemSchema,
          },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const out = await importFromPartnerCenter(deps, actor, metaOf(req), req.body);
        void reply.header('etag', etagOfVersion(out.referral.version));
        return reply.status(201).send({
          referral: toReferralDto(out.referral, actor.orgId),
          opportunityId: out.opportunityId,
          ignored: out.ignored,
        });
      },
    );
  };
