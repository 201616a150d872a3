import { describe, expect, it } from 'vitest';
import { generateOrgs } from '../demo/generate-orgs.ts';
import { Rng } from '../demo/prng.ts';
import { emptyProfile, type OrgProfile } from '../profile/profile.ts';
import { codesOf } from '../taxonomy/vocabularies.ts';
import { DEFAULT_WEIGHTS, F, FACTORS } from './factors.ts';
import { compileMatch, type MatchOrg, type MatchSignals } from './match-context.ts';
import { explain } from './match-reasons.ts';
import { cellStrengths, coveredCells, isEligible, scoreInto } from './match-score.ts';
import { CELL_KINDS, CELL_VOCABULARY, toNeed, type NeedCellInput, type NeedInput } from './need.ts';

type Org = MatchOrg & OrgProfile;
const org = (id: string, fields: Partial<OrgProfile> = {}): Org => ({
  ...emptyProfile(`Org ${id}`, 'SE', null),
  ...fields,
  id,
});
const need = (input: Partial<NeedInput> & Pick<NeedInput, 'needs'>) => toNeed(input);
const ms = (country = 'SE'): NeedCellInput => ({
  kind: 'service',
  code: 'ManagedServices',
  country,
});

function score(n: NeedInput, o: Org, requester: Org | null = null, signals?: MatchSignals) {
  const ctx = compileMatch(toNeed(n), requester);
  const total = scoreInto(ctx, o, signals);
  return {
    ctx,
    total,
    reasons: explain(ctx, o, signals),
    value: (f: keyof typeof F) => ctx.values[F[f]]!,
  };
}

function randomNeed(rng: Rng): NeedInput {
  const countries = ['SE', 'DE', 'US', 'GB', 'FR', 'IN', 'BR', 'JP', 'NO', 'AU'];
  const needs = Array.from({ length: rng.int(1, 6) }, () => {
    const kind = rng.pick(CELL_KINDS);
    return {
      kind,
      code: rng.pick(codesOf(CELL_VOCABULARY[kind])),
      country: rng.pick(countries),
      weight: rng.pick([1, 1, 2, 0.5, 3.7]),
    };
  });
  return {
    needs,
    ...(rng.chance(0.5) ? { industry: rng.pick(codesOf('industries')) } : {}),
    ...(rng.chance(0.5) ? { language: rng.pick(['en', 'de', 'sv', 'fr']) } : {}),
    ...(rng.chance(0.5) ? { customerSize: rng.pick(codesOf('customerSizes')) } : {}),
    ...(rng.chance(0.5) ? { minCapacity: rng.int(0, 20) } : {}),
  };
}

describe('score reasons (property over generated orgs)', () => {
  const orgs = [...generateOrgs({ count: 300, seed: 11 })].map(({ id, profile }) => ({
    ...profile,
    id,
  }));

  it('gives one reason per factor whose points are value x weight and add up to the score exactly, in any order', () => {
    const rng = new Rng(5, 1);
    const problems: string[] = [];
    for (let i = 0; i < 40; i++) {
      const n = toNeed(randomNeed(rng));
      const requester = rng.chance(0.8) ? rng.pick(orgs) : null;
      const ctx = compileMatch(n, requester);
      for (const o of orgs) {
        const signals: MatchSignals = rng.chance(0.5)
          ? {
              trust: rng.float(),
              responsiveness: rng.float(),
              partneredWithRequester: rng.chance(0.3),
            }
          : {};
        const total = scoreInto(ctx, o, signals);
        const reasons = explain(ctx, o, signals);
        const at = `need ${i}, org ${o.id}`;
        if (reasons.map((r) => r.factor).join() !== FACTORS.join()) problems.push(`${at}: factors`);
        for (const r of reasons) {
          if (r.points !== r.value * r.weight) problems.push(`${at}: ${r.factor} points`);
          if (!(r.value >= 0 && r.value <= 1)) problems.push(`${at}: ${r.factor} value ${r.value}`);
          if (r.text === '') problems.push(`${at}: ${r.factor} text`);
        }
        const sums = [reasons, reasons.slice().reverse(), rng.sample(reasons, reasons.length)].map(
          (rs) => rs.reduce((s, r) => s + r.points, 0),
        );
        if (sums.some((s) => s !== total)) problems.push(`${at}: sums ${sums.join()} != ${total}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('capability evidence', () => {
  const cellNeed: NeedInput = {
    needs: [{ kind: 'specialization', code: 'Finance', country: 'SE' }],
  };
  const spec = org('spec', {
    designations: ['SP-BusinessApplications'],
    specializations: ['Finance'],
  });
  const desig = org('desig', { designations: ['SP-BusinessApplications'] });
  const declared = org('declared', { solutionAreas: ['BusinessApplications'] });

  it('counts a specialization above the area designation above a self-declared area', () => {
    const [s, d, t] = [spec, desig, declared].map((o) => score(cellNeed, o).value('capability'));
    expect(s).toBe(1);
    expect(d).toBe(0.75);
    expect(t).toBe(0.5);
    expect(
      score(cellNeed, org('none', { services: ['ManagedServices'] })).value('capability'),
    ).toBe(0);
  });

  it('says which badge it counted', () => {
    expect(score(cellNeed, spec).reasons[F.capability]?.text).toContain('specialization Finance');
    expect(score(cellNeed, desig).reasons[F.capability]?.text).toContain(
      'designation SP-BusinessApplications',
    );
    expect(score(cellNeed, declared).reasons[F.capability]?.text).toContain('declared');
  });

  it('values an audited badge above a self-declared service tag', () => {
    const n = { needs: [ms()] };
    expect(score(n, org('a', { designations: ['AzureExpertMSP'] })).value('capability')).toBe(1);
    expect(score(n, org('b', { services: ['ManagedServices'] })).value('capability')).toBe(0.5);
  });

  it('upgrades a product tag with a badge of its solution area', () => {
    const n = { needs: [{ kind: 'product', code: 'Azure', country: 'SE' } as const] };
    expect(score(n, org('a', { products: ['Azure'] })).value('capability')).toBe(0.5);
    expect(
      score(n, org('b', { products: ['Azure'], designations: ['SP-Infrastructure'] })).value(
        'capability',
      ),
    ).toBe(0.75);
    expect(
      score(
        n,
        org('c', {
          products: ['Azure'],
          designations: ['SP-Infrastructure'],
          specializations: ['KubernetesOnAzure'],
        }),
      ).value('capability'),
    ).toBe(1);
  });
});

describe('geography', () => {
  const mspIn = (countries: string[]) =>
    org(countries.join(''), { services: ['ManagedServices'], countries });

  it('reaches a served country fully and a same-region country partly; covers only served ones', () => {
    const n = { needs: [ms('SE'), ms('US')] };
    const served = score(n, mspIn(['SE', 'US']));
    expect(served.value('geography')).toBe(1);
    expect(coveredCells(served.ctx)).toEqual([0, 1]);
    const near = score(n, mspIn(['NO']));
    expect(near.value('geography')).toBe(0.25);
    expect(near.value('capability')).toBe(0.125);
    expect(coveredCells(near.ctx)).toEqual([]);
    expect(near.reasons[F.geography]?.text).toContain('region of SE');
  });

  it('scores nothing for capability out of reach, so the candidate is not eligible', () => {
    const far = score({ needs: [ms('SE')] }, mspIn(['BR']));
    expect(far.value('capability')).toBe(0);
    expect(far.value('geography')).toBe(0);
    expect(isEligible(far.ctx, mspIn(['BR']))).toBe(false);
  });
});

describe('whole-need factors', () => {
  const base = org('x', {
    services: ['ManagedServices'],
    languages: ['sv'],
    industries: ['Retail'],
    customerSizes: ['51to250employees'],
    capacity: { availableConsultants: 3, bench: 0 },
  });

  it('weighs language, industry and customer size only when asked', () => {
    const plain = score({ needs: [ms()] }, base);
    for (const f of ['language', 'industry', 'customerSize'] as const) {
      expect(plain.reasons[F[f]]).toMatchObject({ weight: 0, points: 0, text: 'Not asked' });
    }
    const asked = score(
      {
        needs: [ms()],
        language: 'sv',
        industry: 'Manufacturing',
        customerSize: '251to1000employees',
      },
      base,
    );
    expect(asked.value('language')).toBe(1);
    expect(asked.value('industry')).toBe(0);
    expect(asked.value('customerSize')).toBe(0.5);
    expect(asked.reasons[F.language]?.weight).toBe(DEFAULT_WEIGHTS.language);
  });

  it('scales capacity against the minimum asked', () => {
    expect(score({ needs: [ms()], minCapacity: 6 }, base).value('capacity')).toBe(0.5);
    expect(score({ needs: [ms()], minCapacity: 2 }, base).value('capacity')).toBe(1);
    expect(
      score({ needs: [ms()] }, org('y', { services: ['ManagedServices'] })).value('capacity'),
    ).toBe(0);
  });

  it('keeps trust and responsiveness neutral until there is a signal (the trust seam)', () => {
    const neutral = score({ needs: [ms()] }, base);
    expect(neutral.value('trust')).toBe(0.5);
    expect(neutral.value('responsiveness')).toBe(0.5);
    expect(neutral.reasons[F.trust]?.text).toContain('neutral');
    const trusted = score({ needs: [ms()] }, base, null, { trust: 1 });
    expect(trusted.total - neutral.total).toBe(0.5 * DEFAULT_WEIGHTS.trust);
  });

  it('rewards an existing partnership and openness to teaming', () => {
    const requester = org('me', { services: ['Licensing'], countries: ['GB'] });
    const partnered = score({ needs: [ms()] }, base, requester, { partneredWithRequester: true });
    expect(partnered.value('partnership')).toBe(1);
    expect(score({ needs: [ms()] }, base).reasons[F.partnership]?.weight).toBe(0);
    const open = score({ needs: [ms()] }, { ...base, teaming: { open: true, seeks: '' } });
    expect(open.total - score({ needs: [ms()] }, base).total).toBe(DEFAULT_WEIGHTS.teaming);
  });
});

describe('complementarity', () => {
  const requester = org('me', {
    services: ['DeploymentOrMigration'],
    solutionAreas: ['Infrastructure'],
    countries: ['SE'],
  });
  const duplicate = org('dup', {
    services: ['DeploymentOrMigration', 'ManagedServices'],
    solutionAreas: ['Infrastructure'],
  });
  const filler = org('fill', { services: ['ManagedServices'], solutionAreas: ['Security'] });

  it('penalises a candidate by the share of its offering the requester already has', () => {
    const dup = score({ needs: [ms()] }, duplicate, requester);
    const fill = score({ needs: [ms()] }, filler, requester);
    expect(dup.value('complementarity')).toBeCloseTo(2 / 3, 5);
    expect(fill.value('complementarity')).toBe(0);
    expect(dup.reasons[F.complementarity]?.points).toBeLessThan(0);
    expect(fill.total).toBeGreaterThan(dup.total);
    expect(fill.reasons[F.complementarity]?.text).toContain('fills your gaps');
  });

  it('drops competitors when asked to', () => {
    const ctx = compileMatch(need({ needs: [ms()] }), requester, { excludeCompetitors: true });
    scoreInto(ctx, duplicate);
    expect(isEligible(ctx, duplicate)).toBe(false);
    scoreInto(ctx, filler);
    expect(isEligible(ctx, filler)).toBe(true);
  });

  it('never proposes the requester itself', () => {
    const ctx = compileMatch(
      need({ needs: [{ kind: 'service', code: 'DeploymentOrMigration', country: 'SE' }] }),
      requester,
    );
    scoreInto(ctx, requester);
    expect(isEligible(ctx, requester)).toBe(false);
  });
});

describe('cell strengths for team formation', () => {
  it('are evidence on covered cells scaled by the rest of the profile, 0 elsewhere', () => {
    const n = {
      needs: [
        ms('SE'),
        ms('US'),
        { kind: 'solutionArea', code: 'Security', country: 'SE' } as const,
      ],
    };
    const s = score(n, org('a', { services: ['ManagedServices'], countries: ['SE'] }));
    const out = cellStrengths(s.ctx, new Float64Array(3));
    expect(out[0]).toBeGreaterThan(0.5 * 0.6 - 1e-12);
    expect(out[0]).toBeLessThanOrEqual(0.5);
    expect([out[1], out[2]]).toEqual([0, 0]);
  });
});
