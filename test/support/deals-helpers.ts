// Small HTTP steps the deal-flow tests share: partner two orgs, read audit actions.
import { expect } from 'vitest';
import type { SignedUp, TestApp } from './test-app.ts';

export async function post(t: TestApp, who: SignedUp, url: string, payload?: unknown) {
  return t.as(who.token, {
    method: 'POST',
    url,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export async function get(t: TestApp, who: SignedUp, url: string) {
  return t.as(who.token, { method: 'GET', url });
}

/** `a` asks `b`, `b` accepts; returns the active partnership's id. */
export async function partnerUp(t: TestApp, a: SignedUp, b: SignedUp): Promise<string> {
  const req = await post(t, a, '/api/v1/partnerships', { orgId: b.organization.id });
  expect(req.statusCode, req.body).toBe(201);
  const id = req.json<{ id: string }>().id;
  const acc = await post(t, b, `/api/v1/partnerships/${id}/accept`);
  expect(acc.statusCode, acc.body).toBe(200);
  return id;
}

/** The audit actions of `who`'s org (admins only), newest first. */
export async function auditActions(t: TestApp, who: SignedUp, action: string): Promise<string[]> {
  const res = await get(t, who, `/api/v1/audit?action=${encodeURIComponent(action)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json<{ entries: { targetId: string | null }[] }>()
    .entries.map((e) => e.targetId ?? '');
}

export const OPPORTUNITY = {
  description: 'Move 400 mailboxes to Microsoft 365 and secure them',
  cells: [{ kind: 'product', code: 'Microsoft365', country: 'DE' }],
  customerName: 'Contoso GmbH',
  customerDomain: 'https://sales.contoso.co.uk/',
  value: { amount: 50_000_00, currency: 'EUR' },
  expectedCloseDate: '2030-03-31',
  visibility: 'network',
};

/** Creates an opportunity owned by `who`'s org; returns its id. */
export async function createOpportunity(
  t: TestApp,
  who: SignedUp,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await post(t, who, '/api/v1/opportunities', { ...OPPORTUNITY, ...overrides });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
