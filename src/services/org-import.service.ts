// Imports organizations from CSV: each row checked for shape and business rules, good rows
// committed in batches (one transaction each, all or nothing), bad rows reported by line.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { insertOrgs } from '../db/repos/orgs.repo.ts';
import { toIndexedOrg } from '../domain/directory/to-indexed-org.ts';
import type { OrgProfile } from '../domain/profile/profile.ts';
import { validateProfile } from '../domain/profile/validate-profile.ts';
import { AppError, type FieldIssue } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import type { ServiceDeps } from './deps.ts';
import { announceOrgChanges } from './index-sync.service.ts';
import { ORG_CSV_COLUMNS, REQUIRED_COLUMNS, rowToProfile, type OrgCsvColumn } from './org-csv.ts';

export interface ImportProgress {
  rows: number;
  imported: number;
  rejected: number;
}

export interface ImportOptions {
  /** Validate every row, write nothing. */
  dryRun?: boolean;
  /** Good rows per transaction. */
  batchSize?: number;
  /** Named in the audit entry, e.g. the file name. */
  source?: string;
  onProgress?: (p: ImportProgress) => void;
}

export interface RejectedRow {
  /** CSV line where the record starts (1 = the header). */
  line: number;
  issues: FieldIssue[];
}

export interface ImportReport {
  dryRun: boolean;
  /** Data records read, broken ones included (header and blank lines excluded). */
  rows: number;
  /** Rows that passed validation. */
  valid: number;
  /** Rows committed (0 on a dry run). */
  imported: number;
  rejected: RejectedRow[];
  warnings: string[];
}

export const DEFAULT_IMPORT_BATCH = 500;

interface Pending {
  id: string;
  profile: OrgProfile;
  line: number;
}

type Header = (OrgCsvColumn | null)[];

export async function importOrgsCsv(
  deps: ServiceDeps,
  input: Readable,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = {
    dryRun: opts.dryRun === true,
    rows: 0,
    valid: 0,
    imported: 0,
    rejected: [],
    warnings: [],
  };
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_IMPORT_BATCH);
  const currentYear = deps.now().getUTCFullYear();
  const progress = () =>
    opts.onProgress?.({
      rows: report.rows,
      imported: report.imported,
      rejected: report.rejected.length,
    });
  const parser = csvParser(report);
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);

  let header: Header | null = null;
  let batch: Pending[] = [];
  try {
    for await (const { record, info, raw } of parser) {
      const line = startLine(info.lines, raw);
      if (header === null) {
        header = readHeader(record, line, report);
        continue;
      }
      report.rows++;
      const pending = checkRow(header, record, line, currentYear, report);
      if (pending !== null && !report.dryRun) batch.push(pending);
      if (batch.length >= batchSize) {
        await commitBatch(deps, batch, report, opts.source);
        batch = [];
      }
      if (report.rows % 250 === 0) progress();
    }
  } catch (err) {
    throw err instanceof CsvError
      ? new AppError(
          'validation',
          `line ${csvErrorLine(err)}: ${err.message} (${report.imported} rows imported before this)`,
        )
      : err;
  }
  if (header === null) {
    throw new AppError(
      'validation',
      `The file is empty: expected a header row such as ${ORG_CSV_COLUMNS.slice(0, 3).join(',')},...`,
    );
  }
  if (batch.length > 0) await commitBatch(deps, batch, report, opts.source);
  progress();
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

type ParsedRecord = { record: string[]; info: { lines: number }; raw: string };

// Raw records with line info; broken records (quotes, ...) are skipped and reported, not fatal.
function csvParser(
  report: ImportReport,
): AsyncIterable<ParsedRecord> & NodeJS.WritableStream & { destroy(err?: Error): void } {
  return parse({
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err, raw) => {
      report.rows++;
      report.rejected.push({
        line: startLine(csvErrorLine(err), raw ?? ''),
        issues: [csvIssue(err)],
      });
      return undefined;
    },
  });
}

/** The line a record starts on: csv-parse counts lines up to its end, and a quoted value may span several. */
function startLine(endLine: number, raw: string): number {
  const inner = raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0;
  return Math.max(1, endLine - inner);
}

const csvErrorLine = (err: CsvError | undefined): number =>
  typeof err?.lines === 'number' ? err.lines : 0;

function csvIssue(err: CsvError | undefined): FieldIssue {
  const message: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED:
      'A quoted value starts here and is never closed; the rest of the file was read as part of it',
    INVALID_OPENING_QUOTE:
      'A quote inside an unquoted value; quote the whole value and double the quotes inside it',
    CSV_INVALID_CLOSING_QUOTE:
      'Text follows a closing quote; double the quotes inside a quoted value',
  };
  return {
    path: 'row',
    message: (err === undefined ? undefined : message[err.code]) ?? err?.message ?? 'Not valid CSV',
  };
}

function readHeader(record: readonly string[], line: number, report: ImportReport): Header {
  // Broken records are skipped as parsing runs ahead; one before this line means the header was broken.
  const broken = report.rejected.find((r) => r.line < line);
  if (broken !== undefined) {
    throw new AppError(
      'validation',
      `line ${broken.line}: the header row is not valid CSV (${broken.issues[0]?.message ?? ''})`,
    );
  }
  const known = new Set<string>(ORG_CSV_COLUMNS);
  const seen = new Set<string>();
  const header = record.map((cell) => {
    const name = cell.trim();
    if (seen.has(name))
      throw new AppError('validation', `line ${line}: column "${name}" appears twice`);
    seen.add(name);
    if (known.has(name)) return name as OrgCsvColumn;
    report.warnings.push(
      `Unknown column "${name}" ignored (known columns: ${ORG_CSV_COLUMNS.join(', ')})`,
    );
    return null;
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    throw new AppError(
      'validation',
      `line ${line}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    );
  }
  return header;
}

function checkRow(
  header: Header,
  record: readonly string[],
  line: number,
  year: number,
  report: ImportReport,
): Pending | null {
  if (record.length !== header.length) {
    const message = `Expected ${header.length} fields (as in the header), found ${record.length}`;
    report.rejected.push({ line, issues: [{ path: 'row', message }] });
    return null;
  }
  const cells: Partial<Record<OrgCsvColumn, string>> = {};
  header.forEach((column, i) => {
    if (column !== null) cells[column] = record[i] ?? '';
  });
  const shaped = rowToProfile(cells);
  const issues = shaped.ok ? validateProfile(shaped.profile, year) : shaped.issues;
  if (!shaped.ok || issues.length > 0) {
    report.rejected.push({ line, issues });
    return null;
  }
  report.valid++;
  return { id: randomUUID(), profile: shaped.profile, line };
}

async function commitBatch(
  deps: ServiceDeps,
  batch: Pending[],
  report: ImportReport,
  source: string | undefined,
): Promise<void> {
  const at = deps.now().toISOString();
  const orgs = batch.map((p) => ({ id: p.id, profile: p.profile, at }));
  const lines = { from: batch[0]?.line ?? 0, to: batch[batch.length - 1]?.line ?? 0 };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertOrgs(trx, orgs);
      await announceOrgChanges(
        trx,
        deps,
        orgs.map((o) => ({ id: o.id, version: 1 })),
      );
      await recordAudit(
        trx,
        deps,
        null,
        { requestId: null },
        {
          action: 'org.imported',
          targetType: 'org',
          targetId: null,
          orgId: null,
          details: {
            source: source ?? null,
            count: orgs.length,
            lines,
            orgIds: orgs.map((o) => o.id),
          },
        },
      );
    });
  } catch (err) {
    // The whole batch rolled back: report each of its rows, carry on with the next batch.
    const message = `Not imported: the batch of lines ${lines.from}-${lines.to} failed and was rolled back (${err instanceof Error ? err.message : String(err)})`;
    for (const p of batch)
      report.rejected.push({ line: p.line, issues: [{ path: 'row', message }] });
    return;
  }
  report.imported += orgs.length;
  for (const o of orgs) {
    deps.directory.upsert(toIndexedOrg({ ...o.profile, id: o.id, version: 1 }));
  }
}
