// Circles of trust: named groups of orgs. One org creates a circle and owns it; others join by
// invitation and their own acceptance (dual opt-in). The owner invites and removes; a member
// leaves at will; the owner cannot leave its own circle. Pure rules; the service stores outcomes.
import { AppError, type FieldIssue } from '../shared/errors.ts';

export type CircleRole = 'owner' | 'member';
export type CircleInvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked';
export type InvitationAction = 'accept' | 'decline' | 'revoke';

export interface Circle {
  id: string;
  name: string;
  description: string;
  ownerOrgId: string;
  createdAt: string;
}

export interface CircleMember {
  orgId: string;
  role: CircleRole;
  joinedAt: string;
}

export interface CircleInvitation {
  id: string;
  circleId: string;
  orgId: string;
  invitedByOrgId: string;
  status: CircleInvitationStatus;
  createdAt: string;
  decidedAt: string | null;
  version: number;
}

/** Circle id -> the org ids that are members now: what circle visibility is decided on. */
export type CircleRoster = ReadonlyMap<string, ReadonlySet<string>>;

export const NO_CIRCLES: CircleRoster = new Map();

export function checkCircleInput(input: {
  name: string;
  description?: string | undefined;
}): FieldIssue[] {
  return input.name.trim() === '' ? [{ path: 'name', message: 'Required' }] : [];
}

const isMember = (members: readonly CircleMember[], orgId: string) =>
  members.some((m) => m.orgId === orgId);

/** Whether the owner (`byOrgId`) may invite `orgId` now; the error names why not. */
export function checkInvite(
  circle: Circle,
  members: readonly CircleMember[],
  pending: readonly CircleInvitation[],
  byOrgId: string,
  orgId: string,
): AppError | null {
  if (circle.ownerOrgId !== byOrgId) {
    return new AppError('forbidden', 'Only the organization that owns the circle invites');
  }
  if (isMember(members, orgId)) {
    return new AppError('conflict', 'That organization is already a member of the circle', [
      { path: 'orgId', message: 'Already a member' },
    ]);
  }
  const open = pending.find((i) => i.orgId === orgId && i.status === 'pending');
  if (open !== undefined) {
    return new AppError('conflict', 'That organization already has a pending invitation', [
      { path: 'orgId', message: `Pending invitation ${open.id}` },
    ]);
  }
  return null;
}

/**
 * The next state of invitation `inv` when `byOrgId` takes `action`: the invited org accepts or
 * declines, the circle's owner revokes; only a pending invitation can change.
 */
export function decideInvitation(
  circle: Circle,
  inv: CircleInvitation,
  action: InvitationAction,
  byOrgId: string,
  now: Date,
): CircleInvitation | AppError {
  const allowed = action === 'revoke' ? circle.ownerOrgId : inv.orgId;
  if (allowed !== byOrgId) {
    return new AppError(
      'forbidden',
      action === 'revoke'
        ? 'Only the organization that owns the circle revokes an invitation'
        : `Only the invited organization can ${action} an invitation`,
    );
  }
  if (inv.status !== 'pending') {
    return new AppError(
      'conflict',
      `The invitation is ${inv.status}; only a pending invitation can be ${action === 'revoke' ? 'revoked' : `${action}d`}`,
    );
  }
  const status: CircleInvitationStatus =
    action === 'accept' ? 'accepted' : action === 'decline' ? 'declined' : 'revoked';
  return { ...inv, status, decidedAt: now.toISOString(), version: inv.version + 1 };
}

/** Why `orgId` may not leave (or, by the owner, be removed from) the circle, or null. */
export function checkDeparture(
  circle: Circle,
  members: readonly CircleMember[],
  byOrgId: string,
  orgId: string,
): AppError | null {
  if (byOrgId !== orgId && circle.ownerOrgId !== byOrgId) {
    return new AppError('forbidden', 'Only the organization that owns the circle removes members');
  }
  if (orgId === circle.ownerOrgId) {
    return new AppError(
      'conflict',
      byOrgId === orgId
        ? 'The owner cannot leave its own circle'
        : 'The owner cannot be removed from its circle',
    );
  }
  if (!isMember(members, orgId)) {
    return new AppError('not_found', 'Circle member not found');
  }
  return null;
}

/** Whether `orgId` and `ownerOrgId` are both members of `circleId` now. */
export function sharesCircle(
  roster: CircleRoster,
  circleId: string | null,
  orgId: string,
  ownerOrgId: string,
): boolean {
  if (circleId === null) return false;
  const members = roster.get(circleId);
  return members !== undefined && members.has(orgId) && members.has(ownerOrgId);
}
