import { describe, expect, it } from 'vitest';
import { compareInGroup, inboxCounts, isExpiringSoon, needsAction } from './inbox.ts';
import type { Referral } from './referral.ts';

const ref = (id: string, over: Partial<Referral>): Referral =>
  ({
    id,
    fromOrgId: 'them',
    toOrgId: 'me',
    status: 'New',
    expiresAt: '2030-01-15T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
    ...over,
  }) as Referral;

describe('inbox order and counts', () => {
  it('orders expiry groups soonest first and recent groups newest first, id breaking ties', () => {
    const a = ref('a', { expiresAt: '2030-01-02T00:00:00.000Z' });
    const b = ref('b', { expiresAt: '2030-01-01T00:00:00.000Z' });
    const c = ref('c', { expiresAt: '2030-01-01T00:00:00.000Z' });
    expect([a, c, b].sort((x, y) => compareInGroup(x, y, 'expiry')).map((r) => r.id)).toEqual([
      'b',
      'c',
      'a',
    ]);
    const old = ref('x', { updatedAt: '2030-01-01T00:00:00.000Z' });
    const recent = ref('y', { updatedAt: '2030-01-03T00:00:00.000Z' });
    const tie = ref('z', { updatedAt: '2030-01-03T00:00:00.000Z' });
    expect(
      [old, recent, tie].sort((x, y) => compareInGroup(x, y, 'recent')).map((r) => r.id),
    ).toEqual(['z', 'y', 'x']);
  });

  it('needs action only on received New referrals, expiring soon within 72 hours', () => {
    const now = new Date('2030-01-12T00:00:00.000Z');
    expect(needsAction(ref('r', {}), 'me')).toBe(true);
    expect(needsAction(ref('r', {}), 'them')).toBe(false);
    expect(needsAction(ref('r', { status: 'Active' }), 'me')).toBe(false);
    expect(isExpiringSoon(ref('r', { expiresAt: '2030-01-15T00:00:00.000Z' }), 'me', now)).toBe(
      true,
    );
    expect(isExpiringSoon(ref('r', { expiresAt: '2030-01-15T00:00:01.000Z' }), 'me', now)).toBe(
      false,
    );
  });

  it('sums counts per direction and status', () => {
    const counts = inboxCounts(
      [
        { status: 'New', n: 3, soon: 2 },
        { status: 'Closed', n: 4, soon: 0 },
      ],
      [{ status: 'Active', n: 5, soon: 0 }],
    );
    expect(counts).toEqual({
      needsAction: 3,
      incoming: { total: 7, byStatus: { New: 3, Active: 0, Closed: 4 } },
      outgoing: { total: 5, byStatus: { New: 0, Active: 5, Closed: 0 } },
      expiringSoon: 2,
      expiringWithinHours: 72,
    });
  });
});
