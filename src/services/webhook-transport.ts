// How deliveries go out: node's http/https client behind the destination guard. An IP-literal
// host is checked before anything is sent; a host name is resolved by the guard's `lookup`, which
// refuses blocked addresses and hands the socket exactly the addresses it checked (the Host header
// and TLS SNI keep the name). Redirects are never followed (http.request does not follow them).
// The delivery worker builds its transport here itself, so no send can skip the guard.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  guardedLookup,
  hostOf,
  refuseLiteral,
  systemResolve,
  type DestinationPolicy,
} from './webhook-destination.ts';

/** One POST of a delivery; a blocked destination rejects with BlockedDestinationError. */
export type FetchLike = (
  url: string,
  init: {
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    signal: AbortSignal;
  },
) => Promise<{ status: number }>;

export function createWebhookTransport(
  policy: Partial<DestinationPolicy> & Pick<DestinationPolicy, 'allowPrivate'>,
): FetchLike {
  const full: DestinationPolicy = { resolve: systemResolve, ...policy };
  const lookup = guardedLookup(full);
  return async (url, init) => {
    const u = new URL(url);
    refuseLiteral(hostOf(u), full);
    const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
    const body = Buffer.from(init.body, 'utf8');
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = send(
        u,
        {
          method: init.method,
          headers: { ...init.headers, 'content-length': String(body.length) },
          signal: init.signal,
          lookup,
          agent: false, // a fresh connection each time: every send is checked again
        },
        resolve,
      );
      req.once('error', reject);
      req.end(body);
    });
    res.destroy(); // the answer's status is all a delivery needs
    return { status: res.statusCode ?? 0 };
  };
}
