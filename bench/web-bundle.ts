// What the directory page makes a browser download before it can run: the entry script, the
// chunks it imports statically, and the CSS, gzipped (level 9) from web/dist. Lazy chunks (the
// settings pages) are listed apart. Run: `node --import tsx bench/web-bundle.ts` after build:web.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
export const INITIAL_JS_BUDGET_BYTES = 250 * 1024;

export interface BundleFile {
  file: string;
  kind: 'entry js' | 'static import' | 'css' | 'lazy js';
  raw: number;
  gzip: number;
}

export interface BundleReport {
  files: BundleFile[];
  initialJsGzip: number;
  initialTotalGzip: number;
}

const gz = (buf: Buffer): number => gzipSync(buf, { level: 9 }).length;

/** Static `import ... from "./x.js"` of a chunk (not `import("./x.js")`). */
function staticImports(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(
    /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g,
  ))
    out.add(m[1]!);
  return [...out];
}

export function bundleReport(dist = WEB_DIST): BundleReport {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="\/([^"]+)"/.exec(html)?.[1];
  if (entry === undefined) throw new Error('No module entry script in web/dist/index.html');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g)].map(
    (m) => m[1]!,
  );

  const initial = new Set<string>();
  const visit = (file: string): void => {
    if (initial.has(file)) return;
    initial.add(file);
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const imp of staticImports(readFileSync(join(dist, file), 'utf8')))
      visit(`${dir}${imp.slice(2)}`);
  };
  visit(entry);
  preloads.forEach(visit);

  const files: BundleFile[] = [];
  const add = (file: string, kind: BundleFile['kind']): void => {
    const buf = readFileSync(join(dist, file));
    files.push({ file, kind, raw: buf.length, gzip: gz(buf) });
  };
  for (const f of initial) add(f, f === entry ? 'entry js' : 'static import');
  css.forEach((f) => add(f, 'css'));
  for (const f of readdirSync(join(dist, 'assets'))) {
    const rel = `assets/${f}`;
    if (f.endsWith('.js') && !initial.has(rel)) add(rel, 'lazy js');
  }
  const sum = (kinds: BundleFile['kind'][]) =>
    files.filter((f) => kinds.includes(f.kind)).reduce((n, f) => n + f.gzip, 0);
  return {
    files,
    initialJsGzip: sum(['entry js', 'static import']),
    initialTotalGzip: sum(['entry js', 'static import', 'css']),
  };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

export function printBundleReport(r: BundleReport): void {
  console.log('\nWeb bundle (web/dist), gzip -9');
  console.table(
    r.files.map((f) => ({ file: f.file, kind: f.kind, raw: kb(f.raw), gzip: kb(f.gzip) })),
  );
  const ok = r.initialJsGzip <= INITIAL_JS_BUDGET_BYTES;
  console.log(
    `Initial JS for the directory page: ${kb(r.initialJsGzip)} gzip (budget ${kb(INITIAL_JS_BUDGET_BYTES)}: ${ok ? 'OK' : 'OVER'}, ` +
      `${((r.initialJsGzip / INITIAL_JS_BUDGET_BYTES) * 100).toFixed(0)} % of it); with CSS ${kb(r.initialTotalGzip)}`,
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    console.error('web/dist is missing: run `npm run build:web` first');
    process.exit(1);
  }
  const r = bundleReport();
  printBundleReport(r);
  process.exitCode = r.initialJsGzip <= INITIAL_JS_BUDGET_BYTES ? 0 : 1;
}
