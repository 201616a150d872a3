import type { Kysely } from 'kysely';

// Deal flow (issue 5). Portable DDL only, like 001-init: text ids, ISO 8601 text timestamps,
// JSON text for structured values that are never queried.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('partnerships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requester_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('addressee_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('ended_by_org_id', 'text')
    // "<smaller org id>:<larger>" while requested or active, null after: at most one open
    // partnership per pair, even under concurrent requests (unique allows many nulls).
    .addColumn('open_pair', 'text', (c) => c.unique())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('partnerships_requester_idx')
    .on('partnerships')
    .columns(['requester_org_id', 'status'])
    .execute();
  await db.schema
    .createIndex('partnerships_addressee_idx')
    .on('partnerships')
    .columns(['addressee_org_id', 'status'])
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('party_a_org_id', 'text', (c) => c.notNull())
    .addColumn('party_b_org_id', 'text', (c) => c.notNull())
    .addColumn('created_by_org_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreements_partnership_idx')
    .on('agreements')
    .column('partnership_id')
    .execute();

  await db.schema
    .createTable('agreement_versions')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by_org_id', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('decided_by_org_id', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('agreement_versions_pk', ['agreement_id', 'n'])
    .execute();

  await db.schema
    .createTable('opportunities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('cells', 'text', (c) => c.notNull())
    .addColumn('customer_name', 'text', (c) => c.notNull())
    .addColumn('customer_domain', 'text', (c) => c.notNull())
    .addColumn('hide_customer', 'integer', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expected_close_date', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('opportunities_owner_idx')
    .on('opportunities')
    .column('owner_org_id')
    .execute();
  await db.schema
    .createIndex('opportunities_visibility_idx')
    .on('opportunities')
    .column('visibility')
    .execute();

  // Who an opportunity is shown to (selected) or kept from (competitor), one row per org.
  await db.schema
    .createTable('opportunity_audience')
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('opportunity_audience_pk', ['opportunity_id', 'org_id', 'relation'])
    .execute();
  await db.schema
    .createIndex('opportunity_audience_org_idx')
    .on('opportunity_audience')
    .columns(['org_id', 'relation'])
    .execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id'))
    .addColumn('from_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('to_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('agreement_id', 'text')
    .addColumn('agreement_version', 'integer')
    .addColumn('arrangement_type', 'text', (c) => c.notNull())
    .addColumn('partner_role', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('estimated_close_date', 'text', (c) => c.notNull())
    .addColumn('customer_domain', 'text', (c) => c.notNull())
    .addColumn('attribution', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('substatus', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('referrals_from_idx')
    .on('referrals')
    .columns(['from_org_id', 'status'])
    .execute();
  await db.schema
    .createIndex('referrals_to_idx')
    .on('referrals')
    .columns(['to_org_id', 'status'])
    .execute();
  await db.schema
    .createIndex('referrals_expiry_idx')
    .on('referrals')
    .columns(['status', 'expires_at'])
    .execute();
  await db.schema
    .createIndex('referrals_engagement_idx')
    .on('referrals')
    .column('engagement_id')
    .execute();

  await db.schema
    .createTable('referral_events')
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_org_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('referral_events_pk', ['referral_id', 'seq'])
    .execute();

  // First introductions of a customer domain to a partner; never rewritten.
  await db.schema
    .createTable('attribution_stamps')
    .addColumn('customer_domain', 'text', (c) => c.notNull())
    .addColumn('partner_org_id', 'text', (c) => c.notNull())
    .addColumn('introduced_by_org_id', 'text', (c) => c.notNull())
    .addColumn('referral_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attribution_stamps_pk', [
      'customer_domain',
      'partner_org_id',
      'introduced_by_org_id',
    ])
    .execute();
}
