// What a version changes: one row per changed term, old value beside new value.
import { Table } from '../../../ui/table.tsx';
import type { Agreement } from '../deals-api.ts';
import { formatTerm, TERM_LABELS } from './terms-labels.ts';

type Diff = Agreement['diffs'][number];

export function VersionDiff({ diff, currency }: { diff: Diff; currency: string }) {
  if (diff.changes.length === 0)
    return (
      <p className="muted small">
        Version {diff.to} repeats the terms of version {diff.from}.
      </p>
    );
  return (
    <Table
      caption={`Changes from version ${diff.from} to version ${diff.to}`}
      rows={diff.changes}
      rowKey={(c) => c.path}
      columns={[
        { header: 'Term', cell: (c) => TERM_LABELS[c.path] ?? c.path },
        {
          header: `Version ${diff.from}`,
          cell: (c) => (
            <del className="deal-diff__old">{formatTerm(c.path, c.before, currency)}</del>
          ),
        },
        {
          header: `Version ${diff.to}`,
          cell: (c) => (
            <ins className="deal-diff__new">{formatTerm(c.path, c.after, currency)}</ins>
          ),
        },
      ]}
    />
  );
}
