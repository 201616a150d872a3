// Reading and editing an organization's partner profile.
import type { Kysely } from 'kysely';
import { findOrg, findOrgsByIds, updateOrgProfile } from '../db/repos/orgs.repo.ts';
import type { Database } from '../db/schema.ts';
import { toIndexedOrg } from '../domain/directory/to-indexed-org.ts';
import type { Org, OrgProfile } from '../domain/profile/profile.ts';
import { registrableDomain } from '../domain/profile/registrable-domain.ts';
import { validateProfile } from '../domain/profile/validate-profile.ts';
import { AppError, notFound, validationError } from '../domain/shared/errors.ts';
import { recordAudit } from './audit-trail.ts';
import { isAdmin, type Actor, type RequestMeta, type ServiceDeps } from './deps.ts';
import { announceOrgChanges } from './index-sync.service.ts';

// Absent or undefined fields keep their current value.
export type ProfilePatch = { [K in keyof Omit<OrgProfile, 'domain'>]?: OrgProfile[K] | undefined };

/** Profiles are the public directory record: any signed-in organization may read them. */
export async function getOrg(deps: ServiceDeps, id: string): Promise<Org> {
  const org = await findOrg(deps.db, id);
  if (org === undefined) throw notFound('Organization');
  return org;
}

export async function getOrgs(deps: ServiceDeps, ids: readonly string[]): Promise<Org[]> {
  return findOrgsByIds(deps.db, ids);
}

export async function updateProfile(
  deps: ServiceDeps,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  patch: ProfilePatch,
  expectedVersion: number,
): Promise<Org> {
  const updated = await deps.db.transaction().execute(async (trx) => {
    const current = await loadEditable(trx, actor, id);
    if (current.version !== expectedVersion) throw staleVersion(current.version);
    const next = mergeProfile(current, patch);
    const issues = validateProfile(next, deps.now().getUTCFullYear());
    if (issues.length > 0) throw validationError(issues, 'The profile has invalid values');
    const at = deps.now().toISOString();
    if (!(await updateOrgProfile(trx, id, next, expectedVersion, at))) throw staleVersion(expectedVersion + 1);
    await announceOrgChanges(trx, deps, [{ id, version: expectedVersion + 1 }]);
    await recordAudit(trx, deps, actor, meta, {
      action: 'org.profile_updated',
      targetType: 'org',
      targetId: id,
      details: { fields: Object.keys(patch).sort(), version: expectedVersion + 1 },
    });
    return { ...current, ...next, version: expectedVersion + 1, updatedAt: at };
  });
  deps.directory.upsert(toIndexedOrg(updated));
  return updated;
}

async function loadEditable(trx: Kysely<Database>, actor: Actor, id: string): Promise<Org> {
  const current = await findOrg(trx, id);
  if (current === undefined) throw notFound('Organization');
  if (current.id !== actor.orgId) {
    throw new AppError('forbidden', 'You can only edit your own organization’s profile');
  }
  if (!isAdmin(actor)) throw new AppError('forbidden', 'Only owners and admins can edit the profile');
  return current;
}

function staleVersion(current: number): AppError {
  return new AppError(
    'precondition_failed',
    `The profile changed since you loaded it (now version ${current}); reload, reapply your edit and retry`,
    [{ path: 'headers.if-match', message: `Stale ETag; current is "${current}"` }],
  );
}

function mergeProfile(current: Org, patch: ProfilePatch): OrgProfile {
  const merged: OrgProfile = { ...stripRecordFields(current), ...definedOnly(patch) };
  const dedupe = (xs: string[]) => [...new Set(xs)];
  return {
    ...merged,
    countries: dedupe(merged.countries),
    languages: dedupe(merged.languages),
    skills: dedupe(merged.skills),
    domain: registrableDomain(merged.website),
  };
}

function stripRecordFields(org: Org): OrgProfile {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...profile } = org;
  return profile;
}

function definedOnly(patch: ProfilePatch): Partial<OrgProfile> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
}
