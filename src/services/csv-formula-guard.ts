// Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with = + - @ tab or CR
// may run as a formula when the file is opened in Excel or LibreOffice. Exports prefix such cells
// with a single quote, which spreadsheets show as text.
//
// The rule, so that import gives back exactly what was exported:
//   export: a cell starting with = + - @ tab CR, or with a quote, gets one quote in front;
//   import: a cell starting with a quote and then one of those (quote included) loses that quote.
// Quoting a leading quote too is what makes it reversible: a name that really is `'=x` is written
// `''=x` and read back as `'=x`. Any other cell, a hand-written `'tis` among them, is left alone.
const GUARDED_START = new Set(['=', '+', '-', '@', '\t', '\r', "'"]);

const startsGuarded = (cell: string): boolean => GUARDED_START.has(cell.charAt(0));

/** The cell as it is written to an exported CSV file. */
export const guardCell = (cell: string): string => (startsGuarded(cell) ? `'${cell}` : cell);

/** The cell as it was before guardCell: unguardCell(guardCell(s)) === s for every string s. */
export const unguardCell = (cell: string): string =>
  cell.startsWith("'") && startsGuarded(cell.slice(1)) ? cell.slice(1) : cell;
