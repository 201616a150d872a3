// Webhooks of the caller's org (owners and admins): register (secret shown once), list, delete,
// the delivery log, and replay of one delivery.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, ProblemSchema } from '../../contract/common.contract.ts';
import {
  DeliveryListSchema,
  DeliverySchema,
  WebhookCreatedSchema,
  WebhookCreateSchema,
  WebhookDeliveryParams,
  WebhookListSchema,
} from '../../contract/webhooks.contract.ts';
import type { Config } from '../../config.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { systemResolve } from '../../services/webhook-destination.ts';
import {
  createWebhook,
  listWebhooks,
  removeWebhook,
  replayDelivery,
  webhookDeliveries,
} from '../../services/webhooks.service.ts';
import { metaOf, requireActor } from '../request-context.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export const webhooksRoutes =
  (deps: ServiceDeps, config: Config): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const destinations = { allowPrivate: config.webhookAllowPrivate, resolve: systemResolve };

    r.post(
      '/webhooks',
      {
        config: { secretFields: ['secret'] },
        schema: {
          tags: ['webhooks'],
          summary:
            'Register an endpoint for your org’s deal events (the signing secret is shown once)',
          body: WebhookCreateSchema,
          response: { 201: WebhookCreatedSchema, ...errors, 409: ProblemSchema },
        },
      },
      async (req, reply) => {
        const { webhook, secret } = await createWebhook(
          deps,
          requireActor(req),
          metaOf(req),
          req.body,
          destinations,
        );
        return reply.status(201).send({ ...webhook, secret });
      },
    );

    r.get(
      '/webhooks',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Your org’s webhooks (never the secret)',
          response: { 200: WebhookListSchema, 401: ProblemSchema, 403: ProblemSchema },
        },
      },
      async (req) => ({ webhooks: await listWebhooks(deps, requireActor(req)) }),
    );

    r.delete(
      '/webhooks/:id',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Delete a webhook; its pending deliveries are cancelled, its log kept',
          params: IdParams,
          response: { 204: z.null().describe('Deleted'), ...errors },
        },
      },
      async (req, reply) => {
        await removeWebhook(deps, requireActor(req), metaOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/webhooks/:id/deliveries',
      {
        schema: {
          tags: ['webhooks'],
          summary:
            'Delivery log, newest first: each attempt’s status code, duration, error, next retry',
          params: IdParams,
          response: { 200: DeliveryListSchema, ...errors },
        },
      },
      async (req) => ({
        deliveries: await webhookDeliveries(deps, requireActor(req), req.params.id),
      }),
    );

    r.post(
      '/webhooks/:id/deliveries/:deliveryId/replay',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Send a delivery’s event again (same event id) as a new delivery, due now',
          params: WebhookDeliveryParams,
          response: { 201: DeliverySchema, ...errors },
        },
      },
      async (req, reply) => {
        const d = await replayDelivery(
          deps,
          requireActor(req),
          metaOf(req),
          req.params.id,
          req.params.deliveryId,
        );
        return reply.status(201).send(d);
      },
    );
  };
