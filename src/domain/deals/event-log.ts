// The shared record of a referral: an append-only event log both parties read, hash-chained like
// the audit chain (src/domain/audit/audit-chain.ts) so that editing, deleting or reordering any
// entry breaks every hash after it.
import { createHash } from 'node:crypto';
import { AppError } from '../shared/errors.ts';

export const GENESIS_HASH = '0'.repeat(64);

export const REFERRAL_EVENT_TYPES = [
  'referral.created',
  'referral.status_changed',
  'referral.updated',
  'referral.expired',
  'referral.note_added',
  'attribution.stamped',
  'attribution.conflict',
  'fee.due',
  'fee.invoiced',
  'fee.paid',
  'dispute.opened',
  'dispute.message',
  'dispute.resolved',
] as const;
export type ReferralEventType = (typeof REFERRAL_EVENT_TYPES)[number];

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ReferralEvent {
  referralId: string;
  seq: number;
  /** UTC ISO 8601, from the platform's clock (never the client's). */
  at: string;
  /** Null for the platform itself (the expiry job). */
  actorOrgId: string | null;
  type: ReferralEventType;
  data: JsonValue;
}

export interface ChainedEvent extends ReferralEvent {
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every level: PostgreSQL jsonb does not keep key order. */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] ?? null)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new RangeError('Not a JSON number');
  return JSON.stringify(value);
}

export function hashEvent(prevHash: string, e: ReferralEvent): string {
  // A JSON array fixes field order and escapes separators, so the hash input is unambiguous.
  const canonical = JSON.stringify([
    prevHash,
    e.referralId,
    e.seq,
    e.at,
    e.actorOrgId,
    e.type,
    canonicalJson(e.data),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type NewEvent = Omit<ReferralEvent, 'seq' | 'referralId'>;

/** The next entry after `last` (null for the first). Time may not run backwards within a log. */
export function appendEvent(
  referralId: string,
  last: ChainedEvent | null,
  input: NewEvent,
): ChainedEvent {
  if (last !== null && last.referralId !== referralId) {
    throw new AppError('conflict', 'The previous entry belongs to another referral');
  }
  if (last !== null && input.at < last.at) {
    throw new AppError(
      'conflict',
      `Event time ${input.at} is before the previous entry (${last.at})`,
    );
  }
  const event: ReferralEvent = { ...input, referralId, seq: (last?.seq ?? 0) + 1 };
  const prevHash = last?.hash ?? GENESIS_HASH;
  return { ...event, prevHash, hash: hashEvent(prevHash, event) };
}

export interface EventLogBreak {
  seq: number;
  reason: string;
}

/** Checks one referral's log given in seq order; returns the first break, or null when intact. */
export function verifyEventLog(entries: Iterable<ChainedEvent>): EventLogBreak | null {
  let prev: ChainedEvent | null = null;
  for (const e of entries) {
    const expectedSeq = (prev?.seq ?? 0) + 1;
    if (e.seq !== expectedSeq) return { seq: e.seq, reason: `expected seq ${expectedSeq}` };
    if (prev !== null && e.referralId !== prev.referralId)
      return { seq: e.seq, reason: 'belongs to another referral' };
    if (e.prevHash !== (prev?.hash ?? GENESIS_HASH))
      return { seq: e.seq, reason: 'previous hash does not match' };
    if (hashEvent(e.prevHash, e) !== e.hash)
      return { seq: e.seq, reason: 'content hash does not match' };
    if (prev !== null && e.at < prev.at) return { seq: e.seq, reason: 'time runs backwards' };
    prev = e;
  }
  return null;
}
