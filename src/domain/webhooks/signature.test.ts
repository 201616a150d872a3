import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSignatureHeader, signatureHeader, verifySignature } from './signature.ts';

const SECRET = 'whsec_test';
const BODY = '{"id":"evt_1","type":"referral.created"}';
const AT = new Date('2030-01-01T09:00:00.500Z');

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 in Stripe’s header format', () => {
    const header = signatureHeader(SECRET, AT, BODY);
    const t = 1893488400; // 2030-01-01T09:00:00Z, seconds (milliseconds dropped)
    const hex = createHmac('sha256', SECRET).update(`${t}.${BODY}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${hex}`);
    expect(verifySignature(header, SECRET, BODY, AT)).toEqual({ ok: true });
  });

  it('rejects another secret, a changed body, an old timestamp and garbage', () => {
    const header = signatureHeader(SECRET, AT, BODY);
    expect(verifySignature(header, 'other', BODY, AT)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature(header, SECRET, `${BODY} `, AT)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const later = new Date(AT.getTime() + 301_000);
    expect(verifySignature(header, SECRET, BODY, later)).toEqual({ ok: false, reason: 'stale' });
    expect(verifySignature('v1=abc', SECRET, BODY, AT)).toEqual({ ok: false, reason: 'malformed' });
    expect(parseSignatureHeader('t=12,v1=zz')).toBeNull();
  });

  it('accepts any of several v1 values (secret rotation)', () => {
    const good = signatureHeader(SECRET, AT, BODY);
    const t = good.split(',')[0] ?? '';
    const header = `${t},v1=${'0'.repeat(64)},${good.split(',')[1] ?? ''}`;
    expect(verifySignature(header, SECRET, BODY, AT)).toEqual({ ok: true });
  });
});
