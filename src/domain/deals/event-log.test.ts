import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import {
  appendEvent,
  canonicalJson,
  GENESIS_HASH,
  verifyEventLog,
  type ChainedEvent,
  type NewEvent,
} from './event-log.ts';

const entries: NewEvent[] = [
  {
    at: '2026-12-01T09:00:00.000Z',
    actorOrgId: 'a',
    type: 'referral.created',
    data: { value: { amount: 5_000_000, currency: 'EUR' } },
  },
  {
    at: '2026-12-02T10:00:00.000Z',
    actorOrgId: 'b',
    type: 'referral.status_changed',
    data: { from: 'New', to: 'Active' },
  },
  {
    at: '2026-12-20T11:00:00.000Z',
    actorOrgId: 'b',
    type: 'referral.status_changed',
    data: { from: 'Active', to: 'Closed/Won' },
  },
  {
    at: '2026-12-20T11:00:00.000Z',
    actorOrgId: null,
    type: 'fee.due',
    data: { amount: 500_000, currency: 'EUR' },
  },
];

function build(): ChainedEvent[] {
  const log: ChainedEvent[] = [];
  for (const e of entries) log.push(appendEvent('ref-1', log.at(-1) ?? null, e));
  return log;
}

describe('appendEvent', () => {
  it('numbers entries from 1 and links each to the previous hash', () => {
    const log = build();
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(log[0]?.prevHash).toBe(GENESIS_HASH);
    expect(log[1]?.prevHash).toBe(log[0]?.hash);
    expect(log[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses time running backwards and entries of another referral', () => {
    const log = build();
    const back: NewEvent = { ...entries[0]!, at: '2026-12-19T00:00:00.000Z' };
    expect(() => appendEvent('ref-1', log.at(-1) ?? null, back)).toThrow(AppError);
    expect(() => appendEvent('ref-2', log.at(-1) ?? null, entries[3]!)).toThrow(/another referral/);
  });
});

describe('verifyEventLog', () => {
  it('accepts an intact log', () => {
    expect(verifyEventLog(build())).toBeNull();
    expect(verifyEventLog([])).toBeNull();
  });

  it('detects an edited entry', () => {
    const log = build();
    log[2] = { ...log[2]!, data: { from: 'Active', to: 'Closed/Lost' } };
    expect(verifyEventLog(log)).toEqual({ seq: 3, reason: 'content hash does not match' });
  });

  it('detects an edit whose hash was recomputed, at the next entry', () => {
    const log = build();
    const forged = appendEvent('ref-1', log[0]!, { ...entries[1]!, actorOrgId: 'a' });
    log[1] = forged;
    expect(verifyEventLog(log)).toEqual({ seq: 3, reason: 'previous hash does not match' });
  });

  it('detects a deleted or reordered entry', () => {
    const log = build();
    expect(verifyEventLog([log[0]!, log[2]!, log[3]!])).toEqual({
      seq: 3,
      reason: 'expected seq 2',
    });
    expect(verifyEventLog([log[1]!, log[0]!])).toEqual({ seq: 2, reason: 'expected seq 1' });
  });

  it('detects a changed actor or time', () => {
    const log = build();
    expect(verifyEventLog(log.map((e, i) => (i === 1 ? { ...e, actorOrgId: 'a' } : e)))?.seq).toBe(
      2,
    );
    expect(
      verifyEventLog(log.map((e, i) => (i === 0 ? { ...e, at: '2026-11-30T09:00:00.000Z' } : e)))
        ?.seq,
    ).toBe(1);
  });

  it('survives a database that reorders JSON keys (jsonb)', () => {
    const log = build();
    const reordered = log.map((e) =>
      e.seq === 1 ? { ...e, data: { value: { currency: 'EUR', amount: 5_000_000 } } } : e,
    );
    expect(verifyEventLog(reordered)).toBeNull();
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps arrays in order', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: 'x' })).toBe(
      '{"a":"x","b":[2,{"c":null,"d":1}]}',
    );
  });
});
