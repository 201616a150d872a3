import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('lowercases runs of letters and digits', () => {
    expect(tokenize('Contoso-Cloud365, Inc.')).toEqual(['contoso', 'cloud365', 'inc']);
  });

  it('folds accents and keeps non-Latin scripts', () => {
    expect(tokenize('Müller Café Zürich 東京 Ελλάδα')).toEqual([
      'muller',
      'cafe',
      'zurich',
      '東京',
      'ελλαδα',
    ]);
  });

  it('drops single characters and short stop words, keeps IT', () => {
    expect(tokenize('The IT partner of a C# shop and more')).toEqual([
      'it',
      'partner',
      'shop',
      'more',
    ]);
  });

  it('returns nothing for blank or symbol-only text', () => {
    expect(tokenize('  -- !! ')).toEqual([]);
  });
});
