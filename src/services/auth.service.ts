// Sign-up, sign-in and the demo account. Passwords are checked outside transactions (argon2 is
// deliberately slow and must not hold the write lock); each change commits with its audit entries.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  findMembership,
  insertMembership,
  listUserMemberships,
} from '../db/repos/memberships.repo.ts';
import { findOrg, insertOrg } from '../db/repos/orgs.repo.ts';
import { findUserByEmail, findUserCredentials, insertUser } from '../db/repos/users.repo.ts';
import type { Database } from '../db/schema.ts';
import { toIndexedOrg } from '../domain/directory/to-indexed-org.ts';
import { checkEmail, normaliseEmail } from '../domain/identity/email.ts';
import type { User } from '../domain/identity/identity.ts';
import { checkPassword } from '../domain/identity/password-policy.ts';
import { checkUserName } from '../domain/identity/user-name.ts';
import type { Org } from '../domain/profile/profile.ts';
import { emptyProfile, PROFILE_LIMITS } from '../domain/profile/profile.ts';
import { registrableDomain } from '../domain/profile/registrable-domain.ts';
import { AppError, notFound, validationError, type FieldIssue } from '../domain/shared/errors.ts';
import { checkCode } from '../domain/taxonomy/check-codes.ts';
import { recordAudit } from './audit-trail.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './credentials.ts';
import type { RequestMeta, ServiceDeps } from './deps.ts';
import { announceOrgChanges } from './index-sync.service.ts';
import { acceptInvitationIn } from './invitations.service.ts';
import {
  issueSession,
  type IssuedSession,
  type OrgRole,
  type SessionPolicy,
} from './sessions.service.ts';

export interface NewOrgInput {
  name: string;
  website: string | null;
  hqCountry: string;
}

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  /** Exactly one of these: found a new org, or join the one that invited you. */
  organization?: NewOrgInput;
  invitationToken?: string;
}

export interface SignedIn extends IssuedSession {
  user: User;
  organization: OrgRole;
}

function signupIssues(input: SignupInput, email: string): FieldIssue[] {
  const issues = [
    ...checkEmail(email),
    ...checkPassword(input.password),
    ...checkUserName(input.name),
  ];
  const org = input.organization;
  if ((org === undefined) === (input.invitationToken === undefined)) {
    issues.push({ path: 'organization', message: 'Give either organization or invitationToken' });
  }
  if (org !== undefined) {
    if (org.name.trim() === '' || org.name.length > PROFILE_LIMITS.nameMax) {
      issues.push({ path: 'organization.name', message: `1-${PROFILE_LIMITS.nameMax} characters` });
    }
    issues.push(...checkCode('countries', org.hqCountry, 'organization.hqCountry'));
  }
  return issues;
}

const emailTaken = (): AppError =>
  new AppError('conflict', 'An account with this email already exists', [
    { path: 'email', message: 'Already registered' },
  ]);

/** A new org with the signing-up user as its owner, inside the sign-up transaction. */
async function foundOrg(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  user: User,
  o: NewOrgInput,
  meta: RequestMeta,
): Promise<{ org: Org; organization: OrgRole }> {
  const at = user.createdAt;
  const website = o.website === null || o.website.trim() === '' ? null : o.website.trim();
  const profile = {
    ...emptyProfile(o.name.trim(), o.hqCountry, website),
    domain: registrableDomain(website),
  };
  const org = await insertOrg(trx, { id: randomUUID(), profile, at });
  await announceOrgChanges(trx, deps, [{ id: org.id, version: org.version }]);
  await insertMembership(trx, { orgId: org.id, userId: user.id, role: 'owner', createdAt: at });
  await recordAudit(trx, deps, { userId: user.id, orgId: org.id, tokenId: null }, meta, {
    action: 'org.created',
    targetType: 'org',
    targetId: org.id,
    details: { name: org.name },
  });
  return { org, organization: { id: org.id, name: org.name, role: 'owner' } };
}

export async function signup(
  deps: ServiceDeps,
  input: SignupInput,
  policy: SessionPolicy,
  meta: RequestMeta,
): Promise<SignedIn> {
  const email = normaliseEmail(input.email);
  const issues = signupIssues(input, email);
  if (issues.length > 0) throw validationError(issues);
  const passwordHash = await hashPassword(input.password);
  const { result, org } = await deps.db.transaction().execute(async (trx) => {
    const at = deps.now().toISOString();
    const user: User = {
      id: randomUUID(),
      email,
      name: input.name.trim(),
      createdAt: at,
      disabledAt: null,
    };
    if (!(await insertUser(trx, { ...user, passwordHash, at }))) throw emailTaken();
    let organization: OrgRole;
    let created: Org | null = null;
    if (input.invitationToken !== undefined) {
      organization = await acceptInvitationIn(trx, deps, user, input.invitationToken, meta);
    } else if (input.organization !== undefined) {
      ({ org: created, organization } = await foundOrg(trx, deps, user, input.organization, meta));
    } else {
      throw validationError([{ path: 'organization', message: 'Required' }]); // checked above
    }
    const session = await issueSession(trx, deps, user.id, organization.id, policy);
    await recordAudit(trx, deps, { userId: user.id, orgId: organization.id, tokenId: null }, meta, {
      action: 'auth.signup',
      targetType: 'user',
      targetId: user.id,
      details: { email, role: organization.role, sessionId: session.sessionId },
    });
    return { result: { ...session, user, organization }, org: created };
  });
  if (org !== null) deps.directory.upsert(toIndexedOrg(org));
  return result;
}

export interface LoginInput {
  email: string;
  password: string;
  /** Sign in to this org rather than the oldest membership. */
  orgId?: string | undefined;
  /** Join an org on the way in (an existing account that was invited elsewhere). */
  invitationToken?: string | undefined;
}

const BAD_CREDENTIALS = 'Email or password is incorrect';

async function recordFailedLogin(
  deps: ServiceDeps,
  email: string,
  reason: string,
  userId: string | null,
  meta: RequestMeta,
) {
  await deps.db.transaction().execute((trx) =>
    recordAudit(trx, deps, null, meta, {
      action: 'auth.login_failed',
      targetType: 'user',
      targetId: userId,
      orgId: null,
      details: { email, reason },
    }),
  );
}

/** Verifies the password; every failure looks the same to the caller and is audited on the system chain. */
async function authenticate(
  deps: ServiceDeps,
  email: string,
  password: string,
  meta: RequestMeta,
): Promise<User> {
  const found = email.length > 254 ? undefined : await findUserCredentials(deps.db, email);
  if (found === undefined) await verifyAgainstDummy(password);
  const ok = found !== undefined && (await verifyPassword(found.passwordHash, password));
  if (found === undefined || !ok || found.user.disabledAt !== null) {
    const reason = found === undefined ? 'unknown_email' : ok ? 'disabled' : 'wrong_password';
    await recordFailedLogin(deps, email, reason, found?.user.id ?? null, meta);
    throw new AppError('unauthenticated', BAD_CREDENTIALS);
  }
  return found.user;
}

export async function login(
  deps: ServiceDeps,
  input: LoginInput,
  policy: SessionPolicy,
  meta: RequestMeta,
): Promise<SignedIn> {
  const email = normaliseEmail(input.email);
  const user = await authenticate(deps, email, input.password, meta);
  return deps.db.transaction().execute(async (trx) => {
    let organization: OrgRole | undefined;
    if (input.invitationToken !== undefined) {
      organization = await acceptInvitationIn(trx, deps, user, input.invitationToken, meta);
    } else {
      const memberships = await listUserMemberships(trx, user.id);
      const m =
        input.orgId === undefined
          ? memberships[0]
          : memberships.find((x) => x.orgId === input.orgId);
      if (m !== undefined) organization = { id: m.orgId, name: m.orgName, role: m.role };
      else if (input.orgId !== undefined) throw notFound('Organization');
    }
    if (organization === undefined) {
      throw new AppError(
        'forbidden',
        'This account belongs to no organization any more; sign in with an invitation token',
      );
    }
    const session = await issueSession(trx, deps, user.id, organization.id, policy);
    await recordAudit(trx, deps, { userId: user.id, orgId: organization.id, tokenId: null }, meta, {
      action: 'auth.login',
      targetType: 'session',
      targetId: session.sessionId,
    });
    return { ...session, user, organization };
  });
}

export interface DemoUser {
  email: string;
  password: string;
  orgId: string;
  name?: string;
}

/** Creates the demo user and their owner membership of an existing org, if absent. Idempotent. */
export async function ensureDemoUser(deps: ServiceDeps, demo: DemoUser): Promise<void> {
  const email = normaliseEmail(demo.email);
  const issues = [...checkEmail(email), ...checkPassword(demo.password)];
  if (issues.length > 0) throw validationError(issues);
  const existing = await findUserByEmail(deps.db, email);
  const passwordHash = existing === undefined ? await hashPassword(demo.password) : '';
  await deps.db.transaction().execute(async (trx) => {
    if ((await findOrg(trx, demo.orgId)) === undefined) throw notFound('Organization');
    const at = deps.now().toISOString();
    const meta = { requestId: null };
    let user = await findUserByEmail(trx, email);
    if (user === undefined) {
      if (passwordHash === '') return; // deleted between the two reads; the next start creates it
      user = {
        id: randomUUID(),
        email,
        name: demo.name ?? 'Demo User',
        createdAt: at,
        disabledAt: null,
      };
      if (!(await insertUser(trx, { ...user, passwordHash, at }))) return; // created concurrently
      await recordAudit(trx, deps, null, meta, {
        action: 'user.created',
        targetType: 'user',
        targetId: user.id,
        orgId: demo.orgId,
        details: { email, via: 'demo' },
      });
    }
    if ((await findMembership(trx, demo.orgId, user.id)) !== undefined) return;
    await insertMembership(trx, {
      orgId: demo.orgId,
      userId: user.id,
      role: 'owner',
      createdAt: at,
    });
    await recordAudit(trx, deps, null, meta, {
      action: 'member.added',
      targetType: 'user',
      targetId: user.id,
      orgId: demo.orgId,
      details: { role: 'owner', via: 'demo' },
    });
  });
}
