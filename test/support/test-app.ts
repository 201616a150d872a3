// The whole HTTP app on a fresh store, driven in-process with app.inject(), on a clock tests can move.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Store, StoreKind } from '../../src/db/connect.ts';
import { buildApp, type App } from '../../src/http/app.ts';
import { createDirectoryIndex } from '../../src/index/directory-index.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { openTestStore } from './stores.ts';

export interface TestClock {
  now: () => Date;
  advance: (ms: number) => void;
  set: (at: Date) => void;
}

export function createClock(start = new Date('2030-01-01T09:00:00.000Z')): TestClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (at) => {
      t = at.getTime();
    },
  };
}

export interface SignedUp {
  token: string;
  csrfToken: string;
  /** The raw Set-Cookie value of circles_session. */
  cookie: string;
  user: { id: string; email: string; name: string };
  organization: { id: string; name: string; role: string };
}

export interface TestApp {
  app: App;
  deps: ServiceDeps;
  store: Store;
  clock: TestClock;
  close(): Promise<void>;
  /** Signs up a new user with a new org (unique email and org name unless given). */
  signup(email?: string, orgName?: string): Promise<SignedUp>;
  /** Shorthand for app.inject with `Authorization: Bearer <token>`. */
  as(token: string, opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export const PASSWORD = 'correct horse battery';

let counter = 0;

export async function createTestApp(
  kind: StoreKind,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const store = await openTestStore(kind);
  const clock = createClock();
  const deps: ServiceDeps = {
    db: store.db,
    storeKind: store.kind,
    directory: createDirectoryIndex(),
    now: clock.now,
  };
  const config = loadConfig({ LOG_LEVEL: 'silent', CIRCLES_LOGIN_RATE_PER_MINUTE: '1000', ...env });
  const app = await buildApp(config, deps);
  await app.ready();

  const signup = async (email?: string, orgName?: string): Promise<SignedUp> => {
    counter += 1;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: {
        email: email ?? `user${counter}-${Date.now()}@example.com`,
        password: PASSWORD,
        name: `User ${counter}`,
        organization: {
          name: orgName ?? `Org ${counter}`,
          website: 'https://www.example.co.uk',
          hqCountry: 'DE',
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<Omit<SignedUp, 'cookie'>>();
    return { ...body, cookie: sessionCookieOf(res) };
  };

  return {
    app,
    deps,
    store,
    clock,
    signup,
    as: (token, opts) =>
      app.inject({ ...opts, headers: { ...opts.headers, authorization: `Bearer ${token}` } }),
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** The circles_session value set by a response ('' when none). */
export function sessionCookieOf(res: LightMyRequestResponse): string {
  return res.cookies.find((c) => c.name === 'circles_session')?.value ?? '';
}

/** Asserts an RFC 9457 problem response with the given status and returns its body. */
export function expectProblem(
  res: LightMyRequestResponse,
  status: number,
): {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: { path: string; message: string }[];
} {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<{
    type: string;
    title: string;
    status: number;
    detail: string;
    errors: { path: string; message: string }[];
  }>();
  expect(typeof body.type).toBe('string');
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(body.status).toBe(status);
  expect(Array.isArray(body.errors)).toBe(true);
  return body;
}
