// Agreements: create from a template, propose versions, accept the other side's proposal, read.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AgreementCreateSchema,
  AgreementListQuery,
  AgreementListSchema,
  AgreementSchema,
  AgreementTemplateListSchema,
  AgreementVersionCloseParams,
  AgreementVersionCreateSchema,
  AgreementVersionParams,
} from '../../contract/agreements.contract.ts';
import { IdParams, ProblemSchema } from '../../contract/common.contract.ts';
import {
  acceptAgreementVersion,
  agreementTemplates,
  closeAgreementVersion,
  createAgreement,
  getAgreement,
  listAgreements,
  proposeAgreementVersion,
} from '../../services/agreements.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { metaOf, requireActor } from '../request-context.ts';

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

export const agreementsRoutes =
  (deps: ServiceDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/agreements',
      {
        schema: {
          tags: ['deals'],
          summary:
            'Propose an agreement (version 1) to a partner; terms default to the type’s template',
          body: AgreementCreateSchema,
          response: { 201: AgreementSchema, ...errors },
        },
      },
      async (req, reply) => {
        const a = await createAgreement(deps, requireActor(req), metaOf(req), req.body);
        return reply.status(201).send(a);
      },
    );

    r.post(
      '/agreements/:id/versions',
      {
        schema: {
          tags: ['deals'],
          summary: 'Propose a new version; given terms override the latest version’s',
          params: IdParams,
          body: AgreementVersionCreateSchema,
          response: { 201: AgreementSchema, ...errors },
        },
      },
      async (req, reply) => {
        const a = await proposeAgreementVersion(
          deps,
          requireActor(req),
          metaOf(req),
          req.params.id,
          req.body.terms,
        );
        return reply.status(201).send(a);
      },
    );

    r.post(
      '/agreements/:id/versions/:n/accept',
      {
        schema: {
          tags: ['deals'],
          summary:
            'Accept the other side’s open proposal n; it is then in force from its effective date',
          params: AgreementVersionParams,
          response: { 200: AgreementSchema, ...errors },
        },
      },
      async (req) =>
        acceptAgreementVersion(deps, requireActor(req), metaOf(req), req.params.id, req.params.n),
    );

    r.post(
      '/agreements/:id/versions/:n/:action',
      {
        schema: {
          tags: ['deals'],
          summary:
            'Withdraw your own open proposal n, or decline the other side’s (409 when it is decided)',
          params: AgreementVersionCloseParams,
          response: { 200: AgreementSchema, ...errors },
        },
      },
      async (req) =>
        closeAgreementVersion(
          deps,
          requireActor(req),
          metaOf(req),
          req.params.id,
          req.params.n,
          req.params.action,
        ),
    );

    r.get(
      '/agreements',
      {
        schema: {
          tags: ['deals'],
          summary: 'Agreements your organization is party to',
          querystring: AgreementListQuery,
          response: { 200: AgreementListSchema, 400: ProblemSchema, 401: ProblemSchema },
        },
      },
      async (req) => ({
        agreements: await listAgreements(deps, requireActor(req), req.query.partnershipId),
      }),
    );

    r.get(
      '/agreements/templates',
      {
        schema: {
          tags: ['deals'],
          summary:
            'Each arrangement type’s starting terms: what a new agreement proposes by default',
          response: { 200: AgreementTemplateListSchema, 401: ProblemSchema },
        },
      },
      async (req) => {
        requireActor(req);
        return { templates: agreementTemplates(deps) };
      },
    );

    r.get(
      '/agreements/:id',
      {
        schema: {
          tags: ['deals'],
          summary: 'One agreement: versions, the version in force and diffs between versions',
          params: IdParams,
          response: { 200: AgreementSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req) => getAgreement(deps, requireActor(req), req.params.id),
    );
  };
