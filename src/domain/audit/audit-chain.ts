// Tamper evidence: each entry's hash covers its content and the previous entry's hash,
// so editing, deleting or reordering any entry breaks every hash after it.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  chain: string;
  seq: number;
  at: string;
  actorUserId: string | null;
  actorTokenId: string | null;
  orgId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  requestId: string | null;
  details: string;
}

export function hashAuditEntry(prevHash: string, e: AuditContent): string {
  // A JSON array fixes field order and escapes separators, so the hash input is unambiguous.
  const canonical = JSON.stringify([
    prevHash,
    e.chain,
    e.seq,
    e.at,
    e.actorUserId,
    e.actorTokenId,
    e.orgId,
    e.action,
    e.targetType,
    e.targetId,
    e.requestId,
    e.details,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainBreak {
  chain: string;
  seq: number;
  reason: string;
}

/** Checks one chain given in seq order; returns the first break, or null when intact. */
export function verifyChain(
  entries: Iterable<AuditContent & { prevHash: string; hash: string }>,
): ChainBreak | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { chain: e.chain, seq: e.seq, reason: `expected seq ${expectedSeq}` };
    if (e.prevHash !== prev) return { chain: e.chain, seq: e.seq, reason: 'previous hash does not match' };
    if (hashAuditEntry(prev, e) !== e.hash) return { chain: e.chain, seq: e.seq, reason: 'content hash does not match' };
    prev = e.hash;
    expectedSeq += 1;
  }
  return null;
}
