// All SQL for agreements and their versions. Returns domain types.
import type { Kysely } from 'kysely';
import type { AgreementTerms, ArrangementType } from '../../domain/deals/agreement.ts';
import type { AgreementVersion, VersionStatus } from '../../domain/deals/agreement-versions.ts';
import type { AgreementVersionsTable, Database } from '../schema.ts';

/** An agreement as stored: the domain's Agreement plus its record fields. */
export interface AgreementRecord {
  id: string;
  partnershipId: string;
  type: ArrangementType;
  partyOrgIds: readonly [string, string];
  createdByOrgId: string;
  createdAt: string;
  version: number;
  versions: readonly AgreementVersion[];
}

function toVersion(r: AgreementVersionsTable): AgreementVersion {
  return {
    n: r.n,
    terms: JSON.parse(r.terms) as AgreementTerms,
    status: r.status as VersionStatus,
    proposedByOrgId: r.proposed_by_org_id,
    proposedAt: r.proposed_at,
    decidedByOrgId: r.decided_by_org_id,
    decidedAt: r.decided_at,
  };
}

const versionRow = (agreementId: string, v: AgreementVersion): AgreementVersionsTable => ({
  agreement_id: agreementId,
  n: v.n,
  terms: JSON.stringify(v.terms),
  status: v.status,
  proposed_by_org_id: v.proposedByOrgId,
  proposed_at: v.proposedAt,
  decided_by_org_id: v.decidedByOrgId,
  decided_at: v.decidedAt,
});

export async function insertAgreement(db: Kysely<Database>, a: AgreementRecord): Promise<void> {
  await db
    .insertInto('agreements')
    .values({
      id: a.id,
      partnership_id: a.partnershipId,
      type: a.type,
      party_a_org_id: a.partyOrgIds[0],
      party_b_org_id: a.partyOrgIds[1],
      created_by_org_id: a.createdByOrgId,
      created_at: a.createdAt,
      version: a.version,
    })
    .execute();
  if (a.versions.length > 0) {
    await db
      .insertInto('agreement_versions')
      .values(a.versions.map((v) => versionRow(a.id, v)))
      .execute();
  }
}

type AgreementRow = Database['agreements'];

async function withVersions(
  db: Kysely<Database>,
  rows: AgreementRow[],
): Promise<AgreementRecord[]> {
  if (rows.length === 0) return [];
  const versions = await db
    .selectFrom('agreement_versions')
    .selectAll()
    .where(
      'agreement_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('n')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    partnershipId: r.partnership_id,
    type: r.type as ArrangementType,
    partyOrgIds: [r.party_a_org_id, r.party_b_org_id] as const,
    createdByOrgId: r.created_by_org_id,
    createdAt: r.created_at,
    version: r.version,
    versions: versions.filter((v) => v.agreement_id === r.id).map(toVersion),
  }));
}

export async function findAgreement(
  db: Kysely<Database>,
  id: string,
): Promise<AgreementRecord | undefined> {
  const rows = await db.selectFrom('agreements').selectAll().where('id', '=', id).execute();
  return (await withVersions(db, rows))[0];
}

export async function listAgreementsOf(
  db: Kysely<Database>,
  orgId: string,
  partnershipId: string | undefined,
): Promise<AgreementRecord[]> {
  let q = db
    .selectFrom('agreements')
    .selectAll()
    .where((eb) => eb.or([eb('party_a_org_id', '=', orgId), eb('party_b_org_id', '=', orgId)]));
  if (partnershipId !== undefined) q = q.where('partnership_id', '=', partnershipId);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
  return withVersions(db, rows);
}

/**
 * Stores `next` over `prev`: inserts new versions, rewrites the status of changed ones, and bumps
 * the agreement's row version. False when someone else changed the agreement since `prev` was read.
 */
export async function saveAgreementVersions(
  db: Kysely<Database>,
  prev: AgreementRecord,
  next: readonly AgreementVersion[],
): Promise<boolean> {
  const bumped = await db
    .updateTable('agreements')
    .set({ version: prev.version + 1 })
    .where('id', '=', prev.id)
    .where('version', '=', prev.version)
    .executeTakeFirst();
  if (bumped.numUpdatedRows !== 1n) return false;
  for (const v of next) {
    const old = prev.versions.find((o) => o.n === v.n);
    if (old === undefined) {
      await db.insertInto('agreement_versions').values(versionRow(prev.id, v)).execute();
    } else if (old.status !== v.status) {
      await db
        .updateTable('agreement_versions')
        .set({ status: v.status, decided_by_org_id: v.decidedByOrgId, decided_at: v.decidedAt })
        .where('agreement_id', '=', prev.id)
        .where('n', '=', v.n)
        .execute();
    }
  }
  return true;
}
