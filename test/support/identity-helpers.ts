// Small HTTP steps the identity tests share: invite someone and have them join.
import { expect } from 'vitest';
import { PASSWORD, type SignedUp, type TestApp } from './test-app.ts';

export type InviteRole = 'owner' | 'admin' | 'member';

export async function inviteToken(
  t: TestApp,
  by: { token: string },
  email: string,
  role: InviteRole = 'member',
): Promise<string> {
  const res = await t.as(by.token, {
    method: 'POST',
    url: '/api/v1/invitations',
    payload: { email, role },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ token: string }>().token;
}

/** A new user who signs up through an invitation into `owner`'s org with `role`. */
export async function joinAs(
  t: TestApp,
  by: { token: string },
  role: InviteRole,
): Promise<SignedUp> {
  const email = `m-${Math.random().toString(36).slice(2)}@example.com`;
  const token = await inviteToken(t, by, email, role);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { email, password: PASSWORD, name: `Member ${role}`, invitationToken: token },
  });
  expect(res.statusCode, res.body).toBe(201);
  const cookie = res.cookies.find((c) => c.name === 'circles_session')?.value ?? '';
  return { ...res.json<Omit<SignedUp, 'cookie'>>(), cookie };
}
