// The identity records services and repositories pass around (never carrying a secret's value).
import type { Role } from './roles.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  disabledAt: string | null;
}

export interface Membership {
  orgId: string;
  userId: string;
  role: Role;
  createdAt: string;
}

/** A membership seen from the user's side, with the org's name for switchers and /me. */
export interface UserMembership {
  orgId: string;
  orgName: string;
  role: Role;
}

/** A membership seen from the org's side, with the member's identity. */
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
  disabled: boolean;
}

export interface Session {
  id: string;
  userId: string;
  orgId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface ApiToken {
  id: string;
  orgId: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Invitation {
  id: string;
  orgId: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

/** A credential resolved to who it speaks for, with that user's current role in the org. */
export interface ResolvedCredential {
  userId: string;
  orgId: string;
  role: Role;
  sessionId: string | null;
  tokenId: string | null;
  /** Sessions only: the value a cookie caller must echo in x-csrf-token. */
  csrfToken: string | null;
  /** Tokens only: when it was last used, to avoid a write on every request. */
  lastUsedAt: string | null;
}
