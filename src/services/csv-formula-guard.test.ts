import { describe, expect, it } from 'vitest';
import { guardCell, unguardCell } from './csv-formula-guard.ts';

describe('csv formula guard', () => {
  const values = [
    '=1+1',
    '+1 555',
    '-5',
    '@SUM(A1)',
    '\tx',
    '\rx',
    "'",
    "'=x",
    "''",
    "'tis",
    'ok',
    '',
  ];

  it('writes no cell that starts a formula', () => {
    for (const v of values) expect(guardCell(v)).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('reads back every value exactly', () => {
    for (const v of values) expect(unguardCell(guardCell(v))).toBe(v);
  });

  it('leaves hand-written cells that merely start with a quote alone', () => {
    expect(unguardCell("'tis the season")).toBe("'tis the season");
    expect(unguardCell("'=x")).toBe('=x');
  });
});
