// The one Database interface for Kysely. Columns are portable across SQLite and PostgreSQL:
// ids are application-generated text, timestamps are UTC ISO 8601 text, booleans are 0/1 integers,
// structured values that are never queried are JSON text.

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

export interface OrgsTable {
  id: string;
  name: string;
  website: string | null;
  domain: string | null;
  hq_country: string;
  description: string;
  employee_band: string | null;
  founded_year: number | null;
  teaming_open: number;
  teaming_seeks: string;
  capacity_consultants: number;
  capacity_bench: number;
  /** JSON text: string[] */
  skills: string;
  /** JSON text: RateCardEntry[] */
  rate_card: string;
  /** JSON text: Office[] */
  offices: string;
  /** JSON text: the coded lists for the directory index to load (db/org-index-codes.ts). */
  index_codes: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One row per (org, coded field, code): the queryable form of the profile's vocabulary lists. */
export interface OrgCodesTable {
  org_id: string;
  field: string;
  code: string;
}

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: 'owner' | 'admin' | 'member';
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  org_id: string;
  email: string;
  role: 'owner' | 'admin' | 'member';
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  org_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** First characters of the token, shown in lists so a user can tell tokens apart. */
  prefix: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  /** The hash chain this entry belongs to: an org id, or 'system' for entries with no org. */
  chain: string;
  seq: number;
  at: string;
  actor_user_id: string | null;
  actor_token_id: string | null;
  org_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  request_id: string | null;
  /** JSON text, never a secret. */
  details: string;
  prev_hash: string;
  hash: string;
}

/** Head of each audit chain: locked while appending so entries form one unbroken sequence. */
export interface AuditHeadsTable {
  chain: string;
  seq: number;
  hash: string;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: string;
}

export interface PartnershipsTable {
  id: string;
  requester_org_id: string;
  addressee_org_id: string;
  /** requested | active | declined | ended */
  status: string;
  created_at: string;
  decided_at: string | null;
  ended_at: string | null;
  ended_by_org_id: string | null;
  /** "<smaller org id>:<larger>" while requested or active, else null (unique). */
  open_pair: string | null;
  version: number;
}

export interface AgreementsTable {
  id: string;
  partnership_id: string;
  type: string;
  party_a_org_id: string;
  party_b_org_id: string;
  created_by_org_id: string;
  created_at: string;
  /** Bumped on every new or decided version: the row is locked while versions change. */
  version: number;
}

export interface AgreementVersionsTable {
  agreement_id: string;
  n: number;
  /** JSON text: AgreementTerms */
  terms: string;
  status: string;
  proposed_by_org_id: string;
  proposed_at: string;
  decided_by_org_id: string | null;
  decided_at: string | null;
}

export interface OpportunitiesTable {
  id: string;
  owner_org_id: string;
  engagement_id: string;
  description: string;
  /** JSON text: OpportunityCell[] */
  cells: string;
  customer_name: string;
  customer_domain: string;
  hide_customer: number;
  /** JSON text: { amount, currency } */
  value: string;
  expected_close_date: string;
  visibility: string;
  created_at: string;
  /** The circle it is shared with (visibility 'circle'), else null. */
  circle_id: string | null;
}

export interface OpportunityAudienceTable {
  opportunity_id: string;
  org_id: string;
  /** selected | competitor */
  relation: string;
}

export interface ReferralsTable {
  id: string;
  engagement_id: string;
  opportunity_id: string;
  from_org_id: string;
  to_org_id: string;
  agreement_id: string | null;
  agreement_version: number | null;
  arrangement_type: string;
  partner_role: string | null;
  notes: string;
  /** JSON text: TeamMember[] */
  team: string;
  estimated_close_date: string;
  customer_domain: string;
  /** JSON text: the attribution outcome at creation (stamped / repeat / conflict) */
  attribution: string;
  status: string;
  substatus: string;
  status_reason: string | null;
  stage: string;
  /** JSON text: { amount, currency } or null */
  value: string | null;
  /** JSON text: ReferralFlag[] */
  flags: string;
  created_at: string;
  updated_at: string;
  expires_at: string;
  accepted_at: string | null;
  closed_at: string | null;
  version: number;
}

export interface ReferralEventsTable {
  referral_id: string;
  seq: number;
  at: string;
  actor_org_id: string | null;
  type: string;
  /** JSON text */
  data: string;
  prev_hash: string;
  hash: string;
}

export interface AttributionStampsTable {
  customer_domain: string;
  partner_org_id: string;
  introduced_by_org_id: string;
  referral_id: string;
  at: string;
}

export interface WebhooksTable {
  id: string;
  org_id: string;
  url: string;
  /** JSON text: WebhookEventType[] */
  events: string;
  description: string;
  /** The signing secret, kept as given out (signing needs it; a hash could not sign). */
  secret: string;
  created_by_user_id: string;
  created_at: string;
  deleted_at: string | null;
}

/** The outbox: one row per domain event and org told, written in the use case's transaction. */
export interface WebhookEventsTable {
  id: string;
  org_id: string;
  type: string;
  /** JSON text */
  data: string;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_id: string;
  org_id: string;
  /** pending | delivered | failed */
  status: string;
  attempts: number;
  /** When the worker may next try (also the lease of a claimed attempt); null once settled. */
  next_attempt_at: string | null;
  /** Retries stop after this (created + 24 h). */
  give_up_at: string;
  replay_of: string | null;
  created_at: string;
  settled_at: string | null;
}

export interface WebhookAttemptsTable {
  delivery_id: string;
  n: number;
  at: string;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  next_retry_at: string | null;
}

export interface CirclesTable {
  id: string;
  name: string;
  description: string;
  owner_org_id: string;
  created_at: string;
}

/** Current members only (owner included); leaving deletes the row. */
export interface CircleMembersTable {
  circle_id: string;
  org_id: string;
  /** owner | member */
  role: string;
  joined_at: string;
}

export interface CircleInvitationsTable {
  id: string;
  circle_id: string;
  org_id: string;
  invited_by_org_id: string;
  /** pending | accepted | declined | revoked */
  status: string;
  created_at: string;
  decided_at: string | null;
  /** "<circle id>:<org id>" while pending, else null (unique). */
  open_key: string | null;
  version: number;
}

export interface FeesTable {
  id: string;
  referral_id: string;
  partnership_id: string;
  agreement_id: string;
  agreement_version: number;
  payer_org_id: string;
  payee_org_id: string;
  amount: number;
  currency: string;
  payment_days: number;
  /** due | invoiced | paid | disputed | waived */
  status: string;
  due_since: string;
  invoiced_at: string | null;
  payment_due_at: string | null;
  paid_at: string | null;
  /** JSON text: ReferralFlag[] */
  flags: string;
  /** JSON text: FeeCalculation */
  calculation: string;
  /** The open dispute, or the last one. */
  dispute_id: string | null;
  updated_at: string;
  version: number;
}

export interface FeeDisputesTable {
  id: string;
  fee_id: string;
  opened_by_org_id: string;
  opened_at: string;
  reason: string;
  resume_status: string;
  /** JSON text: DisputeMessage[] */
  messages: string;
  /** JSON text: Record<orgId, Resolution> */
  proposals: string;
  resolved_at: string | null;
  /** JSON text: Resolution or null */
  resolution: string | null;
}

export interface FxTablesTable {
  date: string;
  source: string;
  /** JSON text: { currency: decimal string } per 1 EUR */
  rates: string;
  imported_at: string;
}

/** One row per won referral: the association report's facts. */
export interface P2pWinsTable {
  referral_id: string;
  sender_org_id: string;
  receiver_org_id: string;
  sender_country: string;
  receiver_country: string;
  customer_country: string | null;
  cross_border: number;
  won_at: string;
  amount: number;
  currency: string;
}

export interface P2pWinAreasTable {
  referral_id: string;
  area: string;
}

/** Daily roll-up per dimension (total | country | solutionArea), cell and currency. */
export interface P2pDailyTable {
  dim: string;
  cell: string;
  day: string;
  currency: string;
  wins: number;
  cross_border: number;
  amount: number;
}

/** At most 5 distinct orgs per dimension, cell and day (enough to decide suppression). */
export interface P2pDailyOrgsTable {
  dim: string;
  cell: string;
  day: string;
  org_id: string;
}

export interface Database {
  users: UsersTable;
  orgs: OrgsTable;
  org_codes: OrgCodesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  idempotency_keys: IdempotencyKeysTable;
  partnerships: PartnershipsTable;
  agreements: AgreementsTable;
  agreement_versions: AgreementVersionsTable;
  opportunities: OpportunitiesTable;
  opportunity_audience: OpportunityAudienceTable;
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  attribution_stamps: AttributionStampsTable;
  circles: CirclesTable;
  circle_members: CircleMembersTable;
  circle_invitations: CircleInvitationsTable;
  webhooks: WebhooksTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  fees: FeesTable;
  fee_disputes: FeeDisputesTable;
  fx_tables: FxTablesTable;
  p2p_wins: P2pWinsTable;
  p2p_win_areas: P2pWinAreasTable;
  p2p_daily: P2pDailyTable;
  p2p_daily_orgs: P2pDailyOrgsTable;
}
