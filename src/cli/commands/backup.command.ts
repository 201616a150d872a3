import type { Command } from 'commander';
import { backupStore } from '../../services/backup.service.ts';
import { usageErrorsExit2, withServices } from './command-support.ts';

export const registerBackup = (program: Command): void => {
  usageErrorsExit2(program.command('backup'))
    .description('Copy the SQLite store to <file> while it stays online (PostgreSQL: use pg_dump)')
    .argument('<file>', 'where to write the backup (replaced if it exists)')
    .action(async (file: string) => {
      await withServices({ skipIndex: true }, async ({ store }) => {
        const { file: written, bytes } = await backupStore(store, file);
        process.stdout.write(
          `Backed up the store to ${written} (${(bytes / 1024).toFixed(0)} KiB).\n`,
        );
      });
    });
};
