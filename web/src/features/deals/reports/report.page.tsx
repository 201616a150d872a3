// The association report: won P2P referrals between members by country, solution area or month,
// as a bar chart of value and a table; cells built from fewer than 5 organizations are suppressed.
import { useCallback } from 'react';
import type { P2pReportDto, ReportCellDto } from '@contract/reports.contract.ts';
import { P2pReportSchema } from '@contract/reports.contract.ts';
import { call } from '../../../lib/api-client.ts';
import { formatCount, formatMoney } from '../../../lib/format.ts';
import { navigate, useLocation } from '../../../lib/router.tsx';
import { useVocabularies } from '../../../lib/vocabularies.ts';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { PageHead, usePageTitle } from '../../../ui/layout.tsx';
import { Table } from '../../../ui/table.tsx';
import { LoadView } from '../shared/load-view.tsx';
import { useLoad } from '../shared/use-load.ts';
import { BarChart } from './bar-chart.tsx';

const GROUPS = [
  { code: 'month', label: 'Month' },
  { code: 'country', label: 'Country' },
  { code: 'solutionArea', label: 'Solution area' },
] as const;

const share = (bp: number): string =>
  `${(bp / 100).toLocaleString('en', { maximumFractionDigits: 1 })} %`;

export function ReportPage() {
  usePageTitle('P2P report');
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const fetcher = useCallback(
    async () =>
      (await call('GET', '/reports/p2p', P2pReportSchema, { query: new URLSearchParams(search) }))
        .data,
    [search],
  );
  const [load, reload] = useLoad(fetcher);
  const vocab = useVocabularies();
  const currencies =
    vocab.status === 'ready'
      ? vocab.vocab.options('currencies').map((o) => ({ code: o.code, label: o.code }))
      : [{ code: params.get('currency') ?? 'EUR', label: params.get('currency') ?? 'EUR' }];
  const setParam = (key: string, value: string): void => {
    const next = new URLSearchParams(search);
    if (value === '') next.delete(key);
    else next.set(key, value);
    navigate(`/reports?${next.toString()}`, { replace: true });
  };
  return (
    <div className="stack">
      <PageHead title="P2P report" subtitle="Won referrals between member organizations" />
      <form className="form-grid" aria-label="Report options" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Group by"
          path="groupBy"
          options={GROUPS}
          value={params.get('groupBy') ?? 'month'}
          onChange={(e) => setParam('groupBy', e.target.value)}
        />
        <TextField
          label="From"
          path="from"
          type="date"
          value={params.get('from') ?? ''}
          onChange={(e) => setParam('from', e.target.value)}
        />
        <TextField
          label="To"
          path="to"
          type="date"
          value={params.get('to') ?? ''}
          onChange={(e) => setParam('to', e.target.value)}
        />
        <SelectField
          label="Reporting currency"
          path="currency"
          options={currencies}
          value={params.get('currency') ?? 'EUR'}
          onChange={(e) => setParam('currency', e.target.value)}
        />
      </form>
      <LoadView
        load={load}
        what="report"
        back={{ to: '/reports', label: 'Reset the report' }}
        onRetry={reload}
      >
        {(report) => <ReportView report={report} />}
      </LoadView>
    </div>
  );
}

function ReportView({ report }: { report: P2pReportDto }) {
  const vocab = useVocabularies();
  const label = (key: string): string => {
    if (vocab.status !== 'ready') return key;
    if (report.groupBy === 'country') return vocab.vocab.label('countries', key);
    if (report.groupBy === 'solutionArea') return vocab.vocab.label('solutionAreas', key);
    return key;
  };
  const suppressedNote = `suppressed: fewer than ${report.minOrgsPerCell} organizations`;
  const bars = report.cells.map((c) =>
    c.suppressed
      ? { key: c.key, label: label(c.key), value: null, display: '', note: suppressedNote }
      : {
          key: c.key,
          label: label(c.key),
          value: c.value.amount,
          display: formatMoney(c.value.amount, c.value.currency),
        },
  );
  const cell = (
    c: ReportCellDto,
    f: (x: Extract<ReportCellDto, { suppressed: false }>) => string,
  ) => (c.suppressed ? 'suppressed' : f(c));
  return (
    <>
      <p className="small muted">
        {report.from} to {report.to} · values in {report.currency} at the reference rates of{' '}
        {report.fxDate} · cells from fewer than {report.minOrgsPerCell} organizations are
        suppressed.
      </p>
      <dl className="facts" aria-label="Totals">
        <div>
          <dt>Won referrals</dt>
          <dd>{cell(report.total, (t) => formatCount(t.count))}</dd>
        </div>
        <div>
          <dt>Value won</dt>
          <dd>{cell(report.total, (t) => formatMoney(t.value.amount, t.value.currency))}</dd>
        </div>
        <div>
          <dt>Cross-border share</dt>
          <dd>{cell(report.total, (t) => share(t.crossBorderShare))}</dd>
        </div>
      </dl>
      {report.cells.length === 0 ? (
        <p className="muted">No won referrals in this period.</p>
      ) : (
        <>
          <BarChart title={`Value won by ${report.groupBy}`} bars={bars} />
          <Table
            caption={`Won referrals by ${report.groupBy}`}
            rows={report.cells}
            rowKey={(c) => c.key}
            columns={[
              {
                header: GROUPS.find((g) => g.code === report.groupBy)?.label ?? 'Group',
                cell: (c) => label(c.key),
              },
              { header: 'Won', numeric: true, cell: (c) => cell(c, (x) => formatCount(x.count)) },
              {
                header: 'Value',
                numeric: true,
                cell: (c) => cell(c, (x) => formatMoney(x.value.amount, x.value.currency)),
              },
              {
                header: 'Cross-border',
                numeric: true,
                cell: (c) => cell(c, (x) => share(x.crossBorderShare)),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
