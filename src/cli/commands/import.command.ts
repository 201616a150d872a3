import { open } from 'node:fs/promises';
import type { ReadStream } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { AppError } from '../../domain/shared/errors.ts';
import {
  DEFAULT_IMPORT_BATCH,
  importOrgsCsv,
  type ImportProgress,
  type ImportReport,
} from '../../services/org-import.service.ts';
import {
  commandGroup,
  plural,
  usageErrorsExit2,
  wholeNumber,
  withServices,
} from './command-support.ts';

/** Exit code when the file was read but some rows were rejected. */
export const EXIT_ROWS_REJECTED = 3;

export const registerImport = (program: Command): void => {
  const group = commandGroup(program, 'import', 'Import data from files');
  usageErrorsExit2(group.command('orgs'))
    .description('Import organizations from a CSV file whose columns are named as profile fields')
    .argument('<file>', 'CSV file with a header row (name,website,hqCountry,countries,...)')
    .option('--dry-run', 'check every row and report; write nothing')
    .option(
      '--batch-size <n>',
      'rows per transaction',
      wholeNumber(1, 10_000),
      DEFAULT_IMPORT_BATCH,
    )
    .action(async (file: string, opts: { dryRun?: boolean; batchSize: number }) => {
      const input = await openInput(file);
      try {
        const report = await withServices({ skipIndex: true }, async ({ deps }) => {
          const bar = progressBar(input.size);
          try {
            return await importOrgsCsv(deps, input.stream, {
              dryRun: opts.dryRun === true,
              batchSize: opts.batchSize,
              source: basename(file),
              onProgress: (p) => bar?.update(input.stream.bytesRead, p),
            });
          } finally {
            bar?.stop();
          }
        });
        printReport(report);
        if (report.rejected.length > 0) process.exitCode = EXIT_ROWS_REJECTED;
      } finally {
        input.stream.destroy();
      }
    });
};

async function openInput(file: string): Promise<{ stream: ReadStream; size: number }> {
  try {
    const handle = await open(file, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    }
    return { stream: handle.createReadStream(), size: stat.size };
  } catch (err) {
    throw new AppError('validation', `cannot read ${file}: ${reasonOf(err)}`);
  }
}

function reasonOf(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR' || code === 'ENOTFILE') return 'not a regular file';
  return err instanceof Error ? err.message : String(err);
}

function progressBar(totalBytes: number): cliProgress.SingleBar | null {
  if (process.stderr.isTTY !== true) return null;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format:
        'Importing [{bar}] {percentage}% | {rows} rows | {imported} imported | {rejected} rejected',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const start: ImportProgress = { rows: 0, imported: 0, rejected: 0 };
  bar.start(totalBytes, 0, start);
  return bar;
}

const count = (n: number): string => n.toLocaleString('en-US');

function printReport(r: ImportReport): void {
  for (const w of r.warnings) process.stderr.write(`circles: warning: ${w}\n`);
  const lines = r.rejected.map(
    (row) => `line ${row.line}: ${row.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}\n`,
  );
  const rejected = `${plural(r.rejected.length, 'row')} rejected`;
  const warnings = plural(r.warnings.length, 'warning');
  const summary = r.dryRun
    ? `Dry run: ${count(r.valid)} of ${plural(r.rows, 'row')} valid, ${rejected}, ${warnings}; nothing written.`
    : `Imported ${count(r.imported)} of ${plural(r.rows, 'row')}, ${rejected}, ${warnings}.`;
  process.stdout.write(`${lines.join('')}${summary}\n`);
}
