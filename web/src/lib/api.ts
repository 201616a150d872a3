// Every Circles API call the web app makes, typed end to end by the shared zod contract.
import type { z } from 'zod';
import { AuditPageSchema } from '@contract/audit.contract.ts';
import {
  MeSchema,
  SignedInSchema,
  SwitchOrgResponse,
  type LoginBody,
  type SignupBody,
} from '@contract/auth.contract.ts';
import {
  AcceptInvitationResponse,
  InvitationCreatedSchema,
  InvitationsResponse,
  MembersResponse,
  MemberSchema,
  type InviteBody,
} from '@contract/members.contract.ts';
import { DirectoryPageSchema, OrgSchema, type OrgPatch } from '@contract/orgs.contract.ts';
import {
  ApiTokenCreatedSchema,
  ApiTokensResponse,
  type CreateTokenBody,
} from '@contract/tokens.contract.ts';
import type { RoleDto } from '@contract/identity.contract.ts';
import { call } from './api-client.ts';

export { ApiError, isAbort, messageOf } from './api-client.ts';

const seg = encodeURIComponent;

// ---- Sign-up, sign-in, session ----
export const signup = async (body: z.input<typeof SignupBody>) =>
  (await call('POST', '/auth/signup', SignedInSchema, { body, expect401: true })).data;

export const login = async (body: z.input<typeof LoginBody>) =>
  (await call('POST', '/auth/login', SignedInSchema, { body, expect401: true })).data;

export const logout = async (): Promise<void> => {
  await call('POST', '/auth/logout', null);
};

export const getMe = async () => (await call('GET', '/me', MeSchema, { expect401: true })).data;

/** Act in another organization this user belongs to (the session stays, its organization changes). */
export const switchOrg = async (orgId: string) =>
  (await call('POST', '/auth/switch-org', SwitchOrgResponse, { body: { orgId } })).data;

// ---- Directory and profiles ----
/** `params` are the directory query parameters exactly as the page URL holds them. */
export const searchOrgs = async (params: URLSearchParams, signal?: AbortSignal) =>
  (
    await call('GET', '/orgs', DirectoryPageSchema, {
      query: params,
      ...(signal === undefined ? {} : { signal }),
    })
  ).data;

export interface Versioned<T> {
  data: T;
  /** The ETag to send back as If-Match, so a concurrent edit is detected instead of overwritten. */
  etag: string;
}

export async function getOrg(id: string): Promise<Versioned<z.output<typeof OrgSchema>>> {
  const r = await call('GET', `/orgs/${seg(id)}`, OrgSchema);
  return { data: r.data, etag: r.headers.get('etag') ?? `"${r.data.version}"` };
}

export async function patchOrg(
  id: string,
  patch: OrgPatch,
  etag: string,
): Promise<Versioned<z.output<typeof OrgSchema>>> {
  const r = await call('PATCH', `/orgs/${seg(id)}`, OrgSchema, {
    body: patch,
    headers: { 'if-match': etag },
  });
  return { data: r.data, etag: r.headers.get('etag') ?? `"${r.data.version}"` };
}

// ---- Members and invitations ----
export const listMembers = async () =>
  (await call('GET', '/members', MembersResponse)).data.members;

export const changeRole = async (userId: string, role: RoleDto) =>
  (await call('PATCH', `/members/${seg(userId)}`, MemberSchema, { body: { role } })).data;

export const removeMember = async (userId: string): Promise<void> => {
  await call('DELETE', `/members/${seg(userId)}`, null);
};

export const listInvitations = async () =>
  (await call('GET', '/invitations', InvitationsResponse)).data.invitations;

export const invite = async (body: z.input<typeof InviteBody>) =>
  (await call('POST', '/invitations', InvitationCreatedSchema, { body })).data;

/** A signed-in user joins the organization that invited them (the email must match). */
export const acceptInvitation = async (token: string) =>
  (await call('POST', '/invitations/accept', AcceptInvitationResponse, { body: { token } })).data;

export const revokeInvitation = async (id: string): Promise<void> => {
  await call('DELETE', `/invitations/${seg(id)}`, null);
};

// ---- API tokens ----
export const listTokens = async () => (await call('GET', '/tokens', ApiTokensResponse)).data.tokens;

export const createToken = async (body: z.input<typeof CreateTokenBody>) =>
  (await call('POST', '/tokens', ApiTokenCreatedSchema, { body })).data;

export const revokeToken = async (id: string): Promise<void> => {
  await call('DELETE', `/tokens/${seg(id)}`, null);
};

// ---- Audit log ----
export interface AuditFilters {
  action?: string;
  /** Acting user id. */
  actor?: string;
  /** UTC ISO 8601, inclusive. */
  from?: string;
  /** UTC ISO 8601, exclusive. */
  to?: string;
  /** `nextBefore` of the previous page. */
  before?: number;
}

export async function listAudit(filters: AuditFilters) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(filters))
    if (v !== undefined && v !== '') query.set(k, String(v));
  return (await call('GET', '/audit', AuditPageSchema, { query })).data;
}
