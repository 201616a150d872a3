// The deal pages with bad input (each problem shown at its field, from the page's own check or
// the server's), circles (invite, join, shared pipeline), and WCAG AA text contrast on every new
// page, error states included.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_AVAILABLE,
  launchBrowser,
  screenshot,
  type BrowserSession,
} from './support/browser.ts';
import { DEMO_SIGN_IN, startCircles, type CirclesServer } from './support/circles-server.ts';
import { contrastIssues, installContrastAudit } from './support/contrast-audit.ts';
import {
  apiSignIn,
  apiSignUp,
  ownOrgName,
  partnerRow,
  requestPartnership,
  signUpOrg,
  textOf,
  type SecondOrg,
} from './support/deals.ts';
import { fieldError, horizontalOverflow, signIn, waitForResults } from './support/pages.ts';

const GAMMA: SecondOrg = {
  name: 'Gamma Cloud Partners AB',
  email: 'owner@gamma-cloud.example',
  password: 'gamma-partners-2026',
};

/** Waits for the page to settle, then asserts no text on it fails WCAG AA contrast. */
async function expectContrast(page: Page, what: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect(await contrastIssues(page), what).toEqual([]);
}

/** Waits until the field's error says `text` (a server answer replaces the page's own check). */
async function errorWith(page: Page, path: string, text: string): Promise<void> {
  await page.locator(`[data-error-for="${path}"]`, { hasText: text }).waitFor();
}

/** The id of the focused element. */
const focused = (page: Page): Promise<string | undefined> =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document
        .activeElement?.id,
  );

describe.skipIf(!CHROMIUM_AVAILABLE)('deal pages: bad input, circles, contrast (browser)', () => {
  let server: CirclesServer;
  let a: BrowserSession;
  let b: BrowserSession;
  let alpha = '';
  let agreementUrl = '';
  let referralUrl = '';

  beforeAll(async () => {
    server = await startCircles({ orgs: 60 });
    [a, b] = await Promise.all([launchBrowser(), launchBrowser()]);
    await installContrastAudit(a.context);
    await installContrastAudit(b.context);
    await signIn(a.page, server.url, DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    alpha = await ownOrgName(a.page);
    await signUpOrg(b.page, server.url, GAMMA);
    await requestPartnership(a.page, server.url, GAMMA.name);
    await b.page.goto(`${server.url}/partners`);
    await expectContrast(b.page, 'partners with a request');
    await partnerRow(b.page, 'Requests to you', alpha)
      .getByRole('button', { name: 'Accept' })
      .click();
    await b.page.getByText('Partnership accepted.').waitFor();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.close();
  });

  it('agreement terms: typing mistakes and out-of-range values are shown at their fields', async () => {
    const { page } = a;
    await page.goto(`${server.url}/partners`);
    await expectContrast(page, 'partners');
    await partnerRow(page, 'Active partners', GAMMA.name)
      .getByRole('link', { name: `Agreements with ${GAMMA.name}` })
      .click();
    await page.getByRole('button', { name: 'Start from the template' }).click();

    await page.getByLabel('Fee rate (%)').fill('ten');
    await page.getByLabel('Payment days').fill('thirty');
    await page.getByRole('button', { name: 'Propose agreement' }).click();
    expect(await fieldError(page, 'fee.rate')).toContain('A percentage such as 10');
    expect(await fieldError(page, 'paymentDays')).toBe('Must be a whole number');
    await expectContrast(page, 'agreement editor with local errors');
    await screenshot(page, 'deals-agreement-editor-errors');

    // Well-formed but out of range: the server's rules, at the same fields.
    await page.getByLabel('Fee rate (%)').fill('150');
    await page.getByLabel('Payment days').fill('400');
    await page.getByLabel('Duration (months)').fill('');
    await page.getByRole('button', { name: 'Propose agreement' }).click();
    await errorWith(page, 'fee.rate', 'from 1 to 10000 basis points');
    await errorWith(page, 'paymentDays', 'from 0 to 365');
    const summary = page.getByRole('alert').filter({ hasText: 'Fee rate' });
    expect(await textOf(summary)).toContain('Payment days');
    await page.getByRole('link', { name: /^Payment days:/ }).click();
    expect(await focused(page)).toBe('f-paymentDays');

    // Fixed: proposed; "until either side ends it" shows for the empty duration.
    await page.getByLabel('Fee rate (%)').fill('12.5');
    await page.getByLabel('Payment days').fill('30');
    await page.getByRole('button', { name: 'Propose agreement' }).click();
    await page.getByRole('heading', { name: /Version 1 proposed by/ }).waitFor();
    agreementUrl = page.url();
    expect(await textOf(page.getByRole('definition').filter({ hasText: '12.5 %' }))).toBe('12.5 %');
    expect(await page.getByText('Until either side ends it').count()).toBe(1);
    await expectContrast(page, 'agreement with an open proposal');

    // The other side accepts; the proposer's accept stays disabled until then.
    await b.page.goto(agreementUrl);
    await b.page.getByRole('button', { name: 'Accept version 1' }).click();
    await b.page.getByRole('heading', { name: 'Terms in force (version 1)' }).waitFor();
    await expectContrast(b.page, 'agreement in force');

    // A proposal can be declined by the other side and withdrawn by its proposer.
    for (const [proposer, decider, action, done] of [
      [b.page, page, 'Decline', 'Version 2 declined.'],
      [page, page, 'Withdraw', 'Version 3 withdrawn.'],
    ] as const) {
      await proposer.goto(agreementUrl);
      await proposer.getByRole('button', { name: 'Propose a change' }).click();
      await proposer.getByLabel('Fee rate (%)').fill('15');
      await proposer.getByRole('button', { name: 'Propose new version' }).click();
      await proposer.getByRole('heading', { name: /Version \d proposed by/ }).waitFor();
      await decider.goto(agreementUrl);
      await decider.getByRole('button', { name: new RegExp(`^${action} version \\d$`) }).click();
      await decider.getByRole('status').filter({ hasText: done }).waitFor();
    }
    const history = page.getByRole('table', { name: 'Versions of this agreement' });
    expect(await textOf(history)).toContain('declined');
    expect(await textOf(history)).toContain('withdrawn');
    await page.getByRole('heading', { name: 'Terms in force (version 1)' }).waitFor();
    expect(a.errors).toEqual([]);
  });

  it('opportunity form: required fields, then the server’s own checks; hostile text stays text', async () => {
    const { page } = a;
    await page.goto(`${server.url}/opportunities/new`);
    await page.getByRole('button', { name: 'Save opportunity' }).click();
    expect(await fieldError(page, 'customerName')).toBe('Required');
    expect(await fieldError(page, 'customerDomain')).toContain('Required');
    expect(await fieldError(page, 'value.amount')).toContain('An amount in EUR');
    expect(await fieldError(page, 'expectedCloseDate')).toContain('Must be a date');
    await expectContrast(page, 'opportunity form with errors');
    await screenshot(page, 'deals-opportunity-form-errors');

    const hostile = '<img src=x onerror="window.__pwned=1"> Fabrikam';
    await page.getByLabel('Customer name').fill(hostile);
    await page.getByLabel('Customer domain').fill('not a domain');
    await page.getByLabel('Value', { exact: true }).fill('12,500.50');
    await page.getByLabel('Expected close date').fill('2027-01-15');
    await page.getByLabel('Network').check();
    await page.getByRole('button', { name: 'Save opportunity' }).click();
    await errorWith(page, 'customerDomain', 'No registrable domain');
    await errorWith(page, 'description', 'Describe the need');

    await page.getByLabel('Customer domain').fill('https://www.fabrikam.example/about');
    await page.getByLabel('Description').fill('Dynamics 365 rollout in three countries');
    await page.getByRole('button', { name: 'Save opportunity' }).click();
    await page.getByRole('heading', { name: 'Refer to a partner' }).waitFor();
    const facts = page.locator('dl[aria-label="Opportunity"]');
    expect(await textOf(facts)).toContain(`${hostile} (fabrikam.example)`);
    expect(await textOf(facts)).toContain('EUR 12,500.50');
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await expectContrast(page, 'opportunity');

    // Referring without choosing a partner is caught before sending.
    await page.getByRole('button', { name: 'Send referral' }).click();
    expect(await fieldError(page, 'toOrgId')).toBe('Choose a partner');
    await page.getByLabel('Partner', { exact: true }).selectOption({ label: GAMMA.name });
    await page.getByTestId('pinned-agreement').getByText('version 1 in force').waitFor();
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.getByRole('heading', { name: `Referral to ${GAMMA.name}` }).waitFor();
    await expectContrast(page, 'referral as sender');
    expect(await page.getByRole('button', { name: 'Accept referral' }).count()).toBe(0); // the receiver's move
    referralUrl = page.url();

    // Declining needs a reason: refused at the field, then done.
    await b.page.goto(`${server.url}/inbox`);
    await expectContrast(b.page, 'inbox');
    await b.page.goto(referralUrl);
    await b.page.getByRole('button', { name: 'Decline referral' }).click();
    expect(await fieldError(b.page, 'statusReason')).toContain('A reason is required');
    await expectContrast(b.page, 'referral with a decline error');
    await b.page.getByLabel('Reason for declining').fill('No capacity before spring');
    await b.page.getByRole('button', { name: 'Decline referral' }).click();
    await b.page.getByText('Saved: now Closed · Declined.').waitFor();
    await b.page.getByText('Reason: No capacity before spring', { exact: true }).waitFor();
    await expectContrast(b.page, 'closed referral');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('a second introducer of the same customer to the same partner is flagged on both referrals', async () => {
    // Delta, another partner of Gamma, registers fabrikam.example with Gamma after Alpha did.
    const delta = await apiSignUp(server.url, {
      name: 'Delta Data Partners Oy',
      email: 'owner@delta-data.example',
      password: 'delta-partners-2026',
    });
    const gamma = await apiSignIn(server.url, GAMMA);
    const p = await delta.call<{ id: string }>('POST', '/partnerships', { orgId: gamma.orgId });
    await gamma.call('POST', `/partnerships/${p.id}/accept`);
    const o = await delta.call<{ id: string }>('POST', '/opportunities', {
      description: 'Same customer, registered again',
      customerName: 'Fabrikam',
      customerDomain: 'fabrikam.example',
      value: { amount: 900_000, currency: 'EUR' },
      expectedCloseDate: '2027-02-01',
      visibility: 'private',
    });
    const claim = await delta.call<{ id: string }>('POST', '/referrals', {
      opportunityId: o.id,
      toOrgId: gamma.orgId,
      arrangementType: 'referral',
      estimatedCloseDate: '2027-02-01',
    });

    // Alpha's earlier referral says it holds the first stamp and names the later claimant.
    await a.page.goto(referralUrl);
    await a.page
      .getByRole('alert')
      .filter({ hasText: 'Attribution conflict' })
      .filter({ hasText: 'Delta Data Partners Oy registered fabrikam.example' })
      .waitFor();
    await a.page.locator('li[data-event-type="attribution.conflict"]').waitFor();
    await expectContrast(a.page, 'referral with a conflict');

    // Gamma sees the claim flagged too, with Alpha's earlier stamp.
    await b.page.goto(`${server.url}/referrals/${claim.id}`);
    await b.page
      .getByRole('alert')
      .filter({ hasText: 'Attribution conflict' })
      .filter({ hasText: `introduced to this partner earlier, by ${alpha}` })
      .waitFor();
    await b.page.getByText(/Verified chain/).waitFor();
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('circles: create, invite, join; an opportunity shared with the circle is in its pipeline', async () => {
    const { page } = a;
    await page.goto(`${server.url}/circles`);
    await page.getByRole('button', { name: 'Create circle' }).click();
    expect(await fieldError(page, 'name')).toBe('Required');
    await expectContrast(page, 'circles with an error');
    await page.getByLabel('Circle name').fill('Nordic Cloud Circle');
    await page.getByLabel('What it is for').fill('Azure partners around the Baltic');
    await page.getByRole('button', { name: 'Create circle' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nordic Cloud Circle' }).waitFor();
    const circleUrl = page.url();
    await page.getByLabel('Find an organization to invite').fill(GAMMA.name);
    await page.getByRole('button', { name: `Choose ${GAMMA.name}` }).click();
    await page.getByText(`${GAMMA.name} is invited.`).waitFor();
    await page
      .getByRole('table', { name: 'Invitations waiting for an answer' })
      .getByText(GAMMA.name)
      .waitFor();
    await expectContrast(page, 'circle');

    await b.page.goto(`${server.url}/circles`);
    await b.page.getByRole('button', { name: 'Join Nordic Cloud Circle' }).click();
    await b.page.getByRole('link', { name: 'Nordic Cloud Circle' }).click();
    await b.page.getByRole('table', { name: 'Members' }).getByText(GAMMA.name).waitFor();

    await page.goto(`${server.url}/opportunities/new`);
    await page.getByLabel('Description').fill('Copilot adoption programme for a retailer');
    await page.getByLabel('Customer name').fill('Tailspin Retail');
    await page.getByLabel('Customer domain').fill('tailspin-retail.example');
    await page.getByLabel('Hide the customer’s name and domain from other organizations').check();
    await page.getByLabel('Value', { exact: true }).fill('40000');
    await page.getByLabel('Expected close date').fill('2027-06-30');
    await page.getByLabel('A circle').check();
    await page.getByLabel('Circle that sees it').selectOption({ label: 'Nordic Cloud Circle' });
    await page.getByRole('button', { name: 'Save opportunity' }).click();
    await page.getByRole('heading', { name: 'Refer to a partner' }).waitFor();

    await b.page.goto(circleUrl);
    const pipeline = b.page.getByRole('table', { name: 'Opportunities shared with the circle' });
    const row = pipeline.getByRole('row').filter({ hasText: 'Copilot adoption' });
    expect(await textOf(row)).toContain('Hidden customer');
    expect(await textOf(row)).not.toContain('Tailspin');
    expect(await textOf(row)).toContain('EUR 40,000');
    await expectContrast(b.page, 'circle pipeline');
    await b.page.goto(`${server.url}/fees`);
    await expectContrast(b.page, 'empty fee ledger');
    await b.page.goto(`${server.url}/reports?groupBy=country`);
    await b.page.getByRole('heading', { name: 'P2P report' }).waitFor();
    await expectContrast(b.page, 'report');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('"Partner up" on a profile sends a request; the deal pages fit a phone screen', async () => {
    await b.page.goto(`${server.url}/directory`);
    await waitForResults(b.page);
    const first = b.page
      .getByRole('list', { name: 'Partners' })
      .getByRole('link')
      .filter({ hasNotText: alpha })
      .filter({ hasNotText: GAMMA.name })
      .first();
    const name = await textOf(first);
    await first.click();
    await b.page.getByRole('heading', { level: 1, name }).waitFor();
    await b.page.getByRole('button', { name: `Partner up with ${name}` }).click();
    await b.page.getByText('Partnership requested').waitFor();
    await expectContrast(b.page, 'profile after "Partner up"');
    await b.page.goto(`${server.url}/partners`);
    await partnerRow(b.page, 'Requests you sent, waiting for an answer', name).waitFor();

    const phone = await launchBrowser({ viewport: { width: 390, height: 844 } });
    try {
      await signIn(phone.page, server.url, GAMMA.email, GAMMA.password);
      for (const path of [
        '/partners',
        '/inbox',
        '/opportunities/new',
        '/circles',
        '/fees',
        '/reports',
      ]) {
        await phone.page.goto(`${server.url}${path}`);
        await phone.page.getByRole('heading', { level: 1 }).waitFor();
        await phone.page.waitForLoadState('networkidle');
        expect(await horizontalOverflow(phone.page), path).toBe(0);
      }
      for (const url of [agreementUrl, referralUrl]) {
        await phone.page.goto(url);
        await phone.page.getByRole('heading', { level: 1 }).waitFor();
        await phone.page.waitForLoadState('networkidle');
        expect(await horizontalOverflow(phone.page), url).toBe(0);
      }
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
    expect(b.errors).toEqual([]);
  });
});
