// Keyboard use and colour contrast on the main pages, in a real browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_AVAILABLE, launchBrowser, type BrowserSession } from './support/browser.ts';
import { DEMO_SIGN_IN, startCircles, type CirclesServer } from './support/circles-server.ts';
import { contrastIssues, installContrastAudit } from './support/contrast-audit.ts';
import { focusedId, focusedText, signIn, waitForResults } from './support/pages.ts';

describe.skipIf(!CHROMIUM_AVAILABLE)('accessibility (browser)', () => {
  let server: CirclesServer;
  let b: BrowserSession;

  beforeAll(async () => {
    server = await startCircles({ orgs: 120 });
    b = await launchBrowser();
    await installContrastAudit(b.context);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('text on every main page meets WCAG AA contrast', async () => {
    const { page } = b;
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).click(); // empty form: error states too
    await page.getByRole('alert').waitFor();
    expect(await contrastIssues(page)).toEqual([]);

    await signIn(page, server.url, DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    await page.goto(`${server.url}/directory?teaming=yes`);
    await waitForResults(page);
    expect(await contrastIssues(page)).toEqual([]);

    await page.getByRole('list', { name: 'Partners' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Capabilities' }).waitFor();
    expect(await contrastIssues(page)).toEqual([]);

    for (const path of ['/my-org', '/my-org/members', '/my-org/tokens', '/my-org/audit']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('navigation', { name: 'Sections' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await contrastIssues(page), path).toEqual([]);
    }
  });

  it('works from the keyboard: skip link, search, facets, results, pickers', async () => {
    const { page } = b;
    await page.goto(`${server.url}/directory`);
    await waitForResults(page);
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('main');

    // Search box, then into the first facet group; Space ticks a checkbox.
    await page.getByLabel('Search partners').focus();
    await page.keyboard.type('cloud');
    await page.waitForURL(/q=cloud/);
    await waitForResults(page);
    const firstCountry = page
      .getByRole('group', { name: 'Countries served' })
      .getByRole('checkbox')
      .first();
    await firstCountry.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/country=/);
    await waitForResults(page);
    expect(await firstCountry.isChecked()).toBe(true);

    // A result opens with Enter.
    const result = page.getByRole('list', { name: 'Partners' }).getByRole('link').first();
    const name = (await result.textContent()) ?? '';
    await result.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor();

    // The vocabulary picker: type, arrow down, Enter adds; Backspace on an empty box removes.
    await page.goto(`${server.url}/my-org`);
    const services = page.getByRole('combobox', { name: 'Services', exact: true });
    await services.focus();
    const before = await page.getByRole('button', { name: /^Remove / }).count();
    let service = '';
    for (const candidate of [
      'Hardware',
      'Licensing',
      'IP services',
      'Learning and certification',
      'Project services',
    ]) {
      if (
        (await page.getByRole('button', { name: `Remove ${candidate}`, exact: true }).count()) === 0
      ) {
        service = candidate;
        break;
      }
    }
    await page.keyboard.type(service);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Remove ${service}`, exact: true }).waitFor();
    await page.keyboard.press('Backspace');
    await page
      .getByRole('button', { name: `Remove ${service}`, exact: true })
      .waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(before);
    expect(b.errors).toEqual([]);
  });
});
