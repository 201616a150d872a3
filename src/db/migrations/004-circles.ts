import type { Kysely } from 'kysely';

// Circles of trust (issue 5) and the inbox's indexes. Portable DDL only, like 002-deals.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('circles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Current members only: leaving or removal deletes the row (the audit log keeps the history).
  await db.schema
    .createTable('circle_members')
    .addColumn('circle_id', 'text', (c) => c.notNull().references('circles.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('circle_members_pk', ['circle_id', 'org_id'])
    .execute();
  await db.schema
    .createIndex('circle_members_org_idx')
    .on('circle_members')
    .columns(['org_id', 'circle_id'])
    .execute();

  await db.schema
    .createTable('circle_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('circle_id', 'text', (c) => c.notNull().references('circles.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('invited_by_org_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    // "<circle id>:<org id>" while pending, null after: one open invitation per org and circle,
    // even under concurrent invitations (unique allows many nulls).
    .addColumn('open_key', 'text', (c) => c.unique())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('circle_invitations_circle_idx')
    .on('circle_invitations')
    .columns(['circle_id', 'status'])
    .execute();
  await db.schema
    .createIndex('circle_invitations_org_idx')
    .on('circle_invitations')
    .columns(['org_id', 'status'])
    .execute();

  // Opportunities shared with one circle (visibility 'circle').
  await db.schema.alterTable('opportunities').addColumn('circle_id', 'text').execute();
  await db.schema
    .createIndex('opportunities_circle_idx')
    .on('opportunities')
    .columns(['circle_id', 'visibility'])
    .execute();

  // The inbox reads one org's referrals per direction and status, ordered by expiry (New) or by
  // last change (Active, Closed), id breaking ties, so a page is an index range read with no sort;
  // its counts come from the same indexes without touching the table.
  // They extend 002's (org, status) indexes, which become redundant prefixes: replaced, so a
  // transition does not maintain both.
  await db.schema.dropIndex('referrals_to_idx').execute();
  await db.schema.dropIndex('referrals_from_idx').execute();
  for (const side of ['to', 'from'] as const) {
    await db.schema
      .createIndex(`referrals_${side}_expiry_idx`)
      .on('referrals')
      .columns([`${side}_org_id`, 'status', 'expires_at', 'id'])
      .execute();
    await db.schema
      .createIndex(`referrals_${side}_updated_idx`)
      .on('referrals')
      .columns([`${side}_org_id`, 'status', 'updated_at', 'id'])
      .execute();
  }
}
