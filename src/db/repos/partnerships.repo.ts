// All SQL for partnerships. Returns domain types.
import type { Kysely } from 'kysely';
import {
  isOpen,
  type Partnership,
  type PartnershipStatus,
} from '../../domain/deals/partnership.ts';
import type { Database, PartnershipsTable } from '../schema.ts';

function openPair(p: Partnership): string | null {
  if (!isOpen(p)) return null;
  const [x, y] = [p.requesterOrgId, p.addresseeOrgId].sort();
  return `${x}:${y}`;
}

const isUniqueViolation = (e: unknown): boolean => {
  const code = (e as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

function toPartnership(r: PartnershipsTable): Partnership {
  return {
    id: r.id,
    requesterOrgId: r.requester_org_id,
    addresseeOrgId: r.addressee_org_id,
    status: r.status as PartnershipStatus,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
    endedAt: r.ended_at,
    endedByOrgId: r.ended_by_org_id,
    version: r.version,
  };
}

/** Inserts `p`; false when the pair already has an open partnership (a concurrent request). */
export async function insertPartnership(db: Kysely<Database>, p: Partnership): Promise<boolean> {
  try {
    await insertRow(db, p);
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

async function insertRow(db: Kysely<Database>, p: Partnership): Promise<void> {
  await db
    .insertInto('partnerships')
    .values({
      id: p.id,
      requester_org_id: p.requesterOrgId,
      addressee_org_id: p.addresseeOrgId,
      status: p.status,
      created_at: p.createdAt,
      decided_at: p.decidedAt,
      ended_at: p.endedAt,
      ended_by_org_id: p.endedByOrgId,
      open_pair: openPair(p),
      version: p.version,
    })
    .execute();
}

export async function findPartnership(
  db: Kysely<Database>,
  id: string,
): Promise<Partnership | undefined> {
  const row = await db
    .selectFrom('partnerships')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toPartnership(row);
}

/** Partnerships between two orgs (either direction) in one of `statuses`. */
export async function findBetween(
  db: Kysely<Database>,
  orgA: string,
  orgB: string,
  statuses: readonly PartnershipStatus[],
): Promise<Partnership[]> {
  const rows = await db
    .selectFrom('partnerships')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('requester_org_id', '=', orgA), eb('addressee_org_id', '=', orgB)]),
        eb.and([eb('requester_org_id', '=', orgB), eb('addressee_org_id', '=', orgA)]),
      ]),
    )
    .where('status', 'in', [...statuses])
    .execute();
  return rows.map(toPartnership);
}

export async function listPartnershipsOf(
  db: Kysely<Database>,
  orgId: string,
  status: PartnershipStatus | undefined,
): Promise<Partnership[]> {
  let q = db
    .selectFrom('partnerships')
    .selectAll()
    .where((eb) => eb.or([eb('requester_org_id', '=', orgId), eb('addressee_org_id', '=', orgId)]));
  if (status !== undefined) q = q.where('status', '=', status);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toPartnership);
}

/** Writes the decided state if nobody changed the row since `expectedVersion`; false when stale. */
export async function updatePartnership(
  db: Kysely<Database>,
  p: Partnership,
  expectedVersion: number,
): Promise<boolean> {
  const res = await db
    .updateTable('partnerships')
    .set({
      status: p.status,
      decided_at: p.decidedAt,
      ended_at: p.endedAt,
      ended_by_org_id: p.endedByOrgId,
      open_pair: openPair(p),
      version: p.version,
    })
    .where('id', '=', p.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}
