// Vitest global setup of the e2e project: builds web/dist once before the browser suites.
// Skipped when there is no browser (the suites skip themselves too), so `npm test` stays green.
import { build } from 'vite';
import { CHROMIUM_AVAILABLE, WEB_ROOT } from './browser.ts';

export default async function setup(): Promise<void> {
  if (!CHROMIUM_AVAILABLE) return;
  if (process.env.CIRCLES_E2E_SKIP_BUILD === '1') return; // reuse an existing web/dist while iterating
  await build({ root: WEB_ROOT, logLevel: 'warn' });
}
