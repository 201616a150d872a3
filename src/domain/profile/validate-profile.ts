// Business rules of a profile beyond its shape (the shape is checked by the zod contract).
import type { FieldIssue } from '../shared/errors.ts';
import { checkCode, checkCodes } from '../taxonomy/check-codes.ts';
import { CODED_LIST_FIELDS, VOCABULARIES } from '../taxonomy/vocabularies.ts';
import { PROFILE_LIMITS, type OrgProfile } from './profile.ts';

export function validateProfile(p: OrgProfile, currentYear: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  issues.push(...checkCode('countries', p.hqCountry, 'hqCountry'));
  for (const field of CODED_LIST_FIELDS) issues.push(...checkCodes(field, p[field], field));
  if (p.employeeBand !== null) issues.push(...checkCode('employeeBands', p.employeeBand, 'employeeBand'));
  if (p.foundedYear !== null && (p.foundedYear < 1800 || p.foundedYear > currentYear)) {
    issues.push({ path: 'foundedYear', message: `Must be between 1800 and ${currentYear}` });
  }
  p.rateCard.forEach((r, i) =>
    issues.push(...checkCode('currencies', r.dayRate.currency, `rateCard[${i}].dayRate.currency`)),
  );
  issues.push(...checkOffices(p), ...checkSpecializations(p));
  return issues;
}

function checkOffices(p: OrgProfile): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const perCountry = new Map<string, number>();
  p.offices.forEach((o, i) => {
    issues.push(...checkCode('countries', o.country, `offices[${i}].country`));
    const n = (perCountry.get(o.country) ?? 0) + 1;
    perCountry.set(o.country, n);
    if (n === PROFILE_LIMITS.officesPerCountryMax + 1) {
      issues.push({
        path: `offices[${i}]`,
        message: `At most ${PROFILE_LIMITS.officesPerCountryMax} offices per country (${o.country})`,
      });
    }
  });
  return issues;
}

// MCPP: a specialization is earned on top of the designation of its solution area.
function checkSpecializations(p: OrgProfile): FieldIssue[] {
  const heldAreas = new Set(
    VOCABULARIES.designations
      .filter((d) => p.designations.includes(d.code) && d.solutionArea !== undefined)
      .map((d) => d.solutionArea),
  );
  const issues: FieldIssue[] = [];
  p.specializations.forEach((code, i) => {
    const area = VOCABULARIES.specializations.find((s) => s.code === code)?.solutionArea;
    if (area !== undefined && !heldAreas.has(area)) {
      issues.push({
        path: `specializations[${i}]`,
        message: `"${code}" requires the designation SP-${area}`,
      });
    }
  });
  return issues;
}
