// Partnerships: dual opt-in between two orgs. One org requests, the addressed org accepts or
// declines; either side ends an active one. Pure rules; the service stores the outcome.
import { AppError } from '../shared/errors.ts';

export const PARTNERSHIP_STATUSES = ['requested', 'active', 'declined', 'ended'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

export interface Partnership {
  id: string;
  requesterOrgId: string;
  addresseeOrgId: string;
  status: PartnershipStatus;
  createdAt: string;
  decidedAt: string | null;
  endedAt: string | null;
  endedByOrgId: string | null;
  version: number;
}

export type PartnershipAction = 'accept' | 'decline' | 'end';

export const isPartyTo = (p: Partnership, orgId: string): boolean =>
  p.requesterOrgId === orgId || p.addresseeOrgId === orgId;

export const otherParty = (p: Partnership, orgId: string): string =>
  p.requesterOrgId === orgId ? p.addresseeOrgId : p.requesterOrgId;

/** Open (requested) or active partnerships block a new request between the same two orgs. */
export const isOpen = (p: Partnership): boolean =>
  p.status === 'requested' || p.status === 'active';

/** The next state of `p` when `byOrgId` takes `action` at `now`, or why it may not. */
export function decidePartnership(
  p: Partnership,
  action: PartnershipAction,
  byOrgId: string,
  now: Date,
): Partnership | AppError {
  const at = now.toISOString();
  switch (action) {
    case 'accept':
    case 'decline': {
      if (p.status !== 'requested') {
        return new AppError(
          'conflict',
          `The partnership is ${p.status}; only a request can be ${action}ed`,
        );
      }
      if (p.addresseeOrgId !== byOrgId) {
        return new AppError('forbidden', `Only the addressed organization can ${action} a request`);
      }
      const status = action === 'accept' ? 'active' : 'declined';
      return { ...p, status, decidedAt: at, version: p.version + 1 };
    }
    case 'end':
      if (p.status !== 'active') {
        return new AppError(
          'conflict',
          `The partnership is ${p.status}; only an active one can be ended`,
        );
      }
      return { ...p, status: 'ended', endedAt: at, endedByOrgId: byOrgId, version: p.version + 1 };
  }
}
