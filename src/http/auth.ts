// Resolves the caller from a Bearer token or the session cookie. (Filled in by the identity work.)
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { ServiceDeps } from '../services/deps.ts';

export function registerAuth(app: FastifyInstance, _deps: ServiceDeps, _config: Config): void {
  app.decorateRequest('actor', null);
}
