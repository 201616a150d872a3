import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../domain/shared/errors.ts';
import { fxOverview, importEcbCsv } from '../../services/fx.service.ts';
import { commandGroup, plural, usageErrorsExit2, withServices } from './command-support.ts';

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new AppError('validation', `cannot read ${file}: ${why}`);
  }
}

export const registerFx = (program: Command): void => {
  const group = commandGroup(program, 'fx', 'Currency exchange rate tables');
  usageErrorsExit2(group.command('import'))
    .argument('<file>', 'an ECB CSV file: eurofxref.csv (one day) or eurofxref-hist.csv')
    .description('Store newer ECB reference rates; any bad row rejects the file (exit 2)')
    .action(async (file: string) => {
      const text = await readText(file);
      await withServices({ skipIndex: true }, async ({ deps }) => {
        const r = await importEcbCsv(deps, text);
        const newest = r.dates[0] ?? '-';
        const skipped =
          r.skippedCurrencies.length === 0
            ? ''
            : ` Skipped retired currencies: ${r.skippedCurrencies.join(', ')}.`;
        process.stdout.write(
          `Imported ${plural(r.dates.length, 'rate table')} (newest ${newest}).${skipped}\n`,
        );
      });
    });
  usageErrorsExit2(group.command('show'))
    .description('The rate table in use and every table known')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withServices({ skipIndex: true }, async ({ deps }) => {
        const o = await fxOverview(deps);
        const t = o.current;
        if (opts.json === true) {
          const summary = { date: t.table.date, source: t.table.source, shipped: t.shipped };
          process.stdout.write(`${JSON.stringify({ ...summary, currencies: o.currencies })}\n`);
          return;
        }
        const kind = t.shipped ? 'shipped snapshot' : 'imported';
        process.stdout.write(
          `FX table in use: ${t.table.date} (${kind}, ${t.table.source}); ` +
            `${plural(o.currencies.length, 'currency')}, ${plural(o.tables.length, 'table')} known.\n`,
        );
      });
    });
};
