// If-Match for optimistic concurrency: "3", W/"3" or * (any version); missing is 428.
import { AppError } from '../domain/shared/errors.ts';

export const etagOfVersion = (version: number): string => `"${version}"`;

/** The version the caller last saw, or null for `*`. */
export function ifMatchVersion(ifMatch: string | undefined): number | null {
  if (ifMatch === undefined) {
    throw new AppError(
      'precondition_required',
      'Send If-Match with the ETag from GET to avoid lost updates',
      [{ path: 'headers.if-match', message: 'Required' }],
    );
  }
  if (ifMatch.trim() === '*') return null;
  const m = /^(?:W\/)?"(\d{1,12})"$/.exec(ifMatch.trim());
  if (m === null) {
    throw new AppError('validation', 'Malformed If-Match', [
      { path: 'headers.if-match', message: 'Expected an ETag such as "3"' },
    ]);
  }
  return Number(m[1]);
}
