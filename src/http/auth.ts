// Resolves the caller from `Authorization: Bearer cis_…|cit_…` or the session cookie, and guards
// cookie-authenticated writes against cross-site requests (CSRF token + Origin check).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../domain/shared/errors.ts';
import type { ServiceDeps } from '../services/deps.ts';
import { actorOf, resolveCredential } from '../services/sessions.service.ts';

export const SESSION_COOKIE = 'circles_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** How the actor authenticated: the cookie (a browser) or an Authorization header. */
    authVia: 'cookie' | 'bearer' | null;
    /** The session's CSRF token (sessions only). */
    sessionCsrf: string | null;
  }
  interface FastifyContextConfig {
    /** Sign-up and sign-in: they create the session, so there is no CSRF token to check yet. */
    skipCsrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? '';
}

export function registerAuth(app: FastifyInstance, deps: ServiceDeps, _config: Config): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('sessionCsrf', null);

  app.addHook('onRequest', async (req) => {
    // A present Authorization header wins, even when invalid: never fall back to the cookie.
    const bearer = bearerOf(req.headers.authorization);
    const cookie = req.cookies[SESSION_COOKIE];
    const secret = bearer ?? (cookie?.startsWith('cis_') === true ? cookie : null);
    if (secret === null || secret === '') return;
    const cred = await resolveCredential(deps, secret);
    if (cred === null) return;
    req.actor = actorOf(cred);
    req.authVia = bearer === null ? 'cookie' : 'bearer';
    req.sessionCsrf = cred.csrfToken;
    if (req.authVia === 'cookie') guardCookieWrite(req);
  });
}

/** Cookie callers must prove the request came from our own pages; Bearer callers cannot be forged by a browser. */
function guardCookieWrite(req: FastifyRequest): void {
  if (SAFE_METHODS.has(req.method) || req.routeOptions.config.skipCsrf === true) return;
  const origin = req.headers.origin;
  if (origin !== undefined && !sameHost(origin, req.host)) {
    throw new AppError('csrf', 'Cross-site request refused', [
      { path: 'headers.origin', message: 'Does not match this host' },
    ]);
  }
  const sent = req.headers['x-csrf-token'];
  if (
    typeof sent !== 'string' ||
    req.sessionCsrf === null ||
    !constantTimeEqual(sent, req.sessionCsrf)
  ) {
    throw new AppError('csrf', 'Send the x-csrf-token header from sign-in or GET /api/v1/me', [
      {
        path: 'headers.x-csrf-token',
        message: sent === undefined ? 'Required' : 'Does not match the session',
      },
    ]);
  }
}

// Both sides parsed under the Origin's scheme, so a default port (:80, :443) written on one side only still matches.
function sameHost(origin: string, host: string): boolean {
  try {
    const o = new URL(origin);
    return o.host === new URL(`${o.protocol}//${host}`).host;
  } catch {
    return false; // "null" and garbage are cross-site by definition
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface CookiePolicy {
  secureCookies: boolean;
}

export function setSessionCookie(
  reply: FastifyReply,
  config: CookiePolicy,
  token: string,
  expiresAt: string,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.secureCookies,
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: CookiePolicy): void {
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.secureCookies,
  });
}
