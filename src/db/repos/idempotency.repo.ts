import type { Kysely } from 'kysely';
import type { Database, IdempotencyKeysTable } from '../schema.ts';

export async function findIdempotencyRecord(
  db: Kysely<Database>,
  scope: string,
  key: string,
): Promise<IdempotencyKeysTable | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Stores the first result; a concurrent duplicate loses the race silently (first one wins). */
export async function saveIdempotencyRecord(db: Kysely<Database>, rec: IdempotencyKeysTable): Promise<void> {
  await db
    .insertInto('idempotency_keys')
    .values(rec)
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .execute();
}

export async function deleteIdempotencyBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', before).execute();
}
