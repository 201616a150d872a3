import type { FieldIssue } from '../shared/errors.ts';

export const USER_NAME_MAX = 200;

export function checkUserName(name: string, path = 'name'): FieldIssue[] {
  const trimmed = name.trim();
  if (trimmed === '') return [{ path, message: 'Required' }];
  if (trimmed.length > USER_NAME_MAX)
    return [{ path, message: `At most ${USER_NAME_MAX} characters` }];
  return [];
}
