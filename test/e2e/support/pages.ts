// Steps the browser suites share. Page-side functions describe the few DOM members they touch,
// because this code is type-checked for Node, without the DOM library.
import type { Page } from 'playwright-core';

/** Waits until the directory shows results for exactly the query in the address bar. */
export async function waitForResults(page: Page): Promise<void> {
  // A function, not a string: the app's CSP (script-src 'self') forbids evaluating strings.
  await page.waitForFunction(() => {
    const g = globalThis as unknown as {
      document: {
        querySelector(sel: string): { dataset: Record<string, string | undefined> } | null;
      };
      location: { search: string };
    };
    const s = g.document.querySelector('section[aria-label="Results"]');
    return s !== null && s.dataset.state === 'ready' && (s.dataset.key ?? '') === g.location.search;
  });
}

/** The id of the focused element ('' when none). */
export async function focusedId(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document
        .activeElement?.id ?? '',
  );
}

/** The text of the focused element. */
export async function focusedText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (
        globalThis as unknown as {
          document: { activeElement: { textContent: string | null } | null };
        }
      ).document.activeElement?.textContent?.trim() ?? '',
  );
}

/** How far the page scrolls sideways (0 when nothing is wider than the window). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = (
      globalThis as unknown as {
        document: { documentElement: { scrollWidth: number; clientWidth: number } };
      }
    ).document.documentElement;
    return el.scrollWidth - el.clientWidth;
  });
}

export async function resultCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('result-count').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

export async function signIn(
  page: Page,
  base: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** The message rendered next to the input of one API field path. */
export async function fieldError(page: Page, path: string): Promise<string> {
  const el = page.locator(`[data-error-for="${path}"]`);
  await el.waitFor();
  return (await el.textContent()) ?? '';
}

/** Picks a value in a vocabulary picker by typing part of its label and pressing Enter. */
export async function pick(page: Page, field: string, typed: string): Promise<void> {
  const box = page.getByRole('combobox', { name: field, exact: true });
  await box.fill(typed);
  await page
    .getByRole('listbox', { name: field, exact: true })
    .getByRole('option', { name: typed })
    .first()
    .waitFor();
  await box.press('Enter');
  await box.press('Escape');
}

/** Ticks one value in a directory facet group, using the group's filter box and "Show all" as a person would. */
export async function checkFacet(page: Page, group: string, label: string): Promise<void> {
  const g = page.getByRole('group', { name: group, exact: true });
  const filter = g.getByRole('searchbox');
  if ((await filter.count()) > 0) await filter.fill(label);
  else {
    const more = g.getByRole('button', { name: /^Show all/ });
    if ((await more.count()) > 0) await more.click();
  }
  await g.getByRole('checkbox', { name: label }).first().check();
}
