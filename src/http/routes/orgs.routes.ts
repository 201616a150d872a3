// GET/PATCH /orgs/{id}: the partner profile, with ETag / If-Match optimistic concurrency.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, ProblemSchema } from '../../contract/common.contract.ts';
import { OrgPatchSchema, OrgSchema } from '../../contract/orgs.contract.ts';
import { AppError } from '../../domain/shared/errors.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { getOrg, updateProfile } from '../../services/orgs.service.ts';
import { metaOf, requireActor } from '../request-context.ts';
import { etagOf, toOrgDto } from './org-views.ts';

const IfMatchHeaders = z.object({ 'if-match': z.string().max(100).optional() });

/** Accepts "3", W/"3" or *; returns the version the caller last saw (or null for *). */
function expectedVersion(ifMatch: string | undefined): number | null {
  if (ifMatch === undefined) {
    throw new AppError('precondition_required', 'Send If-Match with the ETag from GET to avoid lost updates', [
      { path: 'headers.if-match', message: 'Required' },
    ]);
  }
  if (ifMatch.trim() === '*') return null;
  const m = /^(?:W\/)?"(\d{1,12})"$/.exec(ifMatch.trim());
  if (m === null) {
    throw new AppError('validation', 'Malformed If-Match', [
      { path: 'headers.if-match', message: 'Expected an ETag such as "3"' },
    ]);
  }
  return Number(m[1]);
}

export const orgsRoutes =
  (deps: ServiceDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/orgs/:id',
      {
        schema: {
          tags: ['directory'],
          summary: 'An organization’s public partner profile (ETag header for PATCH)',
          params: IdParams,
          response: { 200: OrgSchema, 401: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, reply) => {
        requireActor(req);
        const org = await getOrg(deps, req.params.id);
        void reply.header('etag', etagOf(org.version));
        return toOrgDto(org);
      },
    );

    r.patch(
      '/orgs/:id',
      {
        schema: {
          tags: ['directory'],
          summary: 'Edit your organization’s profile (owners and admins; If-Match required)',
          params: IdParams,
          headers: IfMatchHeaders,
          body: OrgPatchSchema,
          response: {
            200: OrgSchema,
            400: ProblemSchema,
            403: ProblemSchema,
            404: ProblemSchema,
            412: ProblemSchema,
            428: ProblemSchema,
          },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        let version = expectedVersion(req.headers['if-match']);
        version ??= (await getOrg(deps, req.params.id)).version;
        const org = await updateProfile(deps, actor, metaOf(req), req.params.id, req.body, version);
        void reply.header('etag', etagOf(org.version));
        return toOrgDto(org);
      },
    );
  };
