// Vitest global setup of the e2e project: builds web/dist once before the browser suites.
// Skipped when there is no browser (the suites skip themselves too), so `npm test` stays green.
// The build runs in its own process: inside Vitest, NODE_ENV=test would give React's dev build.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CHROMIUM_AVAILABLE, REPO_ROOT } from './browser.ts';

export default function setup(): void {
  if (!CHROMIUM_AVAILABLE) return;
  if (process.env.CIRCLES_E2E_SKIP_BUILD === '1') return; // reuse an existing web/dist while iterating
  const vite = join(
    dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  execFileSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}
