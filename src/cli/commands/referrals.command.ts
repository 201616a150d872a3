import type { Command } from 'commander';
import { expireReferrals } from '../../services/referral-expiry.service.ts';
import { commandGroup, plural, usageErrorsExit2, withServices } from './command-support.ts';

export const registerReferrals = (program: Command): void => {
  const group = commandGroup(program, 'referrals', 'Referrals between partners');
  usageErrorsExit2(group.command('expire'))
    .description('Close received referrals left unanswered past their expiry (safe to run twice)')
    .action(async () => {
      await withServices({ skipIndex: true }, async ({ deps }) => {
        const r = await expireReferrals(deps);
        process.stdout.write(
          r.skipped
            ? 'Another process is running the expiry job; nothing done.\n'
            : `Expired ${plural(r.expired, 'referral')}.\n`,
        );
      });
    });
};
