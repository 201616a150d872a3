// SQL the Partner Center bridge needs beyond the opportunity and referral repositories.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Whether any opportunity already carries this engagement id (unique across the store). */
export async function engagementInUse(
  db: Kysely<Database>,
  engagementId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('opportunities')
    .select('id')
    .where('engagement_id', '=', engagementId)
    .executeTakeFirst();
  return row !== undefined;
}
