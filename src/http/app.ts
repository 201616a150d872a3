// buildApp(config, deps): the whole HTTP surface, ready for app.inject() in tests; never listens.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { Config } from '../config.ts';
import { AppError } from '../domain/shared/errors.ts';
import type { ServiceDeps } from '../services/deps.ts';
import { registerAuth } from './auth.ts';
import { sendProblem, toAppError } from './errors.ts';
import { registerIdempotency } from './idempotency.ts';
import { registerMetrics } from './metrics.ts';
import './request-context.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { ROUTE_MODULES } from './routes/route-modules.ts';
import { registerWeb } from './web.ts';

export type App = FastifyInstance;

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export interface AppOptions {
  /** Where logs go (stdout by default); tests capture them to prove no secret is logged. */
  logStream?: DestinationStream;
}

export async function buildApp(config: Config, deps: ServiceDeps, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream === undefined ? {} : { stream: options.logStream }),
      // Tokens, cookies and passwords never reach the log.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
        censor: '[redacted]',
      },
    },
    bodyLimit: config.bodyLimitBytes,
    // Router-level errors (bad URL encoding, over-long path parameters) are problem+json too.
    frameworkErrors: (err, req, reply) => {
      void sendProblem(reply, req, toAppError(err) ?? new AppError('validation', err.message));
    },
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  // Only JSON bodies: anything else is a 415, never parsed as text.
  app.removeContentTypeParser(['text/plain']);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        // Only behind HTTPS: over plain http on a LAN address it would blank the web app.
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
  });
  await app.register(cookie);
  // Request decorations and hooks come before any encapsulated plugin, so every route has them.
  registerMetrics(app, deps);
  registerAuth(app, deps, config);
  registerIdempotency(app, deps);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Circles API',
        version: '1',
        description: 'Partner-to-partner business: directory, identity, audit. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'circles_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((err, req, reply) => {
    const appErr = toAppError(err);
    if (appErr !== null) return sendProblem(reply, req, appErr);
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).type('application/problem+json').send({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: `Something went wrong on our side; quote request id ${req.id}`,
      errors: [],
    });
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, req, new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`)),
  );

  await app.register(healthRoutes(deps));
  for (const routes of ROUTE_MODULES) await app.register(routes(deps, config), { prefix: '/api/v1' });
  await registerWeb(app);
  return app;
}
