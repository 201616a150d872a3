// A real Circles server in this process: fresh SQLite store in a temp dir, a seeded demo
// ecosystem, buildApp + listen on a free port. The browser talks to it over real HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config.ts';
import { buildApp } from '../../../src/http/app.ts';
import { openServices } from '../../../src/services/bootstrap.ts';
import { DEMO_SIGN_IN, seedDemoEcosystem } from '../../../src/services/demo-ecosystem.service.ts';

export { DEMO_SIGN_IN };

export interface CirclesServer {
  url: string;
  close(): Promise<void>;
}

export async function startCircles(opts: { orgs: number; seed?: number }): Promise<CirclesServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'circles-e2e-'));
  const config = loadConfig({
    CIRCLES_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    CIRCLES_LOGIN_RATE_PER_MINUTE: '1000',
  });
  const services = await openServices(config);
  try {
    await seedDemoEcosystem(services.deps, { count: opts.orgs, seed: opts.seed ?? 42 });
    const app = await buildApp(config, services.deps);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      url,
      close: async () => {
        await app.close();
        await services.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
