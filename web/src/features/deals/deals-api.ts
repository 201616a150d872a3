// The deal-flow API calls (partnerships, agreements, opportunities, referrals), typed by the shared
// zod contracts. Every response is parsed; errors arrive as ApiError with the server's field paths.
import type { z } from 'zod';
import {
  AgreementListSchema,
  AgreementSchema,
  AgreementTemplateListSchema,
  type ARRANGEMENT_TYPE_VALUES,
  type TermsPatchSchema,
} from '@contract/agreements.contract.ts';
import {
  OpportunityListSchema,
  OpportunitySchema,
  type OpportunityCreateSchema,
} from '@contract/opportunities.contract.ts';
import { PartnershipListSchema, PartnershipSchema } from '@contract/partnerships.contract.ts';
import {
  ReferralEventsSchema,
  ReferralListSchema,
  ReferralSchema,
  type ReferralCreateSchema,
  type ReferralPatchSchema,
} from '@contract/referrals.contract.ts';
import { InboxSchema } from '@contract/inbox.contract.ts';
import { call } from '../../lib/api-client.ts';
import type { Versioned } from '../../lib/api.ts';

const seg = encodeURIComponent;

export type Partnership = z.output<typeof PartnershipSchema>;
export type Agreement = z.output<typeof AgreementSchema>;
export type AgreementVersion = Agreement['versions'][number];
export type Terms = AgreementVersion['terms'];
export type TermsPatch = z.input<typeof TermsPatchSchema>;
export type ArrangementType = (typeof ARRANGEMENT_TYPE_VALUES)[number];
export type AgreementTemplate = z.output<typeof AgreementTemplateListSchema>['templates'][number];
export type Opportunity = z.output<typeof OpportunitySchema>;
export type OpportunityBody = z.input<typeof OpportunityCreateSchema>;
export type Referral = z.output<typeof ReferralSchema>;
export type ReferralBody = z.input<typeof ReferralCreateSchema>;
export type ReferralPatch = z.input<typeof ReferralPatchSchema>;
export type ReferralEvents = z.output<typeof ReferralEventsSchema>;

// ---- Partnerships ----
export const listPartnerships = async (status?: Partnership['status']) => {
  const query = new URLSearchParams(status === undefined ? {} : { status });
  return (await call('GET', '/partnerships', PartnershipListSchema, { query })).data.partnerships;
};

export const requestPartnership = async (orgId: string) =>
  (await call('POST', '/partnerships', PartnershipSchema, { body: { orgId } })).data;

export const actOnPartnership = async (id: string, action: 'accept' | 'decline' | 'end') =>
  (await call('POST', `/partnerships/${seg(id)}/${action}`, PartnershipSchema)).data;

// ---- Agreements ----
export const listAgreements = async (partnershipId?: string) => {
  const query = new URLSearchParams(partnershipId === undefined ? {} : { partnershipId });
  return (await call('GET', '/agreements', AgreementListSchema, { query })).data.agreements;
};

/** Each type's starting terms as the server proposes them (dated today, default currency). */
export const listAgreementTemplates = async () =>
  (await call('GET', '/agreements/templates', AgreementTemplateListSchema)).data.templates;

export const getAgreement = async (id: string) =>
  (await call('GET', `/agreements/${seg(id)}`, AgreementSchema)).data;

export const createAgreement = async (body: {
  partnershipId: string;
  type: ArrangementType;
  terms: TermsPatch;
}) => (await call('POST', '/agreements', AgreementSchema, { body })).data;

export const proposeVersion = async (id: string, terms: TermsPatch) =>
  (await call('POST', `/agreements/${seg(id)}/versions`, AgreementSchema, { body: { terms } }))
    .data;

export const acceptVersion = async (id: string, n: number) =>
  (await call('POST', `/agreements/${seg(id)}/versions/${n}/accept`, AgreementSchema)).data;

/** The proposer withdraws its open proposal; the other party declines it. */
export const closeVersion = async (id: string, n: number, action: 'withdraw' | 'decline') =>
  (await call('POST', `/agreements/${seg(id)}/versions/${n}/${action}`, AgreementSchema)).data;

// ---- Opportunities ----
export const listOpportunities = async () =>
  (await call('GET', '/opportunities', OpportunityListSchema)).data.opportunities;

export const getOpportunity = async (id: string) =>
  (await call('GET', `/opportunities/${seg(id)}`, OpportunitySchema)).data;

export const createOpportunity = async (body: OpportunityBody) =>
  (await call('POST', '/opportunities', OpportunitySchema, { body })).data;

// ---- Referrals ----
export const listReferrals = async (direction?: 'incoming' | 'outgoing') => {
  const query = new URLSearchParams(direction === undefined ? {} : { direction });
  return (await call('GET', '/referrals', ReferralListSchema, { query })).data.referrals;
};

const versioned = (r: { data: Referral; headers: Headers }): Versioned<Referral> => ({
  data: r.data,
  etag: r.headers.get('etag') ?? `"${r.data.version}"`,
});

export const createReferral = async (body: ReferralBody) =>
  (await call('POST', '/referrals', ReferralSchema, { body })).data;

export const getReferral = async (id: string) =>
  versioned(await call('GET', `/referrals/${seg(id)}`, ReferralSchema));

export const patchReferral = async (id: string, body: ReferralPatch, etag: string) =>
  versioned(
    await call('PATCH', `/referrals/${seg(id)}`, ReferralSchema, {
      body,
      headers: { 'if-match': etag },
    }),
  );

/** The inbox page: what needs action first, with counts for the whole inbox. */
export const getInbox = async (
  opts: { direction?: 'incoming' | 'outgoing'; limit?: number; cursor?: string } = {},
) => {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(opts)) if (v !== undefined) query.set(k, String(v));
  return (await call('GET', '/inbox', InboxSchema, { query })).data;
};

export const referralEvents = async (id: string) =>
  (await call('GET', `/referrals/${seg(id)}/events`, ReferralEventsSchema)).data;

export const getPartnership = async (id: string) =>
  (await call('GET', `/partnerships/${seg(id)}`, PartnershipSchema)).data;
