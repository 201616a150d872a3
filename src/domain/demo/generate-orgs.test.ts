import { describe, expect, it } from 'vitest';
import { validateProfile } from '../profile/validate-profile.ts';
import { VOCABULARIES } from '../taxonomy/vocabularies.ts';
import { LATEST_FOUNDED_YEAR } from './demo-capabilities.ts';
import { generateOrg, generateOrgs } from './generate-orgs.ts';

const take = (count: number, seed: number) => [...generateOrgs({ count, seed })];

describe('generateOrgs', () => {
  const orgs = take(2000, 42);

  it('is deterministic per seed and differs between seeds', () => {
    expect(take(50, 42)).toEqual(orgs.slice(0, 50));
    const other = take(50, 43);
    expect(other.map((o) => o.id)).not.toEqual(orgs.slice(0, 50).map((o) => o.id));
    expect(other.map((o) => o.profile.name)).not.toEqual(
      orgs.slice(0, 50).map((o) => o.profile.name),
    );
  });

  it('makes org i depend only on the seed and i', () => {
    expect(generateOrg(42, 1234)).toEqual(orgs[1234]);
  });

  it('gives every org a unique UUID v4-shaped id', () => {
    const ids = orgs.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('produces only profiles that pass validateProfile', () => {
    for (const { profile } of orgs)
      expect(validateProfile(profile, LATEST_FOUNDED_YEAR)).toEqual([]);
  });

  it('spreads partners over at least 44 HQ countries, most of them small', () => {
    expect(new Set(orgs.map((o) => o.profile.hqCountry)).size).toBeGreaterThanOrEqual(44);
    const small = orgs.filter(
      (o) => o.profile.employeeBand === '1-9' || o.profile.employeeBand === '10-49',
    );
    expect(small.length / orgs.length).toBeGreaterThan(0.6);
  });

  it('keeps the pieces of a profile consistent with each other', () => {
    const areaOf = new Map(VOCABULARIES.specializations.map((s) => [s.code, s.solutionArea]));
    const open = orgs.filter((o) => o.profile.teaming.open).length / orgs.length;
    expect(open).toBeGreaterThan(0.5);
    expect(open).toBeLessThan(0.7);
    for (const { profile: p } of orgs) {
      expect(p.countries[0]).toBe(p.hqCountry);
      expect(p.offices[0]?.country).toBe(p.hqCountry);
      expect(p.rateCard.length).toBeGreaterThanOrEqual(1);
      expect(p.rateCard.length).toBeLessThanOrEqual(4);
      for (const r of p.rateCard) expect(Number.isInteger(r.dayRate.amount)).toBe(true);
      for (const s of p.specializations) expect(p.solutionAreas).toContain(areaOf.get(s));
      expect(p.teaming.open || p.teaming.seeks === '').toBe(true);
      if (p.website !== null) expect(p.website.endsWith(p.domain ?? '\u0000')).toBe(true);
    }
  });

  it('streams 100,000 orgs quickly', () => {
    const t0 = performance.now();
    let n = 0;
    for (const o of generateOrgs({ count: 100_000, seed: 1 })) n += o.profile.countries.length;
    expect(n).toBeGreaterThan(100_000);
    // ~1 s here; the 500,000-org benchmark needs it under 10 s.
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
