// Sign-up, sign-in, sign-out, org switch and /me. Sign-in is rate-limited per IP and email.
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import {
  LoginBody,
  MeSchema,
  SignedInSchema,
  SignupBody,
  SwitchOrgBody,
  SwitchOrgResponse,
  type SignedInDto,
  type SignupBodyDto,
} from '../../contract/auth.contract.ts';
import { ProblemSchema } from '../../contract/common.contract.ts';
import { login, signup, type SignedIn, type SignupInput } from '../../services/auth.service.ts';
import { describeMe, logout, switchOrg } from '../../services/sessions.service.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { clearSessionCookie, setSessionCookie } from '../auth.ts';
import { metaOf, requireActor } from '../request-context.ts';

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

function toSignedInDto(s: SignedIn): SignedInDto {
  return {
    token: s.token,
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt,
    user: s.user,
    organization: s.organization,
  };
}

function toSignupInput(b: SignupBodyDto): SignupInput {
  return {
    email: b.email,
    password: b.password,
    name: b.name,
    ...(b.organization === undefined
      ? {}
      : {
          organization: {
            name: b.organization.name,
            website: b.organization.website ?? null,
            hqCountry: b.organization.hqCountry,
          },
        }),
    ...(b.invitationToken === undefined ? {} : { invitationToken: b.invitationToken }),
  };
}

// Keyed by IP and the (already normalised) email: one address cannot be guessed at quickly,
// and one noisy client does not lock everybody else out.
function ipAndEmail(req: FastifyRequest): string {
  const body = req.body as { email?: unknown } | undefined;
  return `${req.ip}|${typeof body?.email === 'string' ? body.email : ''}`;
}

export const authRoutes = (deps: ServiceDeps, config: Config): FastifyPluginAsync => {
  const policy = { sessionHours: config.sessionHours };
  const limited = {
    max: config.loginRatePerMinute,
    timeWindow: 60_000,
    // After validation, so the key sees the normalised email.
    hook: 'preHandler' as const,
    keyGenerator: ipAndEmail,
  };

  const plugin: FastifyPluginAsync = async (app) => {
    await app.register(rateLimit, { global: false });
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/auth/signup',
      {
        config: { rateLimit: limited, skipCsrf: true, secretFields: ['token', 'csrfToken'] },
        schema: {
          tags: ['auth'],
          summary:
            'Create an account with a new organization, or join one with an invitation token',
          security: [],
          body: SignupBody,
          response: { 201: SignedInSchema, ...errors, 429: ProblemSchema },
        },
      },
      async (req, reply) => {
        const s = await signup(deps, toSignupInput(req.body), policy, metaOf(req));
        setSessionCookie(reply, config, s.token, s.expiresAt);
        return reply.status(201).send(toSignedInDto(s));
      },
    );

    r.post(
      '/auth/login',
      {
        config: { rateLimit: limited, skipCsrf: true, secretFields: ['token', 'csrfToken'] },
        schema: {
          tags: ['auth'],
          summary: 'Sign in: sets the session cookie and returns the token for API clients',
          security: [],
          body: LoginBody,
          response: { 200: SignedInSchema, ...errors, 429: ProblemSchema },
        },
      },
      async (req, reply) => {
        const s = await login(deps, req.body, policy, metaOf(req));
        setSessionCookie(reply, config, s.token, s.expiresAt);
        return toSignedInDto(s);
      },
    );

    r.post(
      '/auth/logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'End the current session and clear the cookie (nothing to end for API tokens)',
          response: { 204: z.null().describe('Signed out'), 403: ProblemSchema },
        },
      },
      async (req, reply) => {
        await logout(deps, req.actor, metaOf(req));
        clearSessionCookie(reply, config);
        return reply.status(204).send(null);
      },
    );

    r.post(
      '/auth/switch-org',
      {
        schema: {
          tags: ['auth'],
          summary: 'Act in another organization you belong to (sessions only)',
          body: SwitchOrgBody,
          response: { 200: SwitchOrgResponse, ...errors },
        },
      },
      async (req) => {
        const organization = await switchOrg(deps, requireActor(req), req.body.orgId, metaOf(req));
        return { organization };
      },
    );

    r.get(
      '/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The caller, the organization they act in and all their memberships',
          response: { 200: MeSchema, 401: ProblemSchema },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const me = await describeMe(deps, actor);
        return {
          ...me,
          via: actor.tokenId === null ? ('session' as const) : ('api_token' as const),
          ...(req.authVia === 'cookie' && req.sessionCsrf !== null
            ? { csrfToken: req.sessionCsrf }
            : {}),
        };
      },
    );
  };
  return plugin;
};
