// The edit form's working copy of a profile, and the conversions around it: numbers are kept as
// typed text until saved; money is typed in major units and sent in integer minor units.
import { OrgPatchSchema, type OrgDto, type OrgPatch } from '@contract/orgs.contract.ts';
import { fromZodIssues, type FieldIssue } from '../../lib/field-errors.ts';
import { currencyDigits } from '../../lib/format.ts';

export const CODED_FIELDS = [
  'partnerTypes',
  'services',
  'products',
  'industries',
  'customerSizes',
  'solutionAreas',
  'designations',
  'specializations',
  'countries',
  'languages',
] as const;
export type CodedField = (typeof CODED_FIELDS)[number];

export interface RateRow {
  role: string;
  amount: string;
  currency: string;
}
export interface OfficeRow {
  country: string;
  city: string;
  address: string;
}

export type Draft = Record<CodedField, string[]> & {
  name: string;
  website: string;
  hqCountry: string;
  employeeBand: string;
  foundedYear: string;
  description: string;
  skills: string[];
  teamingOpen: boolean;
  teamingSeeks: string;
  availableConsultants: string;
  bench: string;
  rateCard: RateRow[];
  offices: OfficeRow[];
};

const majorUnits = (minor: number, currency: string): string =>
  String(minor / 10 ** currencyDigits(currency));

export function draftOf(org: OrgDto): Draft {
  const coded = Object.fromEntries(CODED_FIELDS.map((f) => [f, [...org[f]]])) as Record<
    CodedField,
    string[]
  >;
  return {
    ...coded,
    name: org.name,
    website: org.website ?? '',
    hqCountry: org.hqCountry,
    employeeBand: org.employeeBand ?? '',
    foundedYear: org.foundedYear === null ? '' : String(org.foundedYear),
    description: org.description,
    skills: [...org.skills],
    teamingOpen: org.teaming.open,
    teamingSeeks: org.teaming.seeks,
    availableConsultants: String(org.capacity.availableConsultants),
    bench: String(org.capacity.bench),
    rateCard: org.rateCard.map((r) => ({
      role: r.role,
      amount: majorUnits(r.dayRate.amount, r.dayRate.currency),
      currency: r.dayRate.currency,
    })),
    offices: org.offices.map((o) => ({
      country: o.country,
      city: o.city,
      address: o.address ?? '',
    })),
  };
}

const WHOLE = /^\s*-?\d+\s*$/;

/** A typed whole number, or an issue at `path`. */
function whole(text: string, path: string, issues: FieldIssue[], nullable: boolean): number | null {
  if (text.trim() === '') {
    if (!nullable) issues.push({ path, message: 'Required' });
    return null;
  }
  if (!WHOLE.test(text)) {
    issues.push({ path, message: 'A whole number' });
    return null;
  }
  return Number(text);
}

function minorUnits(text: string, currency: string, path: string, issues: FieldIssue[]): number {
  const digits = currencyDigits(currency);
  const m = /^\s*(\d+)(?:[.,](\d*))?\s*$/.exec(text);
  if (m === null || (m[2] ?? '').length > digits) {
    issues.push({
      path,
      message: digits === 0 ? 'A whole amount, e.g. 1200' : `An amount such as 1200 or 1200.50`,
    });
    return 0;
  }
  return Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || '0');
}

/** The full profile the draft describes, and the issues converting typed text (numbers, money). */
export function profileOf(d: Draft): { profile: Required<OrgPatch>; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const foundedYear = whole(d.foundedYear, 'foundedYear', issues, true);
  const availableConsultants =
    whole(d.availableConsultants, 'capacity.availableConsultants', issues, false) ?? 0;
  const bench = whole(d.bench, 'capacity.bench', issues, false) ?? 0;
  const rateCard = d.rateCard.map((r, i) => ({
    role: r.role,
    dayRate: {
      amount: minorUnits(r.amount, r.currency, `rateCard[${i}].dayRate.amount`, issues),
      currency: r.currency,
    },
  }));
  const profile: Required<OrgPatch> = {
    ...(Object.fromEntries(CODED_FIELDS.map((f) => [f, d[f]])) as Record<CodedField, string[]>),
    name: d.name,
    website: d.website.trim() === '' ? null : d.website.trim(),
    hqCountry: d.hqCountry,
    employeeBand: d.employeeBand === '' ? null : d.employeeBand,
    foundedYear,
    description: d.description,
    skills: d.skills,
    teaming: { open: d.teamingOpen, seeks: d.teamingSeeks },
    capacity: { availableConsultants, bench },
    rateCard,
    offices: d.offices.map((o) => ({
      country: o.country,
      city: o.city,
      ...(o.address.trim() === '' ? {} : { address: o.address }),
    })),
  };
  return { profile, issues };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Only the fields that differ from `base`: a PATCH that cannot clobber fields nobody touched. */
export function diff(profile: Required<OrgPatch>, base: OrgDto): OrgPatch {
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(profile)) {
    const was = base[k as keyof OrgDto];
    if (
      !same(
        v,
        k === 'offices'
          ? (was as OrgDto['offices']).map((o) =>
              o.address === undefined || o.address === ''
                ? { country: o.country, city: o.city }
                : o,
            )
          : was,
      )
    ) {
      patch[k] = v;
    }
  }
  return patch;
}

/** Check the patch with the same schema the server uses, for instant feedback. */
export function checkPatch(patch: OrgPatch): FieldIssue[] {
  const r = OrgPatchSchema.safeParse(patch);
  return r.success ? [] : fromZodIssues(r.error.issues);
}

/** Reload-and-reapply after a conflict: the latest version with this user's changed fields on top. */
export function reapply(latest: OrgDto, mine: OrgPatch): OrgDto {
  return { ...latest, ...mine } as OrgDto;
}

/** Fields whose value moved between two versions (what the other person changed). */
export function changedFields(before: OrgDto, after: OrgDto): string[] {
  return (Object.keys(after) as (keyof OrgDto)[]).filter(
    (k) =>
      !['version', 'updatedAt', 'createdAt', 'domain'].includes(k) && !same(before[k], after[k]),
  );
}
