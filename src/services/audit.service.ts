// Reading the audit log (org admins, newest first) and verifying every hash chain (operators).
import { allAuditEntries, listAudit, rowToAuditContent } from '../db/repos/audit.repo.ts';
import type { AuditLogTable } from '../db/schema.ts';
import { verifyChain, type ChainBreak } from '../domain/audit/audit-chain.ts';
import { AppError } from '../domain/shared/errors.ts';
import { isAdmin, type Actor, type ServiceDeps } from './deps.ts';

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actorUserId: string | null;
  actorTokenId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  limit: number;
  /** Cursor: only entries older than this sequence number. */
  before?: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

function toEntry(r: AuditLogTable): AuditEntry {
  return {
    id: r.id,
    seq: r.seq,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorTokenId: r.actor_token_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    requestId: r.request_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
  };
}

export async function listAuditPage(
  deps: ServiceDeps,
  actor: Actor,
  f: AuditFilter,
): Promise<AuditPage> {
  if (!isAdmin(actor))
    throw new AppError('forbidden', 'Only admins and owners can read the audit log');
  // One extra row tells whether an older page exists without a count query.
  const rows = await listAudit(deps.db, {
    orgId: actor.orgId,
    limit: f.limit + 1,
    ...(f.action === undefined ? {} : { action: f.action }),
    ...(f.actorUserId === undefined ? {} : { actorUserId: f.actorUserId }),
    ...(f.from === undefined ? {} : { from: f.from }),
    ...(f.to === undefined ? {} : { to: f.to }),
    ...(f.before === undefined ? {} : { beforeSeq: f.before }),
  });
  const page = rows.slice(0, f.limit).map(toEntry);
  const last = page.at(-1);
  return {
    entries: page,
    nextBefore: rows.length > f.limit && last !== undefined ? last.seq : null,
  };
}

export interface AuditVerification {
  chains: number;
  entries: number;
  /** The first break of each broken chain; empty when every chain is intact. */
  breaks: ChainBreak[];
}

/** Walks every chain in (chain, seq) order; each chain is held in memory only while it is checked. */
export async function verifyAudit(deps: ServiceDeps): Promise<AuditVerification> {
  const result: AuditVerification = { chains: 0, entries: 0, breaks: [] };
  let current: ReturnType<typeof rowToAuditContent>[] = [];
  const flush = () => {
    if (current.length === 0) return;
    result.chains += 1;
    const broken = verifyChain(current);
    if (broken !== null) result.breaks.push(broken);
    current = [];
  };
  for await (const row of allAuditEntries(deps.db)) {
    if (current.length > 0 && current[0]?.chain !== row.chain) flush();
    current.push(rowToAuditContent(row));
    result.entries += 1;
  }
  flush();
  return result;
}
