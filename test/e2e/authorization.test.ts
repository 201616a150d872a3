// Roles in a real browser: an owner invites a colleague as a member; the member can search and
// view but not edit the profile (the page says so, and the server refuses too). The owner's
// API-token and audit-log pages are exercised on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_AVAILABLE,
  launchBrowser,
  screenshot,
  type BrowserSession,
} from './support/browser.ts';
import { DEMO_SIGN_IN, startCircles, type CirclesServer } from './support/circles-server.ts';
import { signIn, waitForResults } from './support/pages.ts';

describe.skipIf(!CHROMIUM_AVAILABLE)('authorization (browser)', () => {
  let server: CirclesServer;
  let b: BrowserSession;
  let invitationLink = '';
  const memberEmail = 'mo.member@circles.example';

  beforeAll(async () => {
    server = await startCircles({ orgs: 60 });
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('an owner invites a member, creates an API token (shown once) and reads the audit log', async () => {
    const { page } = b;
    await signIn(page, server.url, DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);

    await page.goto(`${server.url}/my-org/members`);
    await page.getByLabel('Email').fill(memberEmail);
    await page.getByLabel('Role', { exact: true }).selectOption('member');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    invitationLink = (await page.getByTestId('secret').textContent()) ?? '';
    expect(invitationLink).toMatch(/\/sign-up\?invitation=/);
    await page
      .getByRole('table')
      .filter({ hasText: 'Open invitations' })
      .getByText(memberEmail)
      .waitFor();
    await screenshot(page, 'members');

    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByLabel('Name').fill('CRM sync');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByTestId('secret').textContent()) ?? '';
    expect(token.length).toBeGreaterThan(20);
    const row = page.getByRole('row').filter({ hasText: 'CRM sync' });
    await row.waitFor();
    expect(await row.textContent()).not.toContain(token); // the list never shows the secret again
    await screenshot(page, 'api-tokens');
    const viaToken = await page.request.get(`${server.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.status()).toBe(200);

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Action').selectOption('member.invited');
    await page.getByRole('cell', { name: 'member.invited' }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'token.created' }).count()).toBe(0);
    await screenshot(page, 'audit-log');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
  });

  it('a member sees the profile read-only, and the server refuses their edit', async () => {
    const { page } = b;
    await page.goto(invitationLink);
    await page.getByLabel('Your name').fill('Mo Member');
    await page.getByLabel('Work email').fill(memberEmail);
    await page.getByLabel('Password').fill('member-password-123');
    expect(await page.getByLabel('Organization name').count()).toBe(0); // joining, not founding
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/directory$/);
    await waitForResults(page);

    await page.getByRole('link', { name: 'My organization' }).click();
    await page.getByText('View only.').waitFor();
    expect(await page.getByLabel('Organization name').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save profile' }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Services' }).count()).toBe(0); // no picker, only badges
    await screenshot(page, 'member-view-only');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'The audit log is for owners and admins' }).waitFor();
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('cell', { name: memberEmail }).waitFor();
    expect(await page.getByRole('button', { name: 'Create invitation' }).count()).toBe(0);

    // The page is not the only guard: the API refuses the member's write.
    const me = (await (await page.request.get(`${server.url}/api/v1/me`)).json()) as {
      csrfToken: string;
      organization: { id: string; role: string };
    };
    expect(me.organization.role).toBe('member');
    const res = await page.request.patch(`${server.url}/api/v1/orgs/${me.organization.id}`, {
      headers: { 'if-match': '*', 'x-csrf-token': me.csrfToken },
      data: { name: 'Taken over' },
    });
    expect(res.status()).toBe(403);
    expect(res.headers()['content-type']).toMatch(/^application\/problem\+json/);
    expect(b.errors).toEqual([]);
  });
});
