// Fees: the ledger, invoice / pay, disputes and their threads; and the FX table in use.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, ProblemSchema } from '../../contract/common.contract.ts';
import {
  DisputeMessageSchema,
  DisputeOpenSchema,
  DisputeResolveSchema,
  FeeActionParams,
  FeeListQuery,
  FeeListSchema,
  FeeSchema,
  FxSchema,
} from '../../contract/fees.contract.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  actOnFee,
  addFeeDisputeMessage,
  getFee,
  listFees,
  openFeeDispute,
  resolveFeeDispute,
} from '../../services/fees.service.ts';
import { fxOverview } from '../../services/fx.service.ts';
import { metaOf, requireActor } from '../request-context.ts';
import { toFeeDto } from './fee-views.ts';

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

export const feesRoutes =
  (deps: ServiceDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/fees',
      {
        schema: {
          tags: ['deals'],
          summary:
            'Your fee ledger (optionally one partnership): fees due, invoiced, paid, disputed, with totals',
          querystring: FeeListQuery,
          response: {
            200: FeeListSchema,
            400: ProblemSchema,
            401: ProblemSchema,
            404: ProblemSchema,
          },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const q = req.query;
        const ledger = await listFees(deps, actor, {
          partnershipId: q.partnershipId,
          status: q.status,
          ...(q.currency === undefined ? {} : { currency: q.currency }),
        });
        return { ...ledger, fees: ledger.fees.map((f) => toFeeDto(f, actor.orgId)) };
      },
    );

    r.get(
      '/fees/:id',
      {
        schema: {
          tags: ['deals'],
          summary: 'One fee your organization pays or receives',
          params: IdParams,
          response: { 200: FeeSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        return toFeeDto(await getFee(deps, actor, req.params.id), actor.orgId);
      },
    );

    r.post(
      '/fees/:id/:action',
      {
        schema: {
          tags: ['deals'],
          summary:
            'The payee records its invoice (due -> invoiced) or the payment received (-> paid)',
          params: FeeActionParams,
          response: { 200: FeeSchema, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const f = await actOnFee(deps, actor, metaOf(req), req.params.id, req.params.action);
        return toFeeDto(f, actor.orgId);
      },
    );

    r.post(
      '/fees/:id/disputes',
      {
        schema: {
          tags: ['deals'],
          summary:
            'Either party disputes a due or invoiced fee: opens a thread, puts the fee on hold',
          params: IdParams,
          body: DisputeOpenSchema,
          response: { 201: FeeSchema, ...errors },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const f = await openFeeDispute(deps, actor, metaOf(req), req.params.id, req.body.reason);
        return reply.status(201).send(toFeeDto(f, actor.orgId));
      },
    );

    r.post(
      '/disputes/:id/messages',
      {
        schema: {
          tags: ['deals'],
          summary: 'Adds a message to an open fee dispute (either party)',
          params: IdParams,
          body: DisputeMessageSchema,
          response: { 200: FeeSchema, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const f = await addFeeDisputeMessage(
          deps,
          actor,
          metaOf(req),
          req.params.id,
          req.body.text,
        );
        return toFeeDto(f, actor.orgId);
      },
    );

    r.post(
      '/disputes/:id/resolve',
      {
        schema: {
          tags: ['deals'],
          summary:
            'Proposes a resolution (uphold, adjust, waive); the dispute closes when both sides propose the same',
          params: IdParams,
          body: DisputeResolveSchema,
          response: { 200: FeeSchema, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const f = await resolveFeeDispute(
          deps,
          actor,
          metaOf(req),
          req.params.id,
          req.body.resolution,
        );
        return toFeeDto(f, actor.orgId);
      },
    );

    r.get(
      '/fx',
      {
        schema: {
          tags: ['deals'],
          summary: 'The FX rate table in use (date, source, currencies) and every table known',
          response: { 200: FxSchema, 401: ProblemSchema },
        },
      },
      async (req) => {
        requireActor(req);
        const o = await fxOverview(deps);
        return {
          date: o.current.table.date,
          source: o.current.table.source,
          shipped: o.current.shipped,
          base: 'EUR' as const,
          currencies: o.currencies,
          tables: o.tables,
        };
      },
    );
  };
