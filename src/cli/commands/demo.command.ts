import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import {
  DEMO_PARTNER_SIGN_IN,
  DEMO_SIGN_IN,
  seedDemoEcosystem,
} from '../../services/demo-ecosystem.service.ts';
import { plural, usageErrorsExit2, wholeNumber, withServices } from './command-support.ts';

export const registerDemo = (program: Command): void => {
  usageErrorsExit2(program.command('demo'))
    .description(
      'Seed the demo ecosystem and demo sign-in into an empty store (does nothing otherwise)',
    )
    .option(
      '--orgs <n>',
      'number of organizations (default: CIRCLES_DEMO_ORGS)',
      wholeNumber(1, 500_000),
    )
    .option(
      '--seed <s>',
      'seed; the same seed gives the same ecosystem (default: CIRCLES_DEMO_SEED)',
      wholeNumber(-(2 ** 31), 2 ** 31 - 1),
    )
    .action(async (opts: { orgs?: number; seed?: number }) => {
      const config = loadConfig();
      const count = opts.orgs ?? config.demoOrgs;
      const seed = opts.seed ?? config.demoSeed;
      await withServices({ skipIndex: true }, async ({ deps }) => {
        const { created } = await seedDemoEcosystem(deps, { count, seed });
        process.stdout.write(
          created === 0
            ? 'The store already has organizations; nothing seeded.\n'
            : `Seeded ${plural(created, 'demo organization')} (seed ${seed}).\nDemo sign-in: ${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password}\nDemo partner sign-in: ${DEMO_PARTNER_SIGN_IN.email} / ${DEMO_PARTNER_SIGN_IN.password}\n`,
        );
      });
    });
};
