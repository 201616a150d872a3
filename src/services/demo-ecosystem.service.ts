// What `npm start` needs on a fresh store: the demo ecosystem plus two demo sign-ins, each owning
// one of its orgs, so one person can try the deal flow from both sides (two browser profiles).
import { findOrg } from '../db/repos/orgs.repo.ts';
import { generateOrg } from '../domain/demo/generate-orgs.ts';
import { ensureDemoUser } from './auth.service.ts';
import { seedDemo } from './demo.service.ts';
import type { ServiceDeps } from './deps.ts';

export const DEMO_SIGN_IN = Object.freeze({
  email: 'demo@circles.example',
  password: 'circles-demo-2026',
  name: 'Dana Demo',
});

/** Owner of the second demo org: the other side of a partnership, agreement or referral. */
export const DEMO_PARTNER_SIGN_IN = Object.freeze({
  email: 'partner@circles.example',
  password: 'circles-demo-2026',
  name: 'Pat Partner',
});

export async function seedDemoEcosystem(
  deps: ServiceDeps,
  opts: { count: number; seed: number },
): Promise<{ created: number }> {
  const seeded = await seedDemo(deps, opts);
  if (seeded.firstOrgId !== undefined && seeded.firstOrgId !== null) {
    await ensureDemoUser(deps, { ...DEMO_SIGN_IN, orgId: seeded.firstOrgId });
  }
  if (opts.count > 1) {
    const partnerOrgId = generateOrg(opts.seed, 1).id;
    if ((await findOrg(deps.db, partnerOrgId)) !== undefined) {
      await ensureDemoUser(deps, { ...DEMO_PARTNER_SIGN_IN, orgId: partnerOrgId });
    }
  }
  return { created: seeded.created };
}
