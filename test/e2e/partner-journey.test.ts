// The main journey in a real browser: sign up, fill in the profile, find partners with two
// facets, open one, sign out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_AVAILABLE,
  launchBrowser,
  screenshot,
  type BrowserSession,
} from './support/browser.ts';
import { startCircles, type CirclesServer } from './support/circles-server.ts';
import {
  checkFacet,
  horizontalOverflow,
  pick,
  resultCount,
  waitForResults,
} from './support/pages.ts';

describe.skipIf(!CHROMIUM_AVAILABLE)('partner journey (browser)', () => {
  let server: CirclesServer;
  let b: BrowserSession;

  beforeAll(async () => {
    server = await startCircles({ orgs: 300 });
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('sign-up → edit profile → search with two facets → open a profile → sign out', async () => {
    const { page } = b;

    // A signed-out visitor is sent to sign-in, and from there to sign-up.
    await page.goto(`${server.url}/directory`);
    await page.waitForURL(/\/sign-in\?next=%2Fdirectory$/);
    await screenshot(page, 'sign-in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(/\/sign-up$/);
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Work email').fill('ada@analytical.example');
    await page.getByLabel('Password').fill('difference-engine-1843');
    await page.getByLabel('Organization name').fill('Analytical Engines GmbH');
    await page.getByLabel('Website').fill('https://analytical.example');
    await page.getByLabel('Headquarters country').selectOption('DE');
    await screenshot(page, 'sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/directory$/);
    await waitForResults(page);
    expect(await page.locator('.app-user').textContent()).toContain('Analytical Engines GmbH');

    // Edit the profile: vocabulary pickers, teaming, capacity, a rate and an office.
    await page.getByRole('link', { name: 'My organization' }).click();
    await page.getByRole('heading', { name: 'Basics' }).waitFor();
    await page.getByLabel('Employees').selectOption('10-49');
    await page.getByLabel('Founded').fill('1843');
    await page
      .getByLabel('Description')
      .fill('Data platforms and integration for German manufacturers.');
    await pick(page, 'Partner types', 'Systems integrator');
    await pick(page, 'Services', 'Integration');
    await pick(page, 'Services', 'Deployment or migration');
    await pick(page, 'Industries', 'Manufacturing');
    await pick(page, 'Languages', 'German');
    await page.getByLabel('We are open to teaming with other partners').check();
    await page.getByLabel('What you are looking for').fill('A Dynamics 365 partner in the Nordics');
    await page.getByLabel('Consultants available').fill('6');
    await page.getByRole('button', { name: 'Add a rate' }).click();
    await page.getByLabel('Role').fill('Data architect');
    await page.getByLabel('Day rate').fill('1150');
    await page.getByRole('button', { name: 'Add an office' }).click();
    await page.getByRole('textbox', { name: 'City', exact: true }).fill('Berlin');
    await page.locator('select[name="offices[0].country"]').selectOption('DE');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText(/Profile saved \(version \d+\)/).waitFor();
    await screenshot(page, 'my-organization-profile');

    // Search with two facets; the URL carries them.
    await page.getByRole('link', { name: 'Directory' }).click();
    await waitForResults(page);
    const everyone = await resultCount(page);
    await checkFacet(page, 'Countries served', 'Germany');
    await waitForResults(page);
    const inGermany = await resultCount(page);
    // Other countries stay on offer (counted as if the country filter were off), for "Germany or Austria".
    const countries = page.getByRole('group', { name: 'Countries served' });
    await countries.getByRole('searchbox').fill('');
    expect(await countries.getByRole('checkbox').count()).toBeGreaterThan(1);
    await checkFacet(page, 'Services', 'Integration');
    await waitForResults(page);
    const both = await resultCount(page);
    expect(page.url()).toMatch(/[?&]country=DE(&|$)/);
    expect(page.url()).toMatch(/[?&]service=Integration(&|$)/);
    expect(inGermany).toBeLessThan(everyone);
    expect(both).toBeGreaterThan(0);
    expect(both).toBeLessThanOrEqual(inGermany);
    const chips = page.getByRole('group', { name: 'Active filters' });
    expect(await chips.textContent()).toContain('Germany');
    expect(await chips.textContent()).toContain('Integration');

    // Text narrows further, as you type; our own fresh profile is found.
    await page.getByLabel('Search partners').pressSequentially('Analytical', { delay: 30 });
    await page.waitForURL(/q=Analytical/);
    await waitForResults(page);
    await page.getByRole('link', { name: 'Analytical Engines GmbH' }).waitFor();
    await screenshot(page, 'directory-search');

    // The address is shareable: opening it afresh shows the same search.
    const shared = page.url();
    await page.goto(shared);
    await waitForResults(page);
    expect(
      await page
        .getByRole('group', { name: 'Services' })
        .getByRole('checkbox', { name: 'Integration' })
        .isChecked(),
    ).toBe(true);
    expect(await page.getByLabel('Search partners').inputValue()).toBe('Analytical');

    // Open another partner's profile from the two-facet search.
    await page.getByLabel('Search partners').fill('');
    await page.waitForURL((u) => !u.search.includes('q='));
    await waitForResults(page);
    const first = page
      .getByRole('list', { name: 'Partners' })
      .getByRole('link')
      .filter({ hasNotText: 'Analytical Engines' })
      .first();
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.getByRole('list', { name: 'Countries served' }).textContent()).toContain(
      'Germany',
    );
    expect(await page.getByRole('list', { name: 'Services' }).textContent()).toContain(
      'Integration',
    );
    for (const section of [
      'Capabilities',
      'Reach',
      'Rate card',
      'Offices',
      'Microsoft partner programme',
    ]) {
      await page.getByRole('heading', { name: section }).waitFor();
    }
    await screenshot(page, 'partner-profile');

    // Back keeps the search; sign out ends the session for real.
    await page.goBack();
    await waitForResults(page);
    expect(await resultCount(page)).toBe(both);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(`${server.url}/my-org`);
    await page.waitForURL(/\/sign-in\?next=%2Fmy-org$/);
    expect(b.errors).toEqual([]);
  });

  it('works at phone width: filters fold away behind a button', async () => {
    const phone = await launchBrowser({ viewport: { width: 390, height: 844 } });
    try {
      const { page } = phone;
      await page.goto(`${server.url}/sign-in`);
      await page.getByLabel('Email').fill('ada@analytical.example');
      await page.getByLabel('Password').fill('difference-engine-1843');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await waitForResults(page);
      expect(await page.getByRole('group', { name: 'Countries served' }).isVisible()).toBe(false);
      await page.getByRole('button', { name: /^Filters/ }).click();
      await checkFacet(page, 'Countries served', 'Germany');
      await waitForResults(page);
      expect(page.url()).toContain('country=DE');
      // Nothing wider than the screen: no sideways scrolling of the whole page.
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'directory-phone', { fullPage: false });
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
