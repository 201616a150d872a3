// What we accept as a password. Length is what matters (NIST SP 800-63B); no composition rules.
import type { FieldIssue } from '../shared/errors.ts';

export const PASSWORD_MIN = 10;
// argon2 is happy with long input, but an unbounded one is a cheap way to burn our CPU.
export const PASSWORD_MAX = 200;

export function checkPassword(password: string, path = 'password'): FieldIssue[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return [{ path, message: `At least ${PASSWORD_MIN} characters` }];
  if (length > PASSWORD_MAX) return [{ path, message: `At most ${PASSWORD_MAX} characters` }];
  if (password.trim() === '') return [{ path, message: 'Must not be only spaces' }];
  return [];
}
