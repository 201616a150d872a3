// Who introduced a customer to a partner first. The first introduction of a customer's domain to
// a partner is stamped; a different partner later introducing the same domain to the same partner
// gets a conflict naming the earlier stamp, shown to both. Stamps are never rewritten: the
// conflict is information for the parties (and a dispute), not a refusal of the referral.
import type { FieldIssue } from '../shared/errors.ts';
import { registrableDomain } from '../profile/registrable-domain.ts';

export interface AttributionStamp {
  /** Registrable domain (eTLD+1), lower case: sales.contoso.co.uk and contoso.co.uk are one customer. */
  customerDomain: string;
  /** The partner the customer was introduced to (the referral's receiver). */
  partnerOrgId: string;
  introducedByOrgId: string;
  referralId: string;
  /** The platform's clock at registration; never a date the client supplies. */
  at: string;
}

export interface Registration {
  /** A domain, URL or e-mail address of the customer. */
  customer: string;
  partnerOrgId: string;
  introducedByOrgId: string;
  referralId: string;
  at: Date;
}

export interface AttributionConflict {
  customerDomain: string;
  partnerOrgId: string;
  earlier: AttributionStamp;
  claimant: AttributionStamp;
}

export type AttributionOutcome =
  | { kind: 'stamped'; stamp: AttributionStamp }
  /** The same partner introducing the same customer again: its first stamp stands. */
  | { kind: 'repeat'; earlier: AttributionStamp }
  | { kind: 'conflict'; conflict: AttributionConflict }
  | { kind: 'invalid'; issue: FieldIssue };

/** The registrable domain of a domain, URL or e-mail address; null when there is none. */
export function customerDomainOf(customer: string): string | null {
  const host =
    customer.includes('@') && !customer.includes('/')
      ? customer.slice(customer.lastIndexOf('@') + 1)
      : customer;
  return registrableDomain(host.trim().toLowerCase());
}

function earliest(
  stamps: readonly AttributionStamp[],
  domain: string,
  partnerOrgId: string,
): AttributionStamp | null {
  let first: AttributionStamp | null = null;
  for (const s of stamps) {
    if (s.customerDomain !== domain || s.partnerOrgId !== partnerOrgId) continue;
    if (first === null || s.at < first.at) first = s;
  }
  return first;
}

/** Decides a new registration against the stamps so far; pure, the caller stores the outcome. */
export function attributeIntroduction(
  stamps: readonly AttributionStamp[],
  reg: Registration,
): AttributionOutcome {
  const customerDomain = customerDomainOf(reg.customer);
  if (customerDomain === null) {
    return {
      kind: 'invalid',
      issue: { path: 'customerDomain', message: `No registrable domain in "${reg.customer}"` },
    };
  }
  const stamp: AttributionStamp = {
    customerDomain,
    partnerOrgId: reg.partnerOrgId,
    introducedByOrgId: reg.introducedByOrgId,
    referralId: reg.referralId,
    at: reg.at.toISOString(),
  };
  const earlier = earliest(stamps, customerDomain, reg.partnerOrgId);
  if (earlier === null) return { kind: 'stamped', stamp };
  if (earlier.introducedByOrgId === reg.introducedByOrgId) return { kind: 'repeat', earlier };
  return {
    kind: 'conflict',
    conflict: { customerDomain, partnerOrgId: reg.partnerOrgId, earlier, claimant: stamp },
  };
}
