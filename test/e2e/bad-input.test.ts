// Bad input in a real browser: API problem+json field errors land next to the fields they name,
// and a stale edit (412) is explained and can be reapplied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_AVAILABLE,
  launchBrowser,
  screenshot,
  type BrowserSession,
} from './support/browser.ts';
import { DEMO_SIGN_IN, startCircles, type CirclesServer } from './support/circles-server.ts';
import { fieldError, focusedId, signIn } from './support/pages.ts';

describe.skipIf(!CHROMIUM_AVAILABLE)('bad input (browser)', () => {
  let server: CirclesServer;
  let b: BrowserSession;

  beforeAll(async () => {
    server = await startCircles({ orgs: 60 });
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('sign-up shows the server’s field errors next to each field', async () => {
    const { page } = b;
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel('Your name').fill('Bo');
    await page.getByLabel('Work email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByLabel('Organization name').fill('X');
    await page.getByRole('button', { name: 'Create account' }).click();

    expect(await fieldError(page, 'email')).toContain('Not a valid email address');
    expect(await fieldError(page, 'password')).toContain('At least 10 characters');
    expect(await fieldError(page, 'organization.name')).toContain('At least 2 characters');
    expect(await fieldError(page, 'organization.hqCountry')).toMatch(/ISO 3166-1/);
    expect(await page.getByLabel('Work email').getAttribute('aria-invalid')).toBe('true');
    // The summary links each problem to its field.
    const summary = page.getByRole('alert').filter({ hasText: 'We could not create your account' });
    await summary.getByRole('link', { name: /Work email/ }).click();
    expect(await focusedId(page)).toBe(await page.getByLabel('Work email').getAttribute('id'));
    await screenshot(page, 'sign-up-errors');
  });

  it('a wrong password is refused without saying which half was wrong', async () => {
    const { page } = b;
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(DEMO_SIGN_IN.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sign-in failed' }).waitFor();
    expect(page.url()).toMatch(/\/sign-in$/);
  });

  it('the profile form flags bad values by field, from the shared schema and the server’s rules', async () => {
    const { page } = b;
    await signIn(page, server.url, DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    await page.getByRole('link', { name: 'My organization' }).click();
    await page.getByRole('heading', { name: 'Basics' }).waitFor();

    await page.getByLabel('Organization name').fill('X');
    await page.getByLabel('Website').fill('not a url');
    await page.getByLabel('Founded').fill('nineteen-ninety');
    await page.getByRole('button', { name: 'Add a rate' }).click();
    await page.getByLabel('Role').last().fill('Architect');
    await page.getByLabel('Day rate').last().fill('lots');
    await page.getByRole('button', { name: 'Save profile' }).click();
    expect(await fieldError(page, 'name')).toContain('At least 2 characters');
    expect(await fieldError(page, 'foundedYear')).toContain('A whole number');
    const rate = await page.locator('[data-error-for$="dayRate.amount"]').last().textContent();
    expect(rate).toContain('An amount such as 1200');

    // Shape is fine now, but the year breaks a business rule only the server knows.
    await page.getByLabel('Organization name').fill('Renamed Partner Ltd');
    await page.getByLabel('Website').fill('');
    await page.getByLabel('Founded').fill('1700');
    await page.getByLabel('Day rate').last().fill('900');
    await page.getByRole('button', { name: 'Save profile' }).click();
    expect(await fieldError(page, 'foundedYear')).toMatch(/Must be between 1800 and \d{4}/);
    await screenshot(page, 'profile-errors');

    await page.getByLabel('Founded').fill('1999');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText(/Profile saved/).waitFor();
  });

  it('a stale save (412) is explained, and the edit can be reapplied on the latest version', async () => {
    const { page } = b;
    await page.goto(`${server.url}/my-org`);
    await page.getByRole('heading', { name: 'Basics' }).waitFor();
    await page
      .getByLabel('Description')
      .fill('Our edit, made while a colleague was saving theirs.');

    // A colleague saves first (same org, through the API, with the session's CSRF token).
    const me = (await (await page.request.get(`${server.url}/api/v1/me`)).json()) as {
      csrfToken: string;
      organization: { id: string };
    };
    const theirs = await page.request.patch(`${server.url}/api/v1/orgs/${me.organization.id}`, {
      headers: { 'if-match': '*', 'x-csrf-token': me.csrfToken },
      data: { capacity: { availableConsultants: 42, bench: 3 } },
    });
    expect(theirs.status()).toBe(200);

    await page.getByRole('button', { name: 'Save profile' }).click();
    const conflict = page
      .getByRole('alert')
      .filter({ hasText: 'Someone else saved this profile while you were editing' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('They changed: Capacity');
    await screenshot(page, 'profile-conflict');
    await conflict.getByRole('button', { name: 'Reload and reapply my changes' }).click();
    expect(await page.getByLabel('Consultants available').inputValue()).toBe('42');
    expect(await page.getByLabel('Description').inputValue()).toContain('Our edit');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText(/Profile saved/).waitFor();

    const saved = (await (
      await page.request.get(`${server.url}/api/v1/orgs/${me.organization.id}`)
    ).json()) as {
      description: string;
      capacity: { availableConsultants: number };
    };
    expect(saved.description).toContain('Our edit');
    expect(saved.capacity.availableConsultants).toBe(42);
    expect(b.errors).toEqual([]);
  });
});
