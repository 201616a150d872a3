// The SSRF guard of webhooks: a destination host may not be, or resolve to, a blocked address
// (see domain/webhooks/blocked-addresses.ts) unless CIRCLES_WEBHOOK_ALLOW_PRIVATE is set. Checked
// when a webhook is registered and again when a delivery connects: the connection goes to the
// very address that was checked (a `lookup` hook), so DNS rebinding between check and send is
// of no use.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { blockedKindOf } from '../domain/webhooks/blocked-addresses.ts';
import type { FieldIssue } from '../domain/shared/errors.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a host name resolves to (what the OS resolver answers, like getaddrinfo). */
export type ResolveAll = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: ResolveAll = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

export interface DestinationPolicy {
  /** CIRCLES_WEBHOOK_ALLOW_PRIVATE: skip the check (local receivers in development and tests). */
  allowPrivate: boolean;
  resolve: ResolveAll;
  /** How long registration waits for DNS; REGISTRATION_RESOLVE_TIMEOUT_MS unless a test says. */
  resolveTimeoutMs?: number;
}

/**
 * A slow or dead resolver must not hold a registration request open (getaddrinfo has no timeout
 * of its own and cannot be cancelled, so the answer is given without waiting for it).
 */
export const REGISTRATION_RESOLVE_TIMEOUT_MS = 3_000;

class ResolveTimeoutError extends Error {}

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ResolveTimeoutError()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** A delivery was not sent because its destination is blocked; retrying would not change it. */
export class BlockedDestinationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BlockedDestinationError';
  }
}

/** The host of a URL as an address or name: IPv6 literals lose their brackets. */
export function hostOf(url: URL): string {
  const h = url.hostname;
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

const HINT = 'set CIRCLES_WEBHOOK_ALLOW_PRIVATE=true to allow it';

/** Why `host` may not be reached (one sentence), or null; resolves names with `resolve`. */
async function refusal(host: string, resolve: ResolveAll): Promise<string | null> {
  if (isIP(host) !== 0) {
    const kind = blockedKindOf(host);
    return kind === null ? null : `${host} is a ${kind} address`;
  }
  const addresses = await resolve(host);
  if (addresses.length === 0) return `${host} does not resolve to any address`;
  for (const a of addresses) {
    const kind = blockedKindOf(a.address);
    if (kind !== null) return `${host} resolves to ${a.address}, a ${kind} address`;
  }
  return null;
}

/** The registration check: a field issue on `url` when the destination is blocked. */
export async function checkWebhookDestination(
  raw: string,
  policy: DestinationPolicy,
  path = 'url',
): Promise<FieldIssue | null> {
  if (policy.allowPrivate) return null;
  const host = hostOf(new URL(raw));
  const ms = policy.resolveTimeoutMs ?? REGISTRATION_RESOLVE_TIMEOUT_MS;
  let why: string | null;
  try {
    why = await refusal(host, (name) => withinTime(policy.resolve(name), ms));
  } catch (err) {
    if (err instanceof ResolveTimeoutError) {
      return { path, message: `Host ${host} did not resolve within ${ms} ms; try again later` };
    }
    const code = (err as { code?: unknown }).code;
    return { path, message: `Host ${host} does not resolve (${String(code ?? err)})` };
  }
  if (why === null) return null;
  return {
    path,
    message: `Must not point at a private, loopback, link-local or reserved address: ${why}`,
  };
}

/** The delivery check of an IP-literal host (a connection to a literal makes no lookup). */
export function refuseLiteral(host: string, policy: DestinationPolicy): void {
  if (policy.allowPrivate || isIP(host) === 0) return;
  const kind = blockedKindOf(host);
  if (kind !== null) {
    throw new BlockedDestinationError(`Blocked destination: ${host} is a ${kind} address; ${HINT}`);
  }
}

/**
 * A `lookup` for node's net/http that resolves with `policy.resolve` and refuses (with a
 * BlockedDestinationError, before any connection) when any address is blocked, so the socket
 * connects only to an address that was checked.
 */
export function guardedLookup(policy: DestinationPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    policy
      .resolve(hostname)
      .then(async (all) => {
        if (!policy.allowPrivate) {
          const why = await refusal(hostname, async () => all);
          if (why !== null) {
            throw new BlockedDestinationError(`Blocked destination: ${why}; ${HINT}`);
          }
        }
        const usable = wanted === 0 ? all : all.filter((a) => a.family === wanted);
        const first = usable[0];
        if (first === undefined) {
          throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
            code: 'ENOTFOUND',
          });
        }
        if (options.all === true) {
          callback(null, usable);
        } else {
          callback(null, first.address, first.family);
        }
      })
      .catch((err: unknown) => {
        callback(err as NodeJS.ErrnoException, '', 0);
      });
  };
}
