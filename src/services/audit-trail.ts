// The one way a use case records a mutation: inside its own transaction, so a change and its
// audit entry commit together or not at all.
import type { Kysely } from 'kysely';
import { appendAudit } from '../db/repos/audit.repo.ts';
import type { Database } from '../db/schema.ts';
import type { Actor, RequestMeta, ServiceDeps } from './deps.ts';

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
  /** Defaults to the actor's org; pass null for system-wide entries (e.g. a failed sign-in). */
  orgId?: string | null;
}

export async function recordAudit(
  trx: Kysely<Database>,
  deps: ServiceDeps,
  actor: Pick<Actor, 'userId' | 'orgId' | 'tokenId'> | null,
  meta: RequestMeta,
  event: AuditEvent,
): Promise<void> {
  await appendAudit(
    trx,
    {
      at: deps.now().toISOString(),
      actorUserId: actor?.userId ?? null,
      actorTokenId: actor?.tokenId ?? null,
      orgId: event.orgId === undefined ? (actor?.orgId ?? null) : event.orgId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      requestId: meta.requestId,
      ...(event.details === undefined ? {} : { details: event.details }),
    },
    deps.storeKind === 'postgres',
  );
}
