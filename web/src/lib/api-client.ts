// The typed fetch client: every response is parsed with the shared zod contract, every error
// arrives as an ApiError carrying the server's problem+json (field paths included).
import type { z } from 'zod';
import { ProblemSchema, type Problem } from '@contract/common.contract.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail === '' ? problem.title : problem.detail);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Cookie sessions must echo this token on every mutating request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (401), so the app can show sign-in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export interface CallOptions {
  query?: URLSearchParams;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not treat a 401 as "session expired" (sign-in itself answers 401 for a bad password). */
  expect401?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

const problem = (status: number, title: string, detail: string): Problem => ({
  type: 'about:blank',
  title,
  status,
  detail,
  errors: [],
});

async function readProblem(res: Response): Promise<Problem> {
  const body: unknown = await res.json().catch(() => null);
  const parsed = ProblemSchema.safeParse(body);
  return parsed.success
    ? parsed.data
    : problem(res.status, res.statusText || 'Error', `The server answered ${res.status}`);
}

export async function call<S extends z.ZodType>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  schema: S | null,
  opts: CallOptions = {},
): Promise<ApiResponse<z.output<S>>> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  const qs = opts.query === undefined || opts.query.size === 0 ? '' : `?${opts.query.toString()}`;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${qs}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(
      0,
      problem(
        0,
        'Network error',
        'Cannot reach the Circles server. Check your connection and try again.',
      ),
    );
  }
  if (!res.ok) {
    const p = await readProblem(res);
    if (res.status === 401 && opts.expect401 !== true) onUnauthenticated?.();
    throw new ApiError(res.status, p);
  }
  if (schema === null || res.status === 204)
    return { data: undefined as z.output<S>, headers: res.headers };
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) {
    console.error('Response does not match the contract', path, parsed.error.issues);
    throw new ApiError(
      res.status,
      problem(
        res.status,
        'Unexpected response',
        'The server sent a response this page does not understand. Reload the page; if it persists, report it.',
      ),
    );
  }
  return { data: parsed.data, headers: res.headers };
}

/** A human sentence for any error, for banners. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong';
}

export const isAbort = (err: unknown): boolean =>
  err instanceof DOMException && err.name === 'AbortError';
