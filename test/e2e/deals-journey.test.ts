// The deal flow in two real browsers, one per organization: they partner up, agree a referral
// agreement at 10 %, one refers an opportunity, the other accepts and wins it, and both read the
// same verified timeline. A concurrent change (412) is shown and can be reapplied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_AVAILABLE,
  launchBrowser,
  screenshot,
  type BrowserSession,
} from './support/browser.ts';
import { DEMO_SIGN_IN, startCircles, type CirclesServer } from './support/circles-server.ts';
import {
  navLink,
  openDealsPage,
  textOf,
  ownOrgName,
  partnerRow,
  requestPartnership,
  signUpOrg,
  timelineTexts,
  type SecondOrg,
} from './support/deals.ts';
import { signIn } from './support/pages.ts';

const BETA: SecondOrg = {
  name: 'Beta Referral Partners GmbH',
  email: 'owner@beta-referral.example',
  password: 'beta-partners-2026',
};

describe.skipIf(!CHROMIUM_AVAILABLE)('deal journey (browser)', () => {
  let server: CirclesServer;
  let a: BrowserSession; // the demo organization: refers
  let b: BrowserSession; // a newly signed-up organization: receives
  let alpha = '';
  let referralUrl = '';

  beforeAll(async () => {
    server = await startCircles({ orgs: 60 });
    [a, b] = await Promise.all([launchBrowser(), launchBrowser()]);
    await signIn(a.page, server.url, DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    alpha = await ownOrgName(a.page);
    await signUpOrg(b.page, server.url, BETA);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.close();
  });

  it('partner up: one asks from the partners page, the other accepts', async () => {
    await requestPartnership(a.page, server.url, BETA.name);
    await partnerRow(a.page, 'Requests you sent, waiting for an answer', BETA.name).waitFor();

    await openDealsPage(b.page, 'Partners');
    const row = partnerRow(b.page, 'Requests to you', alpha);
    await row.getByRole('button', { name: 'Accept' }).click();
    await b.page.getByText('Partnership accepted.').waitFor();
    await partnerRow(b.page, 'Active partners', alpha).waitFor();
    await screenshot(b.page, 'deals-partners');

    // The profile page knows too.
    await a.page.goto(`${server.url}/partners`);
    await partnerRow(a.page, 'Active partners', BETA.name)
      .getByRole('link', { name: BETA.name, exact: true })
      .click();
    await a.page.getByRole('heading', { level: 1, name: BETA.name }).waitFor();
    await a.page.getByRole('article').getByText('Partners', { exact: true }).waitFor();
    expect(await a.page.getByRole('button', { name: /^Partner up/ }).count()).toBe(0);
  });

  it('agree a referral agreement at 10 %: proposer cannot accept, the other side can; a change shows its diff', async () => {
    await a.page.goto(`${server.url}/partners`);
    await partnerRow(a.page, 'Active partners', BETA.name)
      .getByRole('link', { name: `Agreements with ${BETA.name}` })
      .click();
    await a.page.getByLabel('Arrangement type').selectOption('referral');
    await a.page.getByRole('button', { name: 'Start from the template' }).click();
    expect(await a.page.getByLabel('Fee basis').inputValue()).toBe('percent-of-revenue');
    expect(await a.page.getByLabel('Fee rate (%)').inputValue()).toBe('10');
    await a.page.getByLabel('Payment days').fill('30');
    await a.page.getByRole('button', { name: 'Propose agreement' }).click();
    await a.page.getByRole('heading', { name: `Referral agreement with ${BETA.name}` }).waitFor();
    const accept = a.page.getByRole('button', { name: 'Accept version 1' });
    expect(await accept.isDisabled()).toBe(true);
    expect(await a.page.locator('#accept-why').textContent()).toContain(
      'You proposed this version',
    );
    const agreementUrl = a.page.url();
    await screenshot(a.page, 'deals-agreement-proposed');

    await b.page.goto(agreementUrl);
    await b.page.getByRole('button', { name: 'Accept version 1' }).click();
    await b.page.getByText('Version 1 accepted').waitFor();
    await b.page.getByRole('heading', { name: 'Terms in force (version 1)' }).waitFor();
    expect(await b.page.getByRole('definition').filter({ hasText: '10 %' }).count()).toBe(1);

    // Beta proposes a change (payment in 45 days); Alpha sees old beside new and accepts.
    await b.page.getByRole('button', { name: 'Propose a change' }).click();
    await b.page.getByLabel('Payment days').fill('45');
    await b.page.getByRole('button', { name: 'Propose new version' }).click();
    await b.page.getByRole('status').filter({ hasText: 'Version 2 proposed.' }).waitFor();
    await a.page.reload();
    const diff = a.page.getByRole('table', { name: 'Changes from version 1 to version 2' });
    const changed = diff.getByRole('row').filter({ hasText: 'Payment days' });
    expect((await changed.textContent())?.replace(/\s+/g, '')).toContain('3045');
    expect(await diff.getByRole('row').count()).toBe(2); // header + the one change
    await screenshot(a.page, 'deals-agreement-diff');
    await a.page.getByRole('button', { name: 'Accept version 2' }).click();
    await a.page.getByRole('heading', { name: 'Terms in force (version 2)' }).waitFor();
  });

  it('refer an opportunity; the other side accepts and wins it; both read the same verified timeline', async () => {
    await openDealsPage(a.page, 'Opportunities');
    await a.page.getByRole('link', { name: 'New opportunity' }).click();
    await a.page.getByRole('button', { name: 'Add a need' }).click();
    await a.page.getByLabel('Need 1: service').selectOption({ index: 1 });
    await a.page.getByLabel('Need 1: country').selectOption('DE');
    await a.page.getByLabel('Description').fill('Migrate a plant’s SAP landscape to Azure');
    await a.page.getByLabel('Customer name').fill('Contoso Manufacturing');
    await a.page.getByLabel('Customer domain').fill('contoso-manufacturing.example');
    await a.page.getByLabel('Value', { exact: true }).fill('25000');
    await a.page.getByLabel('Expected close date').fill('2027-03-31');
    await a.page.getByLabel('Selected partners').check();
    await a.page.getByRole('checkbox', { name: BETA.name }).check();
    await a.page.getByRole('button', { name: 'Save opportunity' }).click();
    await a.page.getByRole('heading', { name: 'Refer to a partner' }).waitFor();

    await a.page.getByLabel('Partner', { exact: true }).selectOption({ label: BETA.name });
    await a.page.getByTestId('pinned-agreement').getByText('version 2 in force').waitFor();
    await a.page.getByRole('button', { name: 'Send referral' }).click();
    await a.page.getByRole('heading', { name: `Referral to ${BETA.name}` }).waitFor();
    referralUrl = a.page.url();
    expect(await a.page.getByText('New · Pending').first().isVisible()).toBe(true);
    await a.page.getByText(/Verified chain/).waitFor();

    // Beta's inbox counts it and puts it first; the nav shows one waiting.
    await b.page.goto(`${server.url}/directory`);
    await navLink(b.page, /^Inbox\s*1/).click();
    expect(await b.page.getByTestId('count-needs-action').textContent()).toBe('1');
    const first = b.page
      .getByRole('table', { name: /what needs action first/ })
      .getByRole('row')
      .nth(1);
    expect(await first.textContent()).toContain('Needs your answer');
    await screenshot(b.page, 'deals-inbox');
    await first.getByRole('link', { name: `From ${alpha}` }).click();
    await b.page.getByText('New · Received').first().waitFor();
    await b.page.getByRole('button', { name: 'Accept referral' }).click();
    await b.page.getByText('Saved: now Active · Accepted.').waitFor();

    // Won needs the realised value.
    await b.page.getByLabel(/^Realised value/).fill('');
    await b.page.getByRole('button', { name: 'Mark as won' }).click();
    await b.page.locator('[data-error-for="value.amount"]').waitFor();
    await b.page.getByLabel(/^Realised value/).fill('20000');
    await b.page.getByRole('button', { name: 'Mark as won' }).click();
    await b.page.getByText('Saved: now Closed · Won.').waitFor();
    await b.page.getByText('This referral is closed: it is read-only for both sides.').waitFor();
    await screenshot(b.page, 'deals-referral-won');

    await a.page.goto(referralUrl);
    await a.page.getByText('Closed · Won').first().waitFor();
    // Names come with the heading; the timeline uses the same ones.
    await a.page.getByRole('heading', { level: 1, name: `Referral to ${BETA.name}` }).waitFor();
    const seenByA = await timelineTexts(a.page);
    const seenByB = await timelineTexts(b.page);
    expect(seenByA).toEqual(seenByB);
    expect(seenByA.length).toBe(5); // created, stamped, accepted, won, fee due
    expect(seenByA[0]).toContain(`${alpha} referred the opportunity to ${BETA.name}`);
    expect(seenByA[3]).toContain('win');
    expect(seenByA[4]).toContain(`Fee due: EUR 2,000 from ${BETA.name} to ${alpha}`);
    expect(await a.page.getByText(/Verified chain · 5 events/).isVisible()).toBe(true);
    await screenshot(a.page, 'deals-referral-timeline');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('the fee (10 % of the realised value) is in both ledgers; a dispute is settled by both sides', async () => {
    await a.page.goto(`${server.url}/fees`);
    const mine = a.page
      .getByRole('table', { name: 'Fees' })
      .getByRole('row')
      .filter({ hasText: `${BETA.name} pays you` });
    expect(await textOf(mine)).toContain('EUR 2,000');
    expect(await textOf(mine)).toContain('10 % of EUR 20,000');
    await mine.getByRole('button', { name: 'Record invoice' }).click();
    await a.page.getByText('Invoice recorded.').waitFor();
    await screenshot(a.page, 'deals-fee-ledger');

    await b.page.goto(`${server.url}/fees`);
    const theirs = b.page
      .getByRole('table', { name: 'Fees' })
      .getByRole('row')
      .filter({ hasText: `You pay ${alpha}` });
    expect(await textOf(theirs)).toContain('EUR 2,000');
    expect(await textOf(theirs)).toContain('invoiced');
    await theirs.getByRole('button', { name: 'Details' }).click();
    await b.page.getByLabel('Why you dispute this fee').fill('The customer paid only half so far');
    await b.page.getByRole('button', { name: 'Open a dispute' }).click();
    await b.page.getByRole('heading', { name: /dispute open/ }).waitFor();
    await b.page.getByLabel('Resolution you propose').selectOption('adjust');
    await b.page.getByLabel('Adjusted fee (EUR)').fill('1000');
    await b.page.getByRole('button', { name: 'Propose resolution' }).click();
    await b.page.getByText(`${BETA.name} proposes: Adjust the fee to EUR 1,000`).waitFor();

    await a.page.reload();
    await a.page
      .getByRole('table', { name: 'Fees' })
      .getByRole('button', { name: 'Dispute' })
      .click();
    await a.page.getByText('The customer paid only half so far').waitFor();
    await a.page.getByLabel('Message', { exact: true }).fill('Agreed, half now.');
    await a.page.getByRole('button', { name: 'Send message' }).click();
    await a.page
      .getByRole('list', { name: 'Dispute thread' })
      .getByText('Agreed, half now.')
      .waitFor();
    await a.page.getByLabel('Resolution you propose').selectOption('adjust');
    await a.page.getByLabel('Adjusted fee (EUR)').fill('1000');
    await a.page.getByRole('button', { name: 'Propose resolution' }).click();
    await a.page.getByText('Resolved').first().waitFor();
    const row = a.page
      .getByRole('table', { name: 'Fees' })
      .getByRole('row')
      .filter({ hasText: `${BETA.name} pays you` });
    expect(await textOf(row)).toContain('EUR 1,000');
    await screenshot(a.page, 'deals-fee-dispute');

    // The association report counts the win; two organizations are too few to show the cell.
    await openDealsPage(a.page, 'Report');
    await a.page.getByRole('img', { name: /Value won by month/ }).waitFor();
    expect(
      await a.page.getByRole('table', { name: 'Won referrals by month' }).textContent(),
    ).toContain('suppressed');
    await screenshot(a.page, 'deals-report');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('a change made meanwhile by the other side (412) is shown, and the move can be reapplied', async () => {
    // A second referral on the same opportunity, read by Alpha before Beta accepts it.
    await a.page.goto(`${server.url}/opportunities`);
    await a.page.getByRole('link', { name: /Migrate a plant/ }).click();
    await a.page.getByLabel('Partner', { exact: true }).selectOption({ label: BETA.name });
    await a.page.getByRole('button', { name: 'Send referral' }).click();
    await a.page.getByRole('heading', { name: `Referral to ${BETA.name}` }).waitFor();
    const url = a.page.url();

    await b.page.goto(url);
    await b.page.getByRole('button', { name: 'Accept referral' }).click();
    await b.page.getByText('Saved: now Active · Accepted.').waitFor();

    // Alpha's page still shows New; closing it as an error meets the newer version.
    await a.page.getByLabel('What was wrong (optional)').fill('sent twice');
    await a.page.getByRole('button', { name: 'Close as error' }).click();
    await a.page.getByText(`${BETA.name} changed this referral while you were looking`).waitFor();
    expect(
      await a.page.getByRole('alert').filter({ hasText: 'now Active · Accepted' }).count(),
    ).toBe(1);
    await a.page.getByRole('button', { name: 'Apply my change to the latest version' }).click();
    await a.page.getByText('Saved: now Closed · Lost.').waitFor();
    await a.page.getByText('Reason: Error: sent twice', { exact: true }).waitFor();
    expect(a.errors).toEqual([]);
  });
});
