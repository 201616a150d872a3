import { Option, type Command } from 'commander';
import { currencyDigits } from '../../domain/deals/money.ts';
import type { ReportCell } from '../../domain/deals/report.ts';
import { p2pReport, type P2pReportResult } from '../../services/p2p-report.service.ts';
import { commandGroup, usageErrorsExit2, withServices } from './command-support.ts';

const GROUP_BY = ['country', 'solutionArea', 'month'] as const;

function money(amount: number, currency: string): string {
  const digits = currencyDigits(currency) ?? 2;
  const major = (amount / 10 ** digits).toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${major} ${currency}`;
}

function line(c: ReportCell): string {
  if (c.suppressed) return `${c.key.padEnd(16)} suppressed (fewer than 5 organizations)`;
  const share = `${(c.crossBorderShare / 100).toFixed(1)} % cross-border`;
  return `${c.key.padEnd(16)} ${String(c.count).padStart(8)} won  ${money(c.value.amount, c.value.currency).padStart(20)}  ${share}`;
}

function text(r: P2pReportResult): string {
  const head = `P2P referrals won ${r.from} .. ${r.to} by ${r.groupBy}, in ${r.currency} (FX ${r.fxDate})`;
  return [head, ...r.cells.map(line), line(r.total)].join('\n');
}

export const registerReport = (program: Command): void => {
  const group = commandGroup(program, 'report', 'Association reports');
  usageErrorsExit2(group.command('p2p'))
    .description(
      'Won P2P referrals between members; cells from fewer than 5 organizations suppressed',
    )
    .addOption(new Option('--group-by <dim>', 'grouping').choices(GROUP_BY).default('month'))
    .option('--from <date>', 'first day (YYYY-MM-DD, inclusive; default a year before --to)')
    .option('--to <date>', 'last day (YYYY-MM-DD, inclusive; default today)')
    .option('--currency <code>', 'reporting currency', 'EUR')
    .option('--json', 'print the report as JSON (the API shape)')
    .action(
      async (opts: {
        groupBy: (typeof GROUP_BY)[number];
        from?: string;
        to?: string;
        currency: string;
        json?: boolean;
      }) => {
        await withServices({ skipIndex: true }, async ({ deps }) => {
          const r = await p2pReport(deps, {
            groupBy: opts.groupBy,
            from: opts.from,
            to: opts.to,
            currency: opts.currency.toUpperCase(),
          });
          process.stdout.write(`${opts.json === true ? JSON.stringify(r) : text(r)}\n`);
        });
      },
    );
};
