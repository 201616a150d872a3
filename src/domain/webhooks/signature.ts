// Webhook signatures, Stripe's convention: `Circles-Signature: t=<unix seconds>,v1=<hex>` where
// v1 = HMAC-SHA256(secret, "<t>.<raw body>"). Signing the timestamp with the body lets a receiver
// refuse replays older than its tolerance; receivers compare in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Circles-Signature';

export function signatureOf(secret: string, unixSeconds: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
}

export function signatureHeader(secret: string, at: Date, rawBody: string): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${signatureOf(secret, t, rawBody)}`;
}

export interface ParsedSignature {
  t: number;
  v1: string[];
}

/** Parses `t=...,v1=...[,v1=...]`; null when malformed. Unknown schemes are ignored. */
export function parseSignatureHeader(header: string): ParsedSignature | null {
  let t: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value)) return null;
      t = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/.test(value)) return null;
      v1.push(value);
    }
  }
  return t === null || v1.length === 0 ? null : { t, v1 };
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'malformed' | 'mismatch' | 'stale' };

/** What a receiver does: checks the HMAC and that `t` is within `toleranceSeconds` of `now`. */
export function verifySignature(
  header: string,
  secret: string,
  rawBody: string,
  now: Date,
  toleranceSeconds = 300,
): VerifyResult {
  const parsed = parseSignatureHeader(header);
  if (parsed === null) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(signatureOf(secret, parsed.t, rawBody), 'hex');
  const match = parsed.v1.some((v) => timingSafeEqual(Buffer.from(v, 'hex'), expected));
  if (!match) return { ok: false, reason: 'mismatch' };
  const age = Math.abs(now.getTime() / 1000 - parsed.t);
  return age > toleranceSeconds ? { ok: false, reason: 'stale' } : { ok: true };
}
