// The association's P2P report: suppressed aggregates only, readable by any signed-in org.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProblemSchema } from '../../contract/common.contract.ts';
import { P2pReportQuery, P2pReportSchema } from '../../contract/reports.contract.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { p2pReport } from '../../services/p2p-report.service.ts';
import { requireActor } from '../request-context.ts';

export const reportsRoutes =
  (deps: ServiceDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/reports/p2p',
      {
        schema: {
          tags: ['deals'],
          summary:
            'Won P2P referrals between members by country, solution area or month: count, value, cross-border share',
          description:
            'Readable by any signed-in organization: the report holds aggregates only (no ids, no names), ' +
            'and any cell built from fewer than 5 organizations is suppressed, as is the smallest other ' +
            'cell when a single suppressed one could be recovered from the total. `from` and `to` are ' +
            'UTC days, both inclusive (default: the year up to today); values are converted into ' +
            '`currency` (default EUR) with the FX table in use.',
          querystring: P2pReportQuery,
          response: { 200: P2pReportSchema, 400: ProblemSchema, 401: ProblemSchema },
        },
      },
      async (req) => {
        requireActor(req);
        const q = req.query;
        return p2pReport(deps, {
          groupBy: q.groupBy,
          from: q.from,
          to: q.to,
          currency: q.currency,
        });
      },
    );
  };
