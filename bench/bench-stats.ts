// Small helpers for benchmark scripts: command-line flags, latency percentiles, a text table.

export function flag(args: readonly string[], name: string): boolean {
  return args.includes(`--${name}`);
}

export function numberFlag(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
}

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  /** Queries per second, one after another. */
  throughput: number;
  count: number;
}

/** Nearest-rank percentiles of per-query milliseconds. */
export function latency(ms: readonly number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  const total = sorted.reduce((a, b) => a + b, 0);
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    throughput: (1000 * sorted.length) / total,
    count: sorted.length,
  };
}

export async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const fmt = (x: number, digits = 2): string =>
  Number.isFinite(x) ? x.toFixed(digits) : '-';

export const mb = (bytes: number): string => fmt(bytes / 1024 / 1024, 0);

/** The PostgreSQL a bench compares against: the tests' database unless told otherwise. */
export const BENCH_PG_URL =
  process.env.TEST_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
