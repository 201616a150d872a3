// A partnership as one side sees it: who the partner is, and what this side may do now.
import type { Partnership } from '../deals-api.ts';

export type PartnershipView =
  | 'incoming' // the other side asked; we accept or decline
  | 'outgoing' // we asked; waiting for them
  | 'active'
  | 'closed'; // declined or ended

export const partnerOf = (p: Partnership, myOrgId: string): string =>
  p.requesterOrgId === myOrgId ? p.addresseeOrgId : p.requesterOrgId;

export function viewOf(p: Partnership, myOrgId: string): PartnershipView {
  if (p.status === 'active') return 'active';
  if (p.status === 'requested') return p.addresseeOrgId === myOrgId ? 'incoming' : 'outgoing';
  return 'closed';
}
