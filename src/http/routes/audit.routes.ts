// The org's audit log for admins, newest first, paged with a `before` cursor.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPageSchema, AuditQuery } from '../../contract/audit.contract.ts';
import { ProblemSchema } from '../../contract/common.contract.ts';
import { listAuditPage } from '../../services/audit.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { requireActor } from '../request-context.ts';

export const auditRoutes = (deps: ServiceDeps): FastifyPluginAsync => {
  const plugin: FastifyPluginAsync = async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Your organization’s audit log (admins), newest first; page with nextBefore',
          querystring: AuditQuery,
          response: {
            200: AuditPageSchema,
            400: ProblemSchema,
            401: ProblemSchema,
            403: ProblemSchema,
          },
        },
      },
      async (req) => {
        const q = req.query;
        return listAuditPage(deps, requireActor(req), {
          limit: q.limit,
          ...(q.action === undefined ? {} : { action: q.action }),
          ...(q.actor === undefined ? {} : { actorUserId: q.actor }),
          ...(q.from === undefined ? {} : { from: q.from }),
          ...(q.to === undefined ? {} : { to: q.to }),
          ...(q.before === undefined ? {} : { before: q.before }),
        });
      },
    );
  };
  return plugin;
};
