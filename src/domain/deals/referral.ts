// A referral as stored: the state machine's state plus who, what and under which agreement.
// One record is shared by both parties; each side's view differs only in the substatus shown.
import type { ArrangementType } from './agreement.ts';
import type { AttributionStamp } from './attribution.ts';
import type { ReferralState, Side } from './referral-state.ts';

export const PARTNER_ROLES = [
  'presales-envisioning',
  'solution-design',
  'proof-of-concept',
  'business-strategy',
  'deployment',
  'adoption-and-change-management',
  'transaction',
  'managed-services',
] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export interface TeamMember {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber?: string | undefined;
}

/** The attribution outcome recorded when the referral was made. */
export type ReferralAttribution =
  | { kind: 'stamped'; stamp: AttributionStamp }
  | { kind: 'repeat'; earlier: AttributionStamp }
  | { kind: 'conflict'; earlier: AttributionStamp; claimant: AttributionStamp };

export interface Referral extends ReferralState {
  id: string;
  engagementId: string;
  opportunityId: string;
  fromOrgId: string;
  toOrgId: string;
  agreementId: string | null;
  agreementVersion: number | null;
  arrangementType: ArrangementType;
  partnerRole: PartnerRole | null;
  notes: string;
  team: readonly TeamMember[];
  estimatedCloseDate: string;
  customerDomain: string;
  attribution: ReferralAttribution;
  updatedAt: string;
  version: number;
}

/** The side `orgId` is on, or null for a non-party. */
export function sideOf(r: Pick<Referral, 'fromOrgId' | 'toOrgId'>, orgId: string): Side | null {
  if (r.fromOrgId === orgId) return 'sender';
  if (r.toOrgId === orgId) return 'receiver';
  return null;
}

const URGENCY = { New: 0, Active: 1, Closed: 2 } as const;

/**
 * Inbox order, what needs action first: open New referrals by expiry (soonest first), then
 * Active ones by last change (newest first), then Closed ones (most recently closed first).
 */
export function byUrgency(a: Referral, b: Referral): number {
  const u = URGENCY[a.status] - URGENCY[b.status];
  if (u !== 0) return u;
  if (a.status === 'New') return a.expiresAt.localeCompare(b.expiresAt) || a.id.localeCompare(b.id);
  const at = (r: Referral) => (r.status === 'Closed' ? (r.closedAt ?? '') : r.updatedAt);
  return at(b).localeCompare(at(a)) || a.id.localeCompare(b.id);
}
