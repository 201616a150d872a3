// Matchmaking use cases: rank partners for a need, form a team, find who complements an
// organization. The in-memory index finds and scores candidates; the store supplies the records
// of the few returned, which the domain scores again to explain them (same numbers, exactly).
import { findOrg } from '../db/repos/orgs.repo.ts';
import { listPartnershipsOf } from '../db/repos/partnerships.repo.ts';
import { otherParty } from '../domain/deals/partnership.ts';
import {
  compileMatch,
  type MatchOptions,
  type Requester,
} from '../domain/matching/match-context.ts';
import { NO_SIGNALS, signalsOf, type SignalMaps } from '../domain/matching/match-searcher.ts';
import { toNeed, type Need } from '../domain/matching/need.ts';
import { profileGaps } from '../domain/matching/profile-gaps.ts';
import { matchResult, type MatchResult } from '../domain/matching/rank-candidates.ts';
import { formTeam, type Team } from '../domain/matching/team-formation.ts';
import { SHORTLIST_PER_CELL } from '../domain/matching/team-heuristic.ts';
import { teamOptions } from '../domain/matching/team-options.ts';
import type { Org } from '../domain/profile/profile.ts';
import { notFound } from '../domain/shared/errors.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import {
  parseMatchRequest,
  parseTeamRequest,
  type MatchRequestInput,
  type TeamRequestInput,
} from './match-request.ts';
import { getOrgs } from './orgs.service.ts';

export type { MatchRequestInput, TeamRequestInput } from './match-request.ts';

export interface MatchOutcome {
  results: MatchResult<Org>[];
  total: number;
  uncovered: number[];
}

export interface TeamOutcome extends Omit<Team, 'members' | 'backups'> {
  members: { org: Org; cells: number[]; share: number }[];
  backups: Record<number, Org[]>;
}

export interface ComplementsOutcome extends MatchOutcome {
  gaps: Need['cells'];
}

/** Who is asking: null for the operator (CLI without --as-org), else an organization. */
export type MatchRequester = Pick<Actor, 'orgId'> | null;

export async function matchPartners(
  deps: ServiceDeps,
  requester: MatchRequester,
  body: MatchRequestInput,
): Promise<MatchOutcome> {
  const { need, options, limit } = parseMatchRequest(body);
  const { profile, signals } = await requesterOf(deps, requester?.orgId ?? null);
  return rank(deps, need, profile, signals, options, limit);
}

export async function formPartnerTeam(
  deps: ServiceDeps,
  requester: MatchRequester,
  body: TeamRequestInput,
): Promise<TeamOutcome> {
  const { need, options, team } = parseTeamRequest(body);
  const { profile, signals } = await requesterOf(deps, requester?.orgId ?? null);
  const ctx = compileMatch(need, profile, options);
  const opts = teamOptions(team);
  const perCell = Math.max(SHORTLIST_PER_CELL, opts.backupsPerCell + 1);
  const pool = deps.directory.teamPool({ ctx, signals, limit: 0, perCell });
  const formed = formTeam(need, pool, team);
  const ids = [...formed.members.map((m) => m.orgId), ...Object.values(formed.backups).flat()];
  const orgs = new Map((await getOrgs(deps, [...new Set(ids)])).map((o) => [o.id, o]));
  const known = (id: string) => orgs.get(id);
  return {
    members: formed.members.flatMap((m) => {
      const org = known(m.orgId);
      return org === undefined ? [] : [{ org, cells: m.cells, share: m.share }];
    }),
    uncovered: formed.uncovered,
    backups: Object.fromEntries(
      Object.entries(formed.backups).map(([cell, list]) => [
        cell,
        list.flatMap((id) => known(id) ?? []),
      ]),
    ),
    objective: formed.objective,
    maxShareUsed: formed.maxShareUsed,
    shareCapRelaxed: formed.shareCapRelaxed,
  };
}

/** Partners that fill the gaps of `orgId`'s profile; the partnership signal only for your own. */
export async function findComplements(
  deps: ServiceDeps,
  requester: MatchRequester,
  orgId: string,
  limit: number,
): Promise<ComplementsOutcome> {
  const org = await findOrg(deps.db, orgId);
  if (org === undefined) throw notFound('Organization');
  const cells = profileGaps(org);
  if (cells.length === 0) return { gaps: [], results: [], total: 0, uncovered: [] };
  const need = toNeed({ needs: cells });
  const own = requester?.orgId === orgId;
  const signals = own ? await signalMaps(deps, orgId) : NO_SIGNALS;
  const options: MatchOptions = own ? {} : { weights: { partnership: 0 } };
  return { gaps: need.cells, ...(await rank(deps, need, org, signals, options, limit)) };
}

async function rank(
  deps: ServiceDeps,
  need: Need,
  requester: Requester | null,
  signals: SignalMaps,
  options: MatchOptions,
  limit: number,
): Promise<MatchOutcome> {
  const ctx = compileMatch(need, requester, options);
  const page = deps.directory.match({ ctx, signals, limit });
  const orgs = await getOrgs(
    deps,
    page.hits.map((h) => h.id),
  );
  return {
    results: orgs.map((org) => matchResult(ctx, org, signalsOf(signals, org.id))),
    total: page.total,
    uncovered: page.uncovered,
  };
}

async function requesterOf(
  deps: ServiceDeps,
  orgId: string | null,
): Promise<{ profile: Org | null; signals: SignalMaps }> {
  if (orgId === null) return { profile: null, signals: NO_SIGNALS };
  const profile = (await findOrg(deps.db, orgId)) ?? null;
  if (profile === null) return { profile, signals: NO_SIGNALS };
  return { profile, signals: await signalMaps(deps, orgId) };
}

/** Active partnerships of the requester; trust and responsiveness stay neutral until they exist. */
async function signalMaps(deps: ServiceDeps, orgId: string): Promise<SignalMaps> {
  const active = await listPartnershipsOf(deps.db, orgId, 'active');
  const partners = new Set(active.map((p) => otherParty(p, orgId)));
  return { ...NO_SIGNALS, partners };
}
