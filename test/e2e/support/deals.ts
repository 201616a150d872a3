// Steps of the deal-flow browser suites: a second organization signed up in its own browser,
// partnering, agreeing, referring. Each step acts as a person would, through the pages.
import type { Page } from 'playwright-core';

export interface SecondOrg {
  name: string;
  email: string;
  password: string;
}

/** Signs up a new organization (its owner) in `page`; ends on the directory. */
export async function signUpOrg(page: Page, base: string, org: SecondOrg): Promise<void> {
  await page.goto(`${base}/sign-up`);
  await page.getByLabel('Your name').fill(`Owner of ${org.name}`);
  await page.getByLabel('Work email').fill(org.email);
  await page.getByLabel('Password').fill(org.password);
  await page.getByLabel('Organization name').fill(org.name);
  await page.getByLabel('Website').fill(`https://${org.email.split('@')[1] ?? 'example.org'}`);
  await page.getByLabel('Headquarters country').selectOption('DE');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/directory$/);
}

/** The organization the signed-in user acts for, as the header shows it. */
export async function ownOrgName(page: Page): Promise<string> {
  const select = page.getByLabel('Organization you act for');
  if ((await select.count()) > 0) {
    const text = (await select.locator('option:checked').textContent()) ?? '';
    return text.replace(/\s*\([^)]*\)$/, '');
  }
  return ((await page.locator('.app-user strong').textContent()) ?? '').trim();
}

/** From the partners page: finds `name` in the directory picker and sends a partnership request. */
export async function requestPartnership(page: Page, base: string, name: string): Promise<void> {
  await page.goto(`${base}/partners`);
  await page.getByLabel('Find an organization').fill(name);
  await page.getByRole('button', { name: `Choose ${name}` }).click();
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.getByText(`Request sent to ${name}.`).waitFor();
}

/** The partners page's row of `name` in the table captioned `caption`. */
export function partnerRow(page: Page, caption: string, name: string) {
  return page.getByRole('table', { name: caption }).getByRole('row').filter({ hasText: name });
}

/** The text of every event in the referral timeline, oldest first. */
export async function timelineTexts(page: Page): Promise<string[]> {
  const items = page.getByRole('list', { name: 'Events, oldest first' }).getByRole('listitem');
  await items.first().waitFor();
  return (await items.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** A link of the main navigation. */
export const navLink = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

/** Opens a deal page (Partners, Circles, Opportunities, Fees, Report) from the nav's Deals menu. */
export async function openDealsPage(page: Page, name: string): Promise<void> {
  const deals = page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Deals' });
  if ((await deals.getAttribute('aria-expanded')) !== 'true') await deals.click();
  await navLink(page, name).click();
}

/** An element's text with every run of white space (including the no-break spaces of money) as one space. */
export async function textOf(locator: { textContent(): Promise<string | null> }): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** A third party acting through the HTTP API with a bearer token (set-up the pages do not need to show). */
export interface ApiActor {
  orgId: string;
  call<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
}

async function actorFrom(base: string, res: Response): Promise<ApiActor> {
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const signed = (await res.json()) as { token: string; organization: { id: string } };
  return {
    orgId: signed.organization.id,
    call: async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
      const r = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${signed.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}

export async function apiSignUp(base: string, org: SecondOrg): Promise<ApiActor> {
  const res = await fetch(`${base}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: org.email,
      password: org.password,
      name: `Owner of ${org.name}`,
      organization: { name: org.name, hqCountry: 'SE' },
    }),
  });
  return actorFrom(base, res);
}

export async function apiSignIn(base: string, org: SecondOrg): Promise<ApiActor> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: org.email, password: org.password }),
  });
  return actorFrom(base, res);
}
