// Operator use cases for accounts (the CLI): list, create with a membership, disable.
import { randomUUID } from 'node:crypto';
import { insertMembership, listUserMemberships } from '../db/repos/memberships.repo.ts';
import { findOrg } from '../db/repos/orgs.repo.ts';
import { revokeUserSessions } from '../db/repos/sessions.repo.ts';
import {
  findUserByEmail,
  insertUser,
  listUsers as listUserRows,
  setUserDisabled,
} from '../db/repos/users.repo.ts';
import { checkEmail, normaliseEmail } from '../domain/identity/email.ts';
import type { User, UserMembership } from '../domain/identity/identity.ts';
import { checkPassword } from '../domain/identity/password-policy.ts';
import type { Role } from '../domain/identity/roles.ts';
import { checkUserName } from '../domain/identity/user-name.ts';
import { AppError, notFound, validationError } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import { hashPassword } from './credentials.ts';
import type { ServiceDeps } from './deps.ts';

const CLI = { requestId: null };

export interface UserWithMemberships extends User {
  memberships: UserMembership[];
}

export async function listUsers(deps: ServiceDeps, orgId?: string): Promise<UserWithMemberships[]> {
  const users = await listUserRows(deps.db, orgId);
  const out: UserWithMemberships[] = [];
  for (const u of users) out.push({ ...u, memberships: await listUserMemberships(deps.db, u.id) });
  return out;
}

export interface NewUserInput {
  email: string;
  name: string;
  password: string;
  orgId: string;
  role: Role;
}

export async function createUser(deps: ServiceDeps, input: NewUserInput): Promise<User> {
  const email = normaliseEmail(input.email);
  const issues = [
    ...checkEmail(email),
    ...checkUserName(input.name),
    ...checkPassword(input.password),
  ];
  if (issues.length > 0) throw validationError(issues);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    if ((await findOrg(trx, input.orgId)) === undefined) throw notFound('Organization');
    const at = deps.now().toISOString();
    const user: User = {
      id: randomUUID(),
      email,
      name: input.name.trim(),
      createdAt: at,
      disabledAt: null,
    };
    if (!(await insertUser(trx, { ...user, passwordHash, at }))) {
      throw new AppError('conflict', 'An account with this email already exists', [
        { path: 'email', message: 'Already registered' },
      ]);
    }
    await insertMembership(trx, {
      orgId: input.orgId,
      userId: user.id,
      role: input.role,
      createdAt: at,
    });
    await recordAudit(trx, deps, null, CLI, {
      action: 'user.created',
      targetType: 'user',
      targetId: user.id,
      orgId: input.orgId,
      details: { email, role: input.role, via: 'cli' },
    });
    return user;
  });
}

/** Disables sign-in and ends every session; API tokens stop resolving while the user is disabled. */
export async function disableUser(deps: ServiceDeps, rawEmail: string): Promise<User> {
  const email = normaliseEmail(rawEmail);
  return deps.db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, email);
    if (user === undefined) throw notFound('User');
    if (user.disabledAt !== null) return user;
    const at = deps.now().toISOString();
    await setUserDisabled(trx, user.id, at);
    const sessionsRevoked = await revokeUserSessions(trx, user.id, at);
    await recordAudit(trx, deps, null, CLI, {
      action: 'user.disabled',
      targetType: 'user',
      targetId: user.id,
      orgId: null,
      details: { email, sessionsRevoked, via: 'cli' },
    });
    return { ...user, disabledAt: at };
  });
}
