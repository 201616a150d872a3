import type { Kysely } from 'kysely';

// Fees (issue 5): the fee ledger and its disputes, imported FX tables, and the association
// report's projection of won referrals. Portable DDL only, like 001 and 002.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One fee per won referral: a retried win cannot book it twice.
    .addColumn('referral_id', 'text', (c) => c.notNull().unique().references('referrals.id'))
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('agreement_version', 'integer', (c) => c.notNull())
    .addColumn('payer_org_id', 'text', (c) => c.notNull())
    .addColumn('payee_org_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('payment_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_since', 'text', (c) => c.notNull())
    .addColumn('invoiced_at', 'text')
    .addColumn('payment_due_at', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('calculation', 'text', (c) => c.notNull())
    .addColumn('dispute_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fees_payer_idx').on('fees').columns(['payer_org_id']).execute();
  await db.schema.createIndex('fees_payee_idx').on('fees').columns(['payee_org_id']).execute();
  await db.schema.createIndex('fees_partnership_idx').on('fees').column('partnership_id').execute();

  await db.schema
    .createTable('fee_disputes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fee_id', 'text', (c) => c.notNull().references('fees.id'))
    .addColumn('opened_by_org_id', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('resume_status', 'text', (c) => c.notNull())
    .addColumn('messages', 'text', (c) => c.notNull())
    .addColumn('proposals', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolution', 'text')
    .execute();
  await db.schema.createIndex('fee_disputes_fee_idx').on('fee_disputes').column('fee_id').execute();

  // Imported rate tables (the shipped snapshot is the default): in the store so every process sees them.
  await db.schema
    .createTable('fx_tables')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    /** JSON text: { "USD": "1.0832", ... } units per 1 EUR, as exact decimal strings */
    .addColumn('rates', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();

  // One row per won referral, written in the win's transaction: the report's facts.
  await db.schema
    .createTable('p2p_wins')
    .addColumn('referral_id', 'text', (c) => c.primaryKey())
    .addColumn('sender_org_id', 'text', (c) => c.notNull())
    .addColumn('receiver_org_id', 'text', (c) => c.notNull())
    .addColumn('sender_country', 'text', (c) => c.notNull())
    .addColumn('receiver_country', 'text', (c) => c.notNull())
    .addColumn('customer_country', 'text')
    .addColumn('cross_border', 'integer', (c) => c.notNull())
    .addColumn('won_at', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('p2p_wins_won_idx').on('p2p_wins').column('won_at').execute();
  await db.schema
    .createTable('p2p_win_areas')
    .addColumn('referral_id', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('p2p_win_areas_pk', ['referral_id', 'area'])
    .execute();

  // Daily roll-ups of the facts per dimension ('total' | 'country' | 'solutionArea') and cell,
  // so the report reads days x cells rows, not every referral.
  await db.schema
    .createTable('p2p_daily')
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('wins', 'integer', (c) => c.notNull())
    .addColumn('cross_border', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('p2p_daily_pk', ['dim', 'day', 'cell', 'currency'])
    .execute();
  // Up to 5 distinct organizations per dimension, cell and day: enough to decide suppression
  // exactly (a cell reaches 5 orgs over a period iff the union of these capped sets does).
  await db.schema
    .createTable('p2p_daily_orgs')
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('p2p_daily_orgs_pk', ['dim', 'day', 'cell', 'org_id'])
    .execute();
}
