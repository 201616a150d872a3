// The organization CSV format shared by import and export: one row per org, columns named as the
// profile fields, lists separated by `;`, rate cards as `Role=120000 EUR` (integer minor units),
// offices as `DE:Berlin` or `DE:Berlin:Street 1`. A backslash escapes `; = : \` inside a value,
// so every profile exported can be imported again unchanged. Cells a spreadsheet would run as a
// formula get a leading quote on export, taken off again on import (csv-formula-guard.ts).
import { z } from 'zod';
import type { Office, Org, OrgProfile, RateCardEntry } from '../domain/profile/profile.ts';
import { PROFILE_LIMITS } from '../domain/profile/profile.ts';
import { registrableDomain } from '../domain/profile/registrable-domain.ts';
import type { FieldIssue } from '../domain/shared/errors.ts';
import { checkCode, checkCodes } from '../domain/taxonomy/check-codes.ts';
import { CODED_LIST_FIELDS, isKnownCode } from '../domain/taxonomy/vocabularies.ts';
import { guardCell, unguardCell } from './csv-formula-guard.ts';

export const ORG_CSV_COLUMNS = [
  'name',
  'website',
  'hqCountry',
  ...CODED_LIST_FIELDS,
  'skills',
  'employeeBand',
  'foundedYear',
  'description',
  'teamingOpen',
  'teamingSeeks',
  'availableConsultants',
  'bench',
  'rateCard',
  'offices',
] as const;
export type OrgCsvColumn = (typeof ORG_CSV_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly OrgCsvColumn[] = ['name', 'hqCountry'];

/** Splits on `sep` where it is not escaped; tokens keep their escapes for a further split. */
function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let token = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '\\' && i + 1 < s.length) {
      token += ch + (s[i + 1] as string);
      i++;
    } else if (ch === sep) {
      out.push(token);
      token = '';
    } else token += ch;
  }
  out.push(token);
  return out;
}

const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');
const escape = (s: string): string => s.replace(/[\\;=:]/g, (c) => `\\${c}`);
const tokens = (cell: string): string[] =>
  splitUnescaped(cell, ';')
    .map((t) => t.trim())
    .filter((t) => t !== '');

// Visible text only, as the HTTP contract demands (a NUL byte would also break PostgreSQL).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'Control characters are not allowed');
const list = z.string().transform((cell) => tokens(cell).map(unescape));
const codes = list.pipe(z.array(z.string().max(64)).max(300));
const whole = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d*$/, 'A whole number such as 3')
    .transform((s) => (s === '' ? 0 : Number(s)))
    .pipe(z.number().max(max, `At most ${max}`));

const MAX_AMOUNT = 100_000_000_000;

const RateCardItem = z.string().transform((item, ctx): RateCardEntry => {
  const parts = splitUnescaped(item, '=');
  const money = /^(\d{1,15})\s+([A-Za-z]{3})$/.exec(parts[1]?.trim() ?? '');
  const role = unescape(parts[0] ?? '').trim();
  const amount = Number(money?.[1]);
  if (
    parts.length !== 2 ||
    money === null ||
    role === '' ||
    role.length > 100 ||
    CONTROL.test(role) ||
    amount > MAX_AMOUNT
  ) {
    ctx.issues.push({
      code: 'custom',
      input: item,
      message: `Expected "Role=AMOUNT CUR" with AMOUNT in minor units, e.g. "Architect=120000 EUR"; got "${item}"`,
    });
    return z.NEVER;
  }
  return { role, dayRate: { amount, currency: (money[2] as string).toUpperCase() } };
});

const OfficeItem = z.string().transform((item, ctx): Office => {
  const parts = splitUnescaped(item, ':').map((p) => unescape(p).trim());
  const [country = '', city = '', address] = parts;
  if (
    parts.length > 3 ||
    !/^[A-Za-z]{2}$/.test(country) ||
    city === '' ||
    city.length > 100 ||
    CONTROL.test(item)
  ) {
    ctx.issues.push({
      code: 'custom',
      input: item,
      message: `Expected "CC:City" or "CC:City:Address", e.g. "DE:Berlin"; got "${item}"`,
    });
    return z.NEVER;
  }
  const office: Office = { country: country.toUpperCase(), city };
  if (address !== undefined && address !== '') office.address = address.slice(0, 300);
  return office;
});

const itemsOf = <T>(item: z.ZodType<T, string>, max: number) =>
  z
    .string()
    .transform(tokens)
    .pipe(z.array(item).max(max, `At most ${max} entries`));

/** The shape of one row; business rules (vocabularies, MCPP) are validateProfile's job. */
export const OrgCsvRowSchema = z.object({
  name: text(PROFILE_LIMITS.nameMax)
    .refine((s) => !/[\r\n]/.test(s), 'One line only')
    .pipe(z.string().min(2, 'At least 2 characters')),
  website: z
    .string()
    .trim()
    .transform((s) => (s === '' ? null : s))
    .pipe(
      z
        .url({
          protocol: /^https?$/,
          hostname: z.regexes.domain,
          error: 'An http(s) URL such as https://www.contoso.com',
        })
        .max(500)
        .nullable(),
    ),
  hqCountry: z.string().trim().min(1, 'Required'),
  countries: codes,
  languages: codes,
  partnerTypes: codes,
  services: codes,
  products: codes,
  industries: codes,
  customerSizes: codes,
  solutionAreas: codes,
  designations: codes,
  specializations: codes,
  skills: list.pipe(z.array(text(PROFILE_LIMITS.skillMax)).max(PROFILE_LIMITS.skillsMax)),
  employeeBand: z
    .string()
    .trim()
    .transform((s) => (s === '' ? null : s)),
  foundedYear: z
    .string()
    .trim()
    .regex(/^(\d{4})?$/, 'A four-digit year such as 2004')
    .transform((s) => (s === '' ? null : Number(s))),
  description: text(PROFILE_LIMITS.descriptionMax),
  teamingOpen: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(
      z.enum(['', 'true', 'false', 'yes', 'no', '1', '0'], {
        error: 'One of true, false, yes, no, 1, 0',
      }),
    )
    .transform((v) => v === 'true' || v === 'yes' || v === '1'),
  teamingSeeks: text(1000),
  availableConsultants: whole(100_000),
  bench: whole(100_000),
  rateCard: itemsOf(RateCardItem, PROFILE_LIMITS.rateCardMax),
  offices: itemsOf(OfficeItem, 250),
});

function codeIssues(cells: Readonly<Record<string, string>>): FieldIssue[] {
  const one = (v: string | undefined) => (v ?? '').trim();
  const issues: FieldIssue[] = [];
  if (one(cells.hqCountry) !== '')
    issues.push(...checkCode('countries', one(cells.hqCountry), 'hqCountry'));
  if (one(cells.employeeBand) !== '')
    issues.push(...checkCode('employeeBands', one(cells.employeeBand), 'employeeBand'));
  for (const f of CODED_LIST_FIELDS)
    issues.push(...checkCodes(f, tokens(cells[f] ?? '').map(unescape), f));
  return issues;
}

const dedupe = (xs: readonly string[]): string[] => [...new Set(xs)];

export type RowResult = { ok: true; profile: OrgProfile } | { ok: false; issues: FieldIssue[] };

/** `rateCard[1]`-style paths, as validateProfile writes them. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, k) =>
      typeof k === 'number' ? `${acc}[${k}]` : acc === '' ? String(k) : `${acc}.${String(k)}`,
    '',
  );
}

/** A CSV record (column -> cell; absent columns are empty) to a profile, or the shape issues. */
export function rowToProfile(record: Readonly<Partial<Record<OrgCsvColumn, string>>>): RowResult {
  const cells = Object.fromEntries(ORG_CSV_COLUMNS.map((c) => [c, unguardCell(record[c] ?? '')]));
  const parsed = OrgCsvRowSchema.safeParse(cells);
  if (!parsed.success) {
    const shape = parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
    // Report unknown codes too, so one pass over the file shows everything wrong with the row.
    const seen = new Set(shape.map((i) => i.path));
    return { ok: false, issues: [...shape, ...codeIssues(cells).filter((i) => !seen.has(i.path))] };
  }
  const r = parsed.data;
  const lists = Object.fromEntries(CODED_LIST_FIELDS.map((f) => [f, dedupe(r[f])])) as Pick<
    OrgProfile,
    (typeof CODED_LIST_FIELDS)[number]
  >;
  // The HQ is always among the countries served (an unknown HQ is reported once, as hqCountry).
  if (!lists.countries.includes(r.hqCountry) && isKnownCode('countries', r.hqCountry)) {
    lists.countries.unshift(r.hqCountry);
  }
  return {
    ok: true,
    profile: {
      name: r.name,
      website: r.website,
      domain: registrableDomain(r.website),
      hqCountry: r.hqCountry,
      ...lists,
      skills: dedupe(r.skills),
      employeeBand: r.employeeBand,
      foundedYear: r.foundedYear,
      description: r.description,
      teaming: { open: r.teamingOpen, seeks: r.teamingSeeks },
      capacity: { availableConsultants: r.availableConsultants, bench: r.bench },
      rateCard: r.rateCard,
      offices: r.offices,
    },
  };
}

const joinList = (xs: readonly string[]): string => xs.map(escape).join(';');

/** One org as a CSV row, every cell guarded against formula injection. */
export function orgToRow(org: OrgProfile | Org): Record<OrgCsvColumn, string> {
  const row = plainRow(org);
  for (const c of ORG_CSV_COLUMNS) row[c] = guardCell(row[c]);
  return row;
}

function plainRow(org: OrgProfile | Org): Record<OrgCsvColumn, string> {
  const lists = Object.fromEntries(CODED_LIST_FIELDS.map((f) => [f, joinList(org[f])]));
  return {
    name: org.name,
    website: org.website ?? '',
    hqCountry: org.hqCountry,
    ...(lists as Record<(typeof CODED_LIST_FIELDS)[number], string>),
    skills: joinList(org.skills),
    employeeBand: org.employeeBand ?? '',
    foundedYear: org.foundedYear === null ? '' : String(org.foundedYear),
    description: org.description,
    teamingOpen: org.teaming.open ? 'true' : 'false',
    teamingSeeks: org.teaming.seeks,
    availableConsultants: String(org.capacity.availableConsultants),
    bench: String(org.capacity.bench),
    rateCard: org.rateCard
      .map((r) => `${escape(r.role)}=${r.dayRate.amount} ${r.dayRate.currency}`)
      .join(';'),
    offices: org.offices
      .map((o) =>
        [o.country, o.city, ...(o.address === undefined ? [] : [o.address])].map(escape).join(':'),
      )
      .join(';'),
  };
}
