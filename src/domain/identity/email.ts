// Email addresses are identities: one canonical form (trimmed, lower-case) so that
// "Ann@Example.com " and "ann@example.com" can never be two accounts.
import type { FieldIssue } from '../shared/errors.ts';

export const EMAIL_MAX = 254;

// Deliberately plain: one @, no spaces, a dotted domain. Deliverability is not ours to judge.
const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Issues for an already normalised address. */
export function checkEmail(email: string, path = 'email'): FieldIssue[] {
  if (email.length > EMAIL_MAX) return [{ path, message: `At most ${EMAIL_MAX} characters` }];
  if (!EMAIL_SHAPE.test(email)) return [{ path, message: 'Not a valid email address' }];
  return [];
}
