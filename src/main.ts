// config -> store -> app -> listen, with a graceful shutdown on SIGTERM/SIGINT.
import type { Config } from './config.ts';
import { buildApp } from './http/app.ts';
import { startBackgroundJobs, type BackgroundJobs } from './services/background-jobs.ts';
import { openServices } from './services/bootstrap.ts';
import {
  DEMO_PARTNER_SIGN_IN,
  DEMO_SIGN_IN,
  seedDemoEcosystem,
} from './services/demo-ecosystem.service.ts';

export interface StartOptions {
  /** Seed the demo ecosystem and demo user when the store is empty (what `npm start` does). */
  demo: boolean;
}

const SHUTDOWN_GRACE_MS = 10_000;

export async function startServer(config: Config, opts: StartOptions): Promise<void> {
  // On PostgreSQL the index follows other server processes' writes (LISTEN/NOTIFY).
  let syncError: (err: unknown) => void = () => undefined;
  const onSyncError = (err: unknown) => syncError(err);
  const services = await openServices(config, { syncIndex: true, onSyncError });
  const app = await buildApp(config, services.deps);
  const log = app.log;
  syncError = (err) => log.warn({ err }, 'directory index sync interrupted; retrying');
  log.info(
    { store: services.store.kind, orgs: services.deps.directory.size, ...services.timings },
    'store migrated and directory index loaded',
  );
  if (opts.demo) {
    const seeded = await seedDemoEcosystem(services.deps, {
      count: config.demoOrgs,
      seed: config.demoSeed,
    });
    if (seeded.created > 0) log.info({ orgs: seeded.created }, 'demo ecosystem seeded');
  }

  let jobs: BackgroundJobs | null = null;
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    // app.close() stops accepting connections and waits for in-flight requests to finish.
    void app
      .close()
      .then(() => jobs?.stop())
      .then(() => services.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  jobs = startBackgroundJobs(services.deps, {
    expiryIntervalMs: config.expiryIntervalMs,
    webhookIntervalMs: config.webhookIntervalMs,
    webhookTimeoutMs: config.webhookTimeoutMs,
    webhookAllowPrivate: config.webhookAllowPrivate,
    onError: (job, err) => log.error({ err, job }, 'background job failed'),
    onRun: (job, result) => log.debug({ job, result }, 'background job ran'),
  });
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  const lines = [
    `Circles is running at ${url}  (API docs: ${url}/api/docs, store: ${services.store.kind})`,
  ];
  if (opts.demo) {
    lines.push(`Demo sign-in: ${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password}`);
    lines.push(
      `Demo partner sign-in: ${DEMO_PARTNER_SIGN_IN.email} / ${DEMO_PARTNER_SIGN_IN.password}`,
    );
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}
