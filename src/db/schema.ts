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
}
