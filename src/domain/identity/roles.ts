// Who may do what to memberships. Pure: callers pass the facts, get back an AppError or null.
import { AppError } from '../shared/errors.ts';

export type Role = 'owner' | 'admin' | 'member';

export const ROLES: readonly Role[] = ['owner', 'admin', 'member'];

export const canManageMembers = (role: Role): boolean => role === 'owner' || role === 'admin';

/** Inviting someone with `role`: admins invite admins and members; only owners make owners. */
export function checkInvite(actorRole: Role, role: Role): AppError | null {
  if (!canManageMembers(actorRole))
    return new AppError('forbidden', 'Only admins and owners can invite');
  if (role === 'owner' && actorRole !== 'owner') {
    return new AppError('forbidden', 'Only owners can grant the owner role');
  }
  return null;
}

export interface RoleChange {
  actorRole: Role;
  /** The target's current role. */
  from: Role;
  to: Role;
  /** Owners in the org right now, the target included. */
  owners: number;
}

export function checkRoleChange(c: RoleChange): AppError | null {
  if (!canManageMembers(c.actorRole))
    return new AppError('forbidden', 'Only admins and owners can change roles');
  if ((c.to === 'owner' || c.from === 'owner') && c.actorRole !== 'owner') {
    return new AppError('forbidden', 'Only owners can grant or change the owner role');
  }
  if (c.from === 'owner' && c.to !== 'owner' && c.owners <= 1) return lastOwner();
  return null;
}

export interface Removal {
  actorRole: Role;
  /** Removing oneself (leaving) needs no admin rights. */
  self: boolean;
  targetRole: Role;
  owners: number;
}

export function checkRemoval(r: Removal): AppError | null {
  if (!r.self && !canManageMembers(r.actorRole)) {
    return new AppError('forbidden', 'Only admins and owners can remove members');
  }
  if (!r.self && r.targetRole === 'owner' && r.actorRole !== 'owner') {
    return new AppError('forbidden', 'Only owners can remove an owner');
  }
  if (r.targetRole === 'owner' && r.owners <= 1) return lastOwner();
  return null;
}

function lastOwner(): AppError {
  return new AppError(
    'conflict',
    'An organization must keep at least one owner; make someone else owner first',
    [{ path: 'role', message: 'Last owner' }],
  );
}
