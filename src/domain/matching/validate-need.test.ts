import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import type { NeedInput } from './need.ts';
import { parseNeed, validateNeed } from './validate-need.ts';

const ok: NeedInput = {
  needs: [
    { kind: 'specialization', code: 'Finance', country: 'DE' },
    { kind: 'solutionArea', code: 'Infrastructure', country: 'SE', weight: 2 },
    { kind: 'service', code: 'ManagedServices', country: 'US' },
    { kind: 'product', code: 'Azure', country: 'US', weight: 0.5 },
  ],
  industry: 'Manufacturing',
  language: 'en',
  customerSize: '251to1000employees',
  minCapacity: 5,
  requiredDesignations: ['SP-Security'],
};
const paths = (input: NeedInput) => validateNeed(input).map((i) => i.path);
const cell = { kind: 'service', code: 'ManagedServices', country: 'SE' } as const;

describe('validateNeed', () => {
  it('accepts a valid need and fills the default weight', () => {
    expect(validateNeed(ok)).toEqual([]);
    const need = parseNeed(ok);
    expect(need.cells.map((c) => c.weight)).toEqual([1, 2, 1, 0.5]);
    expect(need.industry).toBe('Manufacturing');
    expect(parseNeed({ needs: [cell] })).toEqual({
      cells: [{ ...cell, weight: 1 }],
      requiredDesignations: [],
    });
  });

  it('rejects empty needs and more than 100 cells', () => {
    expect(paths({ needs: [] })).toEqual(['needs']);
    expect(paths({ needs: Array.from({ length: 101 }, () => cell) })).toEqual(['needs']);
    expect(validateNeed({ needs: Array.from({ length: 101 }, () => cell) })[0]?.message).toMatch(
      /At most 100/,
    );
  });

  it('names unknown codes with their path and lists the valid codes', () => {
    const issues = validateNeed({
      needs: [cell, cell, { kind: 'specialization', code: 'Nope', country: 'XX' }],
    });
    expect(issues.map((i) => i.path)).toEqual(['needs[1]', 'needs[2].code', 'needs[2].country']);
    expect(issues[1]?.message).toContain('Finance');
    expect(issues[2]?.message).toContain('ISO 3166-1');
  });

  it('rejects an unknown kind', () => {
    const bad = { needs: [{ kind: 'skill', code: 'x', country: 'SE' }] } as unknown as NeedInput;
    expect(paths(bad)).toEqual(['needs[0].kind']);
  });

  it('rejects zero, negative, non-finite and huge weights', () => {
    for (const weight of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1001]) {
      expect(paths({ needs: [cell, { ...cell, country: 'NO', weight }] })).toEqual([
        'needs[1].weight',
      ]);
    }
  });

  it('checks the whole-need options', () => {
    expect(
      paths({
        needs: [cell],
        industry: 'Mining',
        language: 'xx',
        customerSize: 'huge',
        minCapacity: -1,
        requiredDesignations: ['SP-Security', 'Gold'],
      }),
    ).toEqual(['industry', 'language', 'customerSize', 'minCapacity', 'requiredDesignations[1]']);
    expect(paths({ needs: [cell], minCapacity: 2.5 })).toEqual(['minCapacity']);
  });

  it('throws a validation AppError carrying every issue from parseNeed', () => {
    try {
      parseNeed({ needs: [{ ...cell, country: 'ZZ' }], language: 'xx' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('validation');
      expect((e as AppError).issues.map((i) => i.path)).toEqual(['needs[0].country', 'language']);
    }
  });
});
