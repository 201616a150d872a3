// What a new referral rests on: an active partnership with the receiver, and the agreement
// version in force to pin (the one named, or the newest of the same type on that partnership).
import type { Kysely } from 'kysely';
import { findAgreement, listAgreementsOf } from '../db/repos/agreements.repo.ts';
import { findOrg } from '../db/repos/orgs.repo.ts';
import { findBetween } from '../db/repos/partnerships.repo.ts';
import type { Database } from '../db/schema.ts';
import type { ArrangementType } from '../domain/deals/agreement.ts';
import { versionInForce } from '../domain/deals/agreement-versions.ts';
import type { Partnership } from '../domain/deals/partnership.ts';
import { AppError, notFound, validationError } from '../domain/shared/errors.ts';
import type { Actor } from './deps.ts';

export async function activePartnership(
  trx: Kysely<Database>,
  actor: Actor,
  toOrgId: string,
): Promise<Partnership> {
  const p = (await findBetween(trx, actor.orgId, toOrgId, ['active']))[0];
  if (p !== undefined) return p;
  if ((await findOrg(trx, toOrgId)) === undefined) throw notFound('Organization');
  throw new AppError(
    'conflict',
    'You can only refer to an active partner: request a partnership and have it accepted first',
    [{ path: 'toOrgId', message: 'Not an active partner of your organization' }],
  );
}

/** The agreement and version in force to pin: the one named, or the newest of the same type. */
export async function pinAgreement(
  trx: Kysely<Database>,
  actor: Actor,
  p: Partnership,
  input: { agreementId?: string | undefined; arrangementType: ArrangementType },
  now: Date,
): Promise<{ agreementId: string | null; agreementVersion: number | null }> {
  if (input.agreementId === undefined) {
    const candidates = (await listAgreementsOf(trx, actor.orgId, p.id))
      .filter((a) => a.type === input.arrangementType)
      .map((a) => ({ id: a.id, v: versionInForce(a.versions, now) }))
      .filter((x) => x.v !== null);
    const first = candidates[0];
    return { agreementId: first?.id ?? null, agreementVersion: first?.v?.n ?? null };
  }
  const a = await findAgreement(trx, input.agreementId);
  if (a === undefined || !a.partyOrgIds.includes(actor.orgId)) throw notFound('Agreement');
  if (a.partnershipId !== p.id) {
    throw validationError([{ path: 'agreementId', message: 'Not an agreement with this partner' }]);
  }
  if (a.type !== input.arrangementType) {
    throw validationError([
      { path: 'arrangementType', message: `The agreement is of type ${a.type}` },
    ]);
  }
  const v = versionInForce(a.versions, now);
  if (v === null) {
    throw new AppError(
      'conflict',
      'The agreement has no version in force: accept a version first',
      [{ path: 'agreementId', message: 'No accepted version in force' }],
    );
  }
  return { agreementId: a.id, agreementVersion: v.n };
}
