// What `npm start` needs on a fresh store: the demo ecosystem plus a demo sign-in that owns one of its orgs.
import { ensureDemoUser } from './auth.service.ts';
import { seedDemo } from './demo.service.ts';
import type { ServiceDeps } from './deps.ts';

export const DEMO_SIGN_IN = Object.freeze({
  email: 'demo@circles.example',
  password: 'circles-demo-2026',
  name: 'Dana Demo',
});

export async function seedDemoEcosystem(
  deps: ServiceDeps,
  opts: { count: number; seed: number },
): Promise<{ created: number }> {
  const seeded = await seedDemo(deps, opts);
  if (seeded.firstOrgId !== undefined && seeded.firstOrgId !== null) {
    await ensureDemoUser(deps, { ...DEMO_SIGN_IN, orgId: seeded.firstOrgId });
  }
  return { created: seeded.created };
}
