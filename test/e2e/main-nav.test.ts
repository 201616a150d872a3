// The header navigation in a real browser: one line at 1280 px, the deal pages under a "Deals"
// disclosure menu that works from the keyboard, and a menu that stays on screen on a phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_AVAILABLE,
  launchBrowser,
  screenshot,
  type BrowserSession,
} from './support/browser.ts';
import { DEMO_SIGN_IN, startCircles, type CirclesServer } from './support/circles-server.ts';
import { navLink } from './support/deals.ts';
import { focusedText, horizontalOverflow, signIn } from './support/pages.ts';

describe.skipIf(!CHROMIUM_AVAILABLE)('main navigation (browser)', () => {
  let server: CirclesServer;
  let b: BrowserSession;

  beforeAll(async () => {
    server = await startCircles({ orgs: 20 });
    b = await launchBrowser({ viewport: { width: 1280, height: 800 } });
    await signIn(b.page, server.url, DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('fits on one line at 1280 px; the Deals menu opens, closes on Escape and navigates', async () => {
    const { page } = b;
    const nav = page.getByRole('navigation', { name: 'Main' });
    const deals = nav.getByRole('button', { name: 'Deals' });
    await deals.waitFor();

    // One line: the nav is no taller than one of its links, and the brand sits on the same row.
    const navBox = await nav.boundingBox();
    const linkBox = await navLink(page, 'Directory').boundingBox();
    const brandBox = await page.locator('.brand').boundingBox();
    expect(navBox && linkBox && brandBox).toBeTruthy();
    expect(navBox!.height).toBeLessThan(linkBox!.height * 1.5);
    expect(
      Math.abs(navBox!.y + navBox!.height / 2 - (brandBox!.y + brandBox!.height / 2)),
    ).toBeLessThan(8);

    // Closed: the deal links are not offered until the menu opens.
    expect(await deals.getAttribute('aria-expanded')).toBe('false');
    expect(await navLink(page, 'Opportunities').count()).toBe(0);

    // Keyboard: Enter opens, Escape closes and leaves focus on the button; Tab reaches the links.
    await deals.focus();
    await page.keyboard.press('Enter');
    expect(await deals.getAttribute('aria-expanded')).toBe('true');
    await navLink(page, 'Opportunities').waitFor();
    await page.keyboard.press('Escape');
    expect(await deals.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedText(page)).toBe('Deals');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Partners');

    // Navigating closes the menu; the page's link and the Deals button both say where we are.
    await navLink(page, 'Opportunities').click();
    await page.waitForURL(/\/opportunities$/);
    expect(await deals.getAttribute('aria-expanded')).toBe('false');
    expect(await deals.getAttribute('aria-current')).toBe('true');
    await deals.click();
    expect(await navLink(page, 'Opportunities').getAttribute('aria-current')).toBe('page');
    await screenshot(page, 'nav-deals-menu', { fullPage: false });
    await page.mouse.click(1000, 600); // a click elsewhere closes it too
    expect(await deals.getAttribute('aria-expanded')).toBe('false');
    await navLink(page, 'Directory').click();
    await page.waitForURL(/\/directory$/);
    expect(await deals.getAttribute('aria-current')).toBeNull();
    expect(b.errors).toEqual([]);
  });

  it('on a phone the open menu stays inside the screen', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 375, height: 740 });
    const deals = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Deals' });
    await deals.click();
    const report = navLink(page, 'Report');
    await report.waitFor();
    const box = await report.boundingBox();
    expect(box).toBeTruthy();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'nav-deals-menu-phone', { fullPage: false });
    await report.click();
    await page.waitForURL(/\/reports$/);
    expect(b.errors).toEqual([]);
  });
});
