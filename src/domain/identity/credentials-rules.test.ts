import { describe, expect, it } from 'vitest';
import { checkEmail, normaliseEmail } from './email.ts';
import { daysFrom, hoursFrom, isLive } from './lifetimes.ts';
import { checkPassword, PASSWORD_MAX, PASSWORD_MIN } from './password-policy.ts';
import { formatSecret, hashSecret, secretKindOf } from './secrets.ts';
import { checkUserName } from './user-name.ts';

describe('email', () => {
  it('normalises to trimmed lower case', () => {
    expect(normaliseEmail('  Ann.Lee@Example.COM \n')).toBe('ann.lee@example.com');
  });

  it.each(['ann@example.com', 'a+tag@sub.example.co.uk', "o'brien@example.ie"])(
    'accepts %s',
    (e) => {
      expect(checkEmail(e)).toEqual([]);
    },
  );

  it.each([
    '',
    'ann',
    'ann@',
    '@example.com',
    'ann@example',
    'ann example@x.com',
    'a@@b.com',
    'ann@.com',
    'ann@x..com',
  ])('rejects %j', (e) => {
    expect(checkEmail(e)).toHaveLength(1);
  });

  it('rejects overlong addresses and uses the given path', () => {
    expect(checkEmail(`${'a'.repeat(64)}@${'b'.repeat(200)}.com`, 'body.email')).toEqual([
      { path: 'body.email', message: 'At most 254 characters' },
    ]);
  });
});

describe('password policy', () => {
  it('accepts the bounds exactly', () => {
    expect(checkPassword('x'.repeat(PASSWORD_MIN))).toEqual([]);
    expect(checkPassword('x'.repeat(PASSWORD_MAX))).toEqual([]);
  });

  it('rejects short, long and blank passwords', () => {
    expect(checkPassword('x'.repeat(PASSWORD_MIN - 1))[0]?.message).toMatch(/At least/);
    expect(checkPassword('x'.repeat(PASSWORD_MAX + 1))[0]?.message).toMatch(/At most/);
    expect(checkPassword(' '.repeat(20))[0]?.message).toMatch(/spaces/);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkPassword('🔑'.repeat(PASSWORD_MIN))).toEqual([]);
    expect(checkPassword('🔑'.repeat(PASSWORD_MIN - 1))).toHaveLength(1);
  });
});

describe('user name', () => {
  it('requires something besides spaces, at most 200 characters', () => {
    expect(checkUserName('Ann')).toEqual([]);
    expect(checkUserName('   ')).toHaveLength(1);
    expect(checkUserName('x'.repeat(201))).toHaveLength(1);
  });
});

describe('secrets', () => {
  it('prefixes by kind and recognises the kind back', () => {
    expect(formatSecret('session', 'abc')).toBe('cis_abc');
    expect(secretKindOf('cit_abc')).toBe('apiToken');
    expect(secretKindOf('cii_abc')).toBe('invitation');
    expect(secretKindOf('xyz_abc')).toBeNull();
  });

  it('hashes to 64 hex characters, stable and distinct', () => {
    expect(hashSecret('cis_a')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret('cis_a')).toBe(hashSecret('cis_a'));
    expect(hashSecret('cis_a')).not.toBe(hashSecret('cis_b'));
  });
});

describe('lifetimes', () => {
  const now = new Date('2030-01-01T00:00:00.000Z');

  it('adds hours and days in UTC', () => {
    expect(hoursFrom(now, 36)).toBe('2030-01-02T12:00:00.000Z');
    expect(daysFrom(now, 90)).toBe('2030-04-01T00:00:00.000Z');
  });

  it('is live until the expiry instant, and never once revoked', () => {
    const c = { expiresAt: '2030-01-01T00:00:01.000Z', revokedAt: null };
    expect(isLive(c, now)).toBe(true);
    expect(isLive(c, new Date('2030-01-01T00:00:01.000Z'))).toBe(false);
    expect(isLive({ ...c, revokedAt: '2029-12-31T00:00:00.000Z' }, now)).toBe(false);
  });
});
