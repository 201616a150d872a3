import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.ts';

const Health = z.object({ status: z.literal('ok'), store: z.enum(['sqlite', 'postgres']) });

export const healthRoutes =
  (deps: ServiceDeps): FastifyPluginAsync =>
  async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/healthz',
      { schema: { tags: ['ops'], summary: 'Liveness and store check', response: { 200: Health } } },
      async () => {
        await sql`select 1`.execute(deps.db);
        return { status: 'ok' as const, store: deps.storeKind };
      },
    );
  };
