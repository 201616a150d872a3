// Problem field paths -> form fields. The API names fields as `body.organization.hqCountry`,
// `name`, `services[2]`, `rateCard[0].dayRate.currency`; forms key their inputs by the same path
// without the `body.` / `query.` location prefix.
import type { Problem } from '@contract/common.contract.ts';

export interface FieldIssue {
  path: string;
  message: string;
}

const LOCATION = /^(body|query|params|headers)\./;

/** Schema errors arrive as `body.rateCard.0.role`, business rules as `rateCard[0].role`: one notation. */
export const normalizePath = (path: string): string =>
  path.replace(LOCATION, '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');

export function issuesOf(problem: Problem): FieldIssue[] {
  return problem.errors.map((e) => ({ path: normalizePath(e.path), message: e.message }));
}

/** Does `path` belong to `field` ("services[2]" and "services.0" belong to "services")? */
export const belongsTo = (path: string, field: string): boolean =>
  path === field || path.startsWith(`${field}[`) || path.startsWith(`${field}.`);

/** The message(s) for one field, or undefined. */
export function errorFor(issues: readonly FieldIssue[], field: string): string | undefined {
  const mine = issues.filter((i) => belongsTo(i.path, field));
  if (mine.length === 0) return undefined;
  return [...new Set(mine.map((i) => i.message))].join('; ');
}

/** The message(s) for exactly this path (a row of a repeated group, not its children). */
export function errorAt(issues: readonly FieldIssue[], path: string): string | undefined {
  const mine = issues.filter((i) => i.path === path);
  return mine.length === 0 ? undefined : mine.map((i) => i.message).join('; ');
}

/** zod issues (client-side check with the shared schema) in the API's path notation. */
export function fromZodIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldIssue[] {
  return issues.map((i) => ({
    path: i.path.reduce<string>(
      (acc, seg) =>
        typeof seg === 'number'
          ? `${acc}[${seg}]`
          : acc === ''
            ? String(seg)
            : `${acc}.${String(seg)}`,
      '',
    ),
    message: i.message,
  }));
}

/** A stable DOM id for a field path, so an error summary can link to the input. */
export const fieldId = (path: string): string => `f-${path.replace(/[^\w-]+/g, '-')}`;
