import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { GENESIS_HASH, hashAuditEntry, type AuditContent } from '../../domain/audit/audit-chain.ts';
import type { AuditLogTable, Database } from '../schema.ts';

export type AuditInput = Omit<AuditContent, 'seq' | 'chain' | 'details'> & {
  details?: Record<string, unknown>;
};

/**
 * Appends to the org's chain (or 'system'). Call inside the transaction of the change it records.
 * The head row is locked (FOR UPDATE on PostgreSQL; SQLite has one writer) so seqs never fork.
 */
export async function appendAudit(trx: Kysely<Database>, input: AuditInput, forUpdate: boolean): Promise<void> {
  const chain = input.orgId ?? 'system';
  let q = trx.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', chain);
  if (forUpdate) q = q.forUpdate();
  const head = await q.executeTakeFirst();
  const content: AuditContent = {
    ...input,
    chain,
    seq: (head?.seq ?? 0) + 1,
    details: JSON.stringify(input.details ?? {}),
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = hashAuditEntry(prevHash, content);
  await trx
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      chain,
      seq: content.seq,
      at: content.at,
      actor_user_id: content.actorUserId,
      actor_token_id: content.actorTokenId,
      org_id: content.orgId,
      action: content.action,
      target_type: content.targetType,
      target_id: content.targetId,
      request_id: content.requestId,
      details: content.details,
      prev_hash: prevHash,
      hash,
    })
    .execute();
  if (head === undefined) {
    await trx.insertInto('audit_heads').values({ chain, seq: content.seq, hash }).execute();
  } else {
    await trx.updateTable('audit_heads').set({ seq: content.seq, hash }).where('chain', '=', chain).execute();
  }
}

export function rowToAuditContent(r: AuditLogTable): AuditContent & { prevHash: string; hash: string } {
  return {
    chain: r.chain,
    seq: r.seq,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorTokenId: r.actor_token_id,
    orgId: r.org_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    requestId: r.request_id,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export interface AuditListQuery {
  orgId: string;
  action?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  limit: number;
  /** Return entries with seq below this (newest first paging). */
  beforeSeq?: number;
}

export async function listAudit(db: Kysely<Database>, q: AuditListQuery): Promise<AuditLogTable[]> {
  let query = db.selectFrom('audit_log').selectAll().where('chain', '=', q.orgId);
  if (q.action !== undefined) query = query.where('action', '=', q.action);
  if (q.actorUserId !== undefined) query = query.where('actor_user_id', '=', q.actorUserId);
  if (q.from !== undefined) query = query.where('at', '>=', q.from);
  if (q.to !== undefined) query = query.where('at', '<', q.to);
  if (q.beforeSeq !== undefined) query = query.where('seq', '<', q.beforeSeq);
  return query.orderBy('seq', 'desc').limit(q.limit).execute();
}

/** Streams every chain in (chain, seq) order for verification. */
export async function* allAuditEntries(db: Kysely<Database>, pageSize = 5000): AsyncGenerator<AuditLogTable> {
  let after: { chain: string; seq: number } | null = null;
  for (;;) {
    let q = db.selectFrom('audit_log').selectAll();
    if (after !== null) {
      const a: { chain: string; seq: number } = after;
      q = q.where((eb) =>
        eb.or([eb('chain', '>', a.chain), eb.and([eb('chain', '=', a.chain), eb('seq', '>', a.seq)])]),
      );
    }
    const rows = await q.orderBy('chain').orderBy('seq').limit(pageSize).execute();
    for (const r of rows) yield r;
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return;
    after = { chain: last.chain, seq: last.seq };
  }
}
