import type { Command } from 'commander';
import { verifyAudit } from '../../services/audit.service.ts';
import { commandGroup, plural, usageErrorsExit2, withServices } from './command-support.ts';

export const registerAudit = (program: Command): void => {
  const group = commandGroup(program, 'audit', 'The tamper-evident audit log');
  usageErrorsExit2(group.command('verify'))
    .description('Recompute every hash chain; exit 1 naming the first break when a row was altered')
    .action(async () => {
      await withServices({ skipIndex: true }, async ({ deps }) => {
        const r = await verifyAudit(deps);
        const entries = `${r.entries.toLocaleString('en-US')} ${r.entries === 1 ? 'entry' : 'entries'}`;
        process.stdout.write(`Checked ${entries} in ${plural(r.chains, 'chain')}.\n`);
        const first = r.breaks[0];
        if (first === undefined) {
          process.stdout.write('All chains intact.\n');
          return;
        }
        const more =
          r.breaks.length > 1 ? ` (${plural(r.breaks.length, 'broken chain')} in all)` : '';
        throw new Error(
          `audit chain ${first.chain} broken at seq ${first.seq}: ${first.reason}${more}`,
        );
      });
    });
};
