// Stamps the first introduction of a customer domain to a partner; a later introduction of the
// same domain to the same partner by another org is recorded as a conflict naming the earlier stamp.
import type { Kysely } from 'kysely';
import { findStamps, insertStamp } from '../db/repos/referrals.repo.ts';
import type { Database } from '../db/schema.ts';
import { attributeIntroduction, type Registration } from '../domain/deals/attribution.ts';
import type { ReferralAttribution } from '../domain/deals/referral.ts';
import { validationError } from '../domain/shared/errors.ts';

export async function stampAttribution(
  trx: Kysely<Database>,
  reg: Registration,
): Promise<ReferralAttribution> {
  const stamps = await findStamps(trx, reg.customer, reg.partnerOrgId);
  const outcome = attributeIntroduction(stamps, reg);
  switch (outcome.kind) {
    case 'invalid':
      throw validationError([outcome.issue]);
    case 'stamped':
      await insertStamp(trx, outcome.stamp);
      return outcome;
    case 'repeat':
      return outcome;
    case 'conflict':
      return {
        kind: 'conflict',
        earlier: outcome.conflict.earlier,
        claimant: outcome.conflict.claimant,
      };
  }
}
