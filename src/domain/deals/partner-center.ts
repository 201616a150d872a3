// Partner Center referral JSON <-> Circles referrals and opportunities, both ways, pure.
// Export shows a referral as one party sees it; import turns a Partner Center referral into the
// opportunity and referral Circles creates for the importing sender. What Circles does not model
// (industries, qualification, address lines, DUNS, ...) is listed by import as ignored.
import { isKnownCode } from '../taxonomy/vocabularies.ts';
import type { FieldIssue } from '../shared/errors.ts';
import { currencyDigits } from './money.ts';
import type { OpportunityCell, OpportunityView } from './opportunity.ts';
import {
  PC_TARGET_TYPE,
  type PcReferral,
  type PcRequirements,
  type PcTeamMember,
} from './partner-center-types.ts';
import { substatusFor, type Side } from './referral-state.ts';
import type { Referral, TeamMember } from './referral.ts';

export const HIDDEN_CUSTOMER_NAME = 'Undisclosed customer';
const NAME_MAX = 250;

/** Minor units -> Partner Center's decimal major units (JPY 0 digits, EUR 2, BHD 3). */
export function toMajorUnits(minor: number, currency: string): number {
  const digits = currencyDigits(currency) ?? 2;
  return minor / 10 ** digits;
}

/** Major units -> minor units; null when the value has more decimals than the currency allows. */
export function toMinorUnits(major: number, currency: string): number | null {
  const digits = currencyDigits(currency);
  if (digits === null || !Number.isFinite(major)) return null;
  const minor = Math.round(major * 10 ** digits);
  // Tolerate binary floating-point noise (0.1 + 0.2), not a genuinely finer amount.
  if (Math.abs(minor / 10 ** digits - major) > 1e-9 * Math.max(1, Math.abs(major))) return null;
  return Number.isSafeInteger(minor) ? minor : null;
}

function team(members: readonly TeamMember[]): PcTeamMember[] {
  return members.map((m) => ({
    firstName: m.firstName,
    lastName: m.lastName,
    email: m.email,
    ...(m.phoneNumber === undefined ? {} : { phoneNumber: m.phoneNumber }),
  }));
}

const codesOfKind = (cells: readonly OpportunityCell[], kinds: readonly string[]): string[] => [
  ...new Set(cells.filter((c) => kinds.includes(c.kind)).map((c) => c.code)),
];

function nameOf(o: OpportunityView): string {
  const line = o.description.split('\n')[0]?.trim() ?? '';
  const name = line !== '' ? line : (o.customerName ?? 'Referral');
  return name.slice(0, NAME_MAX);
}

export interface ExportContext {
  side: Side;
  /** The opportunity as the exporting org sees it (customer null when hidden from it). */
  opportunity: OpportunityView;
  senderName: string;
}

/** The referral as Partner Center JSON, as `ctx.side` sees it. */
export function toPartnerCenter(r: Referral, ctx: ExportContext): PcReferral {
  const o = ctx.opportunity;
  const value = r.value ?? o.value;
  const hidden = o.customerName === null;
  const country = o.cells[0]?.country;
  return {
    id: r.id,
    engagementId: r.engagementId,
    name: nameOf(o),
    externalReferenceId: r.opportunityId,
    createdDateTime: r.createdAt,
    updatedDateTime: r.updatedAt,
    expirationDateTime: r.expiresAt,
    acceptedDateTime: r.acceptedAt,
    status: r.status,
    substatus: substatusFor(r, ctx.side),
    statusReason: r.statusReason,
    type: 'Independent',
    qualification: 'None',
    customerProfile: {
      name: hidden ? HIDDEN_CUSTOMER_NAME : (o.customerName ?? ''),
      ...(country === undefined ? {} : { address: { country } }),
      team: [],
      // Circles knows a customer by its registrable domain (that is what attribution keys on).
      ids: hidden || o.customerDomain === null ? {} : { external: o.customerDomain },
    },
    consent: { consentToToShareInfoWithOthers: !o.hideCustomer, consentToContact: !o.hideCustomer },
    details: {
      notes: r.notes,
      dealValue: toMajorUnits(value.amount, value.currency),
      currency: value.currency,
      closingDateTime: `${r.estimatedCloseDate}T00:00:00Z`,
      requirements: {
        industries: [],
        products: codesOfKind(o.cells, ['product']),
        services: codesOfKind(o.cells, ['service']),
        solutions: codesOfKind(o.cells, ['solutionArea', 'specialization']),
      },
    },
    team: team(r.team),
    inviteContext: {
      notes: r.notes,
      invitedBy: { organizationId: r.fromOrgId, organizationName: ctx.senderName },
    },
    target: [{ type: PC_TARGET_TYPE, id: r.toOrgId }],
    eTag: `"${r.version}"`,
  };
}

export interface ImportOptions {
  /** The partner to refer to; else `target[]`'s Organization entry. */
  toOrgId?: string | undefined;
  /** The customer's domain; else `customerProfile.ids.external`, else a customer contact's e-mail. */
  customerDomain?: string | undefined;
}

export interface ImportedReferral {
  engagementId: string | undefined;
  opportunity: {
    description: string;
    cells: OpportunityCell[];
    customerName: string;
    customerDomain: string;
    hideCustomer: boolean;
    value: { amount: number; currency: string };
    expectedCloseDate: string;
  };
  referral: {
    toOrgId: string;
    estimatedCloseDate: string;
    notes: string;
    team: TeamMember[];
    inviteeValue: { amount: number; currency: string };
  };
  /** Paths of given fields Circles does not keep. */
  ignored: string[];
  /** Where a Circles input path (`cells[2].code`, `customerDomain`) came from in the body. */
  sourceOf: (circlesPath: string) => string;
}

export type ImportResult =
  { ok: true; value: ImportedReferral } | { ok: false; issues: FieldIssue[] };

const B = 'referral'; // the Partner Center JSON sits under `referral` in the import body

interface CellSource {
  cell: OpportunityCell;
  path: string;
}

function cellsOf(pc: PcReferral, ignored: string[], issues: FieldIssue[]): CellSource[] {
  const req: PcRequirements = pc.details.requirements ?? {};
  const country = pc.customerProfile.address?.country;
  const out: CellSource[] = [];
  let countryMissing = false;
  const add = (kind: OpportunityCell['kind'], code: string, path: string) => {
    if (country === undefined) countryMissing = true;
    else out.push({ cell: { kind, code, country }, path });
  };
  (req.products ?? []).forEach((c, i) =>
    add('product', c, `${B}.details.requirements.products[${i}]`),
  );
  (req.services ?? []).forEach((c, i) =>
    add('service', c, `${B}.details.requirements.services[${i}]`),
  );
  (req.solutions ?? []).forEach((c, i) => {
    const path = `${B}.details.requirements.solutions[${i}]`;
    if (isKnownCode('solutionAreas', c)) add('solutionArea', c, path);
    else if (isKnownCode('specializations', c)) add('specialization', c, path);
    else ignored.push(path);
  });
  (req.industries ?? []).forEach((_, i) =>
    ignored.push(`${B}.details.requirements.industries[${i}]`),
  );
  if (countryMissing) {
    issues.push({
      path: `${B}.customerProfile.address.country`,
      message: 'Needed to place the requirements (products, services, solutions) in a country',
    });
  }
  return out;
}

function domainSource(pc: PcReferral, opts: ImportOptions): { value: string; path: string } | null {
  if (opts.customerDomain !== undefined)
    return { value: opts.customerDomain, path: 'customerDomain' };
  const external = pc.customerProfile.ids?.external;
  if (external !== undefined && external.trim() !== '') {
    return { value: external, path: `${B}.customerProfile.ids.external` };
  }
  const i = (pc.customerProfile.team ?? []).findIndex((m) => m.email.includes('@'));
  const m = pc.customerProfile.team?.[i];
  return m === undefined ? null : { value: m.email, path: `${B}.customerProfile.team[${i}].email` };
}

/** Business fields given but not kept (platform fields - id, dates, eTag - are always new). */
function ignoredFields(pc: PcReferral): string[] {
  const out: string[] = [];
  if (pc.externalReferenceId !== undefined) out.push(`${B}.externalReferenceId`);
  if (pc.qualification !== 'None') out.push(`${B}.qualification`);
  if (pc.consent.consentToContact !== pc.consent.consentToToShareInfoWithOthers) {
    out.push(`${B}.consent.consentToContact`); // one switch in Circles: hide the customer or not
  }
  if ((pc.customerProfile.team ?? []).length > 0) out.push(`${B}.customerProfile.team`);
  if (pc.customerProfile.size !== undefined) out.push(`${B}.customerProfile.size`);
  if (pc.customerProfile.ids?.duns !== undefined) out.push(`${B}.customerProfile.ids.duns`);
  const addr = pc.customerProfile.address ?? { country: '' };
  for (const k of [
    'addressLine1',
    'addressLine2',
    'city',
    'state',
    'postalCode',
    'region',
  ] as const) {
    if (addr[k] !== undefined) out.push(`${B}.customerProfile.address.${k}`);
  }
  return out;
}

/** The opportunity and referral to create for a Partner Center referral, or issues with paths. */
export function fromPartnerCenter(pc: PcReferral, opts: ImportOptions = {}): ImportResult {
  const issues: FieldIssue[] = [];
  const ignored = ignoredFields(pc);
  if (pc.status !== 'New') {
    issues.push({
      path: `${B}.status`,
      message:
        'Only open referrals (status New) can be imported; Circles then runs its state machine',
    });
  }
  const cells = cellsOf(pc, ignored, issues);
  const toOrgId =
    opts.toOrgId ?? pc.target?.find((t) => t.type === PC_TARGET_TYPE)?.id ?? undefined;
  if (toOrgId === undefined) {
    issues.push({
      path: 'toOrgId',
      message: `Name the partner: toOrgId, or a target[] entry of type ${PC_TARGET_TYPE}`,
    });
  }
  const domain = domainSource(pc, opts);
  if (domain === null) {
    issues.push({
      path: 'customerDomain',
      message: 'Give customerDomain, customerProfile.ids.external or a customer contact e-mail',
    });
  }
  const amount = toMinorUnits(pc.details.dealValue, pc.details.currency);
  if (amount === null) {
    issues.push({
      path: `${B}.details.dealValue`,
      message: `Not an amount of ${pc.details.currency} (too many decimals, or an unknown currency)`,
    });
  }
  const close = /^(\d{4}-\d{2}-\d{2})(T|$)/.exec(pc.details.closingDateTime)?.[1];
  if (close === undefined) {
    issues.push({ path: `${B}.details.closingDateTime`, message: 'Must be an ISO 8601 date-time' });
  }
  if (
    issues.length > 0 ||
    toOrgId === undefined ||
    domain === null ||
    amount === null ||
    close === undefined
  ) {
    return { ok: false, issues };
  }
  const value = { amount, currency: pc.details.currency };
  const notes = pc.details.notes ?? pc.inviteContext?.notes ?? '';
  const paths = new Map<string, string>([
    ['description', `${B}.name`],
    ['customerName', `${B}.customerProfile.name`],
    ['customerDomain', domain.path],
    ['value.amount', `${B}.details.dealValue`],
    ['value.currency', `${B}.details.currency`],
    ['inviteeValue.amount', `${B}.details.dealValue`],
    ['inviteeValue.currency', `${B}.details.currency`],
    ['expectedCloseDate', `${B}.details.closingDateTime`],
    ['estimatedCloseDate', `${B}.details.closingDateTime`],
    ['notes', `${B}.details.notes`],
    ['toOrgId', opts.toOrgId === undefined ? `${B}.target` : 'toOrgId'],
  ]);
  cells.forEach((c, i) => paths.set(`cells[${i}]`, c.path));
  return {
    ok: true,
    value: {
      engagementId: pc.engagementId,
      opportunity: {
        description: pc.name,
        cells: cells.map((c) => c.cell),
        customerName: pc.customerProfile.name,
        customerDomain: domain.value,
        hideCustomer: !pc.consent.consentToToShareInfoWithOthers,
        value,
        expectedCloseDate: close,
      },
      referral: {
        toOrgId,
        estimatedCloseDate: close,
        notes,
        team: pc.team ?? [],
        inviteeValue: value,
      },
      ignored,
      sourceOf: (p) => sourceOf(paths, p),
    },
  };
}

/** `cells[2].code` -> `referral.details.requirements.products[2]`; unknown paths stay as they are. */
function sourceOf(paths: ReadonlyMap<string, string>, p: string): string {
  const exact = paths.get(p);
  if (exact !== undefined) return exact;
  const cell = /^(cells\[\d+\])/.exec(p)?.[1];
  return cell === undefined ? p : (paths.get(cell) ?? p);
}
