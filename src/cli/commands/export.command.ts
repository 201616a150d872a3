import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { AppError } from '../../domain/shared/errors.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import {
  EXPORT_FORMATS,
  exportOrgs,
  type ExportFormat,
} from '../../services/org-export.service.ts';
import { commandGroup, plural, usageErrorsExit2, withServices } from './command-support.ts';

export const registerExport = (program: Command): void => {
  const group = commandGroup(program, 'export', 'Export data to files');
  usageErrorsExit2(group.command('orgs'))
    .description('Export all organizations as CSV (the import format) or a JSON array')
    .addOption(
      new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('csv'),
    )
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (opts: { format: ExportFormat; out?: string }) => {
      await withServices({ skipIndex: true }, async ({ deps }) => {
        const count =
          opts.out === undefined
            ? await toStdout(deps, opts.format)
            : await toFile(deps, opts.format, opts.out);
        const where = opts.out === undefined ? '' : ` to ${opts.out}`;
        process.stderr.write(`Exported ${plural(count, 'organization')}${where}.\n`);
      });
    });
};

async function toStdout(deps: ServiceDeps, format: ExportFormat): Promise<number> {
  // A closed pipe (`circles export orgs | head`) is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
  });
  return (await exportOrgs(deps, process.stdout, format)).count;
}

/** Written next to the target and renamed into place: never a half-written file under that name. */
async function toFile(deps: ServiceDeps, format: ExportFormat, file: string): Promise<number> {
  const partial = `${file}.partial-${process.pid}`;
  const out = createWriteStream(partial);
  try {
    const { count } = await exportOrgs(deps, out, format);
    out.end();
    await finished(out);
    await rename(partial, file);
    return count;
  } catch (err) {
    out.destroy();
    await rm(partial, { force: true });
    if (err instanceof AppError) throw err;
    throw new AppError(
      'validation',
      `cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
