// The matching API calls (rank, team, complements) and saving a need as an opportunity, typed by
// the shared zod contracts; every response is parsed, errors arrive as ApiError with field paths.
import type { z } from 'zod';
import {
  ComplementsResponseSchema,
  MatchResponseSchema,
  TeamResponseSchema,
  type MatchRequest,
  type TeamRequest,
} from '@contract/matching.contract.ts';
import {
  OpportunitySchema,
  type OpportunityCreateSchema,
} from '@contract/opportunities.contract.ts';
import { call } from '../../lib/api-client.ts';

export type MatchResponse = z.output<typeof MatchResponseSchema>;
export type MatchResult = MatchResponse['results'][number];
export type Reason = MatchResult['reasons'][number];
export type TeamResponse = z.output<typeof TeamResponseSchema>;
export type ComplementsResponse = z.output<typeof ComplementsResponseSchema>;
export type OpportunityBody = z.input<typeof OpportunityCreateSchema>;

const opt = (signal?: AbortSignal) => (signal === undefined ? {} : { signal });

export const findMatches = async (body: MatchRequest, signal?: AbortSignal) =>
  (await call('POST', '/match', MatchResponseSchema, { body, ...opt(signal) })).data;

export const formTeam = async (body: TeamRequest, signal?: AbortSignal) =>
  (await call('POST', '/teams', TeamResponseSchema, { body, ...opt(signal) })).data;

export const findComplements = async (orgId: string, limit: number, signal?: AbortSignal) =>
  (
    await call('GET', `/orgs/${encodeURIComponent(orgId)}/complements`, ComplementsResponseSchema, {
      query: new URLSearchParams({ limit: String(limit) }),
      ...opt(signal),
    })
  ).data;

export const createOpportunity = async (body: OpportunityBody) =>
  (await call('POST', '/opportunities', OpportunitySchema, { body })).data;
