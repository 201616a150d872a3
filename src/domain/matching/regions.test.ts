import { describe, expect, it } from 'vitest';
import { codesOf } from '../taxonomy/vocabularies.ts';
import { REACH, reachOf, regionEntries, regionOf } from './regions.ts';

describe('regions', () => {
  it('gives every ISO 3166-1 country exactly one region, and lists no other code', () => {
    const countries = codesOf('countries');
    const entries = regionEntries();
    expect(countries.filter((c) => regionOf(c) === undefined)).toEqual([]);
    expect(entries.map(([c]) => c).filter((c) => !countries.includes(c))).toEqual([]);
    expect(entries).toHaveLength(new Set(entries.map(([c]) => c)).size);
    expect(entries).toHaveLength(countries.length);
  });

  it('groups neighbours the way partners deliver', () => {
    expect(regionOf('SE')).toBe(regionOf('NO'));
    expect(regionOf('DE')).toBe(regionOf('AT'));
    expect(regionOf('US')).toBe(regionOf('CA'));
    expect(regionOf('DE')).not.toBe(regionOf('US'));
  });

  it('reaches a served country fully, a same-region one partly, others not', () => {
    expect(reachOf('SE', regionOf('SE'), ['DE', 'SE'])).toBe(REACH.served);
    expect(reachOf('SE', regionOf('SE'), ['DK'])).toBe(REACH.sameRegion);
    expect(reachOf('SE', regionOf('SE'), ['US', 'BR'])).toBe(REACH.none);
    expect(reachOf('SE', regionOf('SE'), [])).toBe(REACH.none);
  });
});
