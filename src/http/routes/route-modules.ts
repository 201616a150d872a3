// Every /api/v1 route module, registered in this order by buildApp.
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { agreementsRoutes } from './agreements.routes.ts';
import { auditRoutes } from './audit.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { circlesRoutes } from './circles.routes.ts';
import { directoryRoutes } from './directory.routes.ts';
import { feesRoutes } from './fees.routes.ts';
import { inboxRoutes } from './inbox.routes.ts';
import { matchingRoutes } from './matching.routes.ts';
import { membersRoutes } from './members.routes.ts';
import { opportunitiesRoutes } from './opportunities.routes.ts';
import { orgsRoutes } from './orgs.routes.ts';
import { partnerCenterRoutes } from './partner-center.routes.ts';
import { partnershipsRoutes } from './partnerships.routes.ts';
import { referralsRoutes } from './referrals.routes.ts';
import { reportsRoutes } from './reports.routes.ts';
import { tokensRoutes } from './tokens.routes.ts';
import { webhooksRoutes } from './webhooks.routes.ts';

export type RouteModule = (deps: ServiceDeps, config: Config) => FastifyPluginAsync;

export const ROUTE_MODULES: readonly RouteModule[] = [
  directoryRoutes,
  orgsRoutes,
  authRoutes,
  membersRoutes,
  tokensRoutes,
  auditRoutes,
  partnershipsRoutes,
  agreementsRoutes,
  opportunitiesRoutes,
  referralsRoutes,
  matchingRoutes,
  partnerCenterRoutes,
  webhooksRoutes,
  circlesRoutes,
  inboxRoutes,
  feesRoutes,
  reportsRoutes,
];
