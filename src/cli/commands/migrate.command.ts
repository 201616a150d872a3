import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openStore } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { usageErrorsExit2 } from './command-support.ts';

export const registerMigrate = (program: Command): void => {
  usageErrorsExit2(program.command('migrate'))
    .description('Apply pending database migrations and list them')
    .action(async () => {
      const store = openStore(loadConfig());
      try {
        const { applied } = await migrateToLatest(store.db, store.kind);
        process.stdout.write(
          applied.length === 0
            ? `The ${store.kind} store is up to date; no migrations to apply.\n`
            : `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to the ${store.kind} store:\n${applied.map((m) => `  ${m}\n`).join('')}`,
        );
      } finally {
        await store.close();
      }
    });
};
