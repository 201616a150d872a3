// Keyset cursors: the sort key of a page's last item, as base64url JSON. The next page starts
// strictly after that key, so paging stays stable while orgs are added or removed elsewhere.
import type { DirectorySort } from '../domain/directory/directory-query.ts';
import { AppError } from '../domain/shared/errors.ts';

export interface CursorKey {
  sort: DirectorySort;
  /** Relevance score (relevance sort; 0 without text). */
  score: number;
  /** Size rank (size sort; 0 otherwise). */
  rank: number;
  nameKey: string;
  id: string;
}

const TAGS: Record<DirectorySort, string> = { relevance: 'r', name: 'n', size: 's' };

export function encodeCursor(key: CursorKey): string {
  const payload = [TAGS[key.sort], key.score, key.rank, key.nameKey, key.id];
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function invalid(message: string): AppError {
  return new AppError('validation', 'Invalid cursor', [{ path: 'cursor', message }]);
}

function parse(cursor: string): unknown {
  if (cursor.length === 0 || cursor.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw invalid('Not a cursor returned by this search');
  }
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('Not a cursor returned by this search');
  }
}

export function decodeCursor(cursor: string, sort: DirectorySort): CursorKey {
  const value = parse(cursor);
  if (!Array.isArray(value) || value.length !== 5)
    throw invalid('Not a cursor returned by this search');
  const [tag, score, rank, nameKey, id] = value as unknown[];
  if (tag !== TAGS[sort]) throw invalid(`Cursor belongs to another sort than '${sort}'`);
  if (
    !Number.isSafeInteger(score) ||
    !Number.isInteger(rank) ||
    typeof nameKey !== 'string' ||
    typeof id !== 'string'
  ) {
    throw invalid('Not a cursor returned by this search');
  }
  return { sort, score: score as number, rank: rank as number, nameKey, id };
}
