import { describe, expect, it } from 'vitest';
import { blockedKindOf, isBlockedAddress } from './blocked-addresses.ts';

describe('webhook destination address classification', () => {
  it('blocks loopback, private, link-local, CGNAT, unspecified, multicast and reserved IPv4', () => {
    const cases: [string, string][] = [
      ['127.0.0.1', 'loopback'],
      ['127.255.255.254', 'loopback'],
      ['10.0.0.1', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.10', 'private'],
      ['169.254.169.254', 'link-local'],
      ['100.64.0.1', 'carrier-grade NAT'],
      ['100.127.255.255', 'carrier-grade NAT'],
      ['0.0.0.0', 'unspecified'],
      ['224.0.0.1', 'multicast'],
      ['239.255.255.250', 'multicast'],
      ['255.255.255.255', 'reserved'],
      ['192.0.2.1', 'reserved'],
      ['198.18.0.1', 'reserved'],
    ];
    expect(cases.map(([a]) => [a, blockedKindOf(a)])).toEqual(cases);
  });

  it('blocks the IPv6 equivalents, including IPv4 carried inside IPv6', () => {
    const cases: [string, string][] = [
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['fd00::1', 'unique-local'],
      ['fc00::1', 'unique-local'],
      ['fe80::1', 'link-local'],
      ['ff02::1', 'multicast'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:169.254.169.254', 'link-local'],
      ['::ffff:10.0.0.1', 'private'],
      ['64:ff9b::10.1.2.3', 'private'],
      ['64:ff9b::127.0.0.1', 'loopback'],
      ['2002:a9fe:a9fe::1', 'link-local'], // 6to4 around 169.254.169.254
      ['::127.0.0.1', 'reserved'], // IPv4-compatible
      ['2001:db8::1', 'reserved'],
    ];
    expect(cases.map(([a]) => [a, blockedKindOf(a)])).toEqual(cases);
  });

  it('lets public addresses through, next to the blocked ranges', () => {
    for (const a of [
      '8.8.8.8',
      '1.1.1.1',
      '100.63.255.255',
      '100.128.0.1',
      '172.15.255.255',
      '172.32.0.1',
      '169.253.255.255',
      '223.255.255.255',
      '2606:4700:4700::1111',
      '::ffff:8.8.8.8',
      '64:ff9b::8.8.8.8', // NAT64 of a public address (DNS64 on IPv6-only hosts)
      '2002:808:808::1',
    ]) {
      expect([a, isBlockedAddress(a)]).toEqual([a, false]);
    }
  });

  it('treats anything that is not an IP address as blocked', () => {
    expect(blockedKindOf('localhost')).toBe('reserved');
    expect(blockedKindOf('')).toBe('reserved');
    expect(blockedKindOf('[::1]')).toBe('reserved');
  });
});
