// GET /orgs: the partner directory (text, filters, facets, sort, cursor), and the vocabularies.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DIRECTORY_FILTERS,
  DirectoryPageSchema,
  DirectoryQuerySchema,
  VocabulariesSchema,
  type DirectoryFilterParam,
  type DirectoryPageDto,
  type DirectoryQueryDto,
} from '../../contract/orgs.contract.ts';
import { ProblemSchema } from '../../contract/common.contract.ts';
import type { DirectoryQuery, FacetField } from '../../domain/directory/directory-query.ts';
import type { CodedListField } from '../../domain/taxonomy/vocabularies.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { searchDirectory, type DirectoryResult } from '../../services/directory.service.ts';
import { listVocabularies } from '../../services/vocabularies.service.ts';
import { requireActor } from '../request-context.ts';
import { toOrgSummary } from './org-views.ts';

const PARAMS = Object.keys(DIRECTORY_FILTERS) as DirectoryFilterParam[];

function toQuery(dto: DirectoryQueryDto): DirectoryQuery {
  const filters: Partial<Record<CodedListField, readonly string[]>> = {};
  for (const p of PARAMS) {
    const values = dto[p];
    if (values !== undefined && values.length > 0) filters[DIRECTORY_FILTERS[p]] = values;
  }
  return {
    text: dto.q ?? '',
    filters,
    ...(dto.teaming === undefined ? {} : { teaming: dto.teaming === 'yes' }),
    sort: dto.sort,
    limit: dto.limit,
    ...(dto.cursor === undefined ? {} : { cursor: dto.cursor }),
  };
}

const FIELD_TO_PARAM = Object.fromEntries(PARAMS.map((p) => [DIRECTORY_FILTERS[p], p])) as Record<
  CodedListField,
  DirectoryFilterParam
>;

function toPage(result: DirectoryResult): DirectoryPageDto {
  const facets = {} as DirectoryPageDto['facets'];
  for (const [field, counts] of Object.entries(result.facets) as [FacetField, DirectoryResult['facets'][FacetField]][]) {
    facets[field === 'teaming' ? 'teaming' : FIELD_TO_PARAM[field]] = counts;
  }
  return { items: result.orgs.map(toOrgSummary), facets, total: result.total, nextCursor: result.nextCursor };
}

export const directoryRoutes =
  (deps: ServiceDeps): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/orgs',
      {
        schema: {
          tags: ['directory'],
          summary: 'Search the partner directory: text, filters (repeat a parameter for any-of), facets',
          querystring: DirectoryQuerySchema,
          response: { 200: DirectoryPageSchema, 400: ProblemSchema, 401: ProblemSchema },
        },
      },
      async (req) => {
        requireActor(req);
        const paths = Object.fromEntries(PARAMS.map((p) => [DIRECTORY_FILTERS[p], `query.${p}`]));
        return toPage(await searchDirectory(deps, toQuery(req.query), paths));
      },
    );

    r.get(
      '/vocabularies',
      {
        schema: {
          tags: ['directory'],
          summary: 'Reference vocabularies (codes and labels) with their version',
          response: { 200: VocabulariesSchema },
        },
      },
      async () => listVocabularies(),
    );
  };
