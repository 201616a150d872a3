// Which IP addresses a webhook must never reach: loopback, private, link-local (cloud metadata at
// 169.254.169.254), carrier-grade NAT, unique-local, multicast, reserved and documentation ranges.
// Sending there would let any org admin make this server probe its own network (SSRF). Matching
// is done by node's net.BlockList, which also checks IPv4-mapped IPv6 (::ffff:a.b.c.d) against
// the IPv4 ranges; IPv4 embedded in NAT64 and 6to4 addresses is blocked by rules derived below.
import { BlockList, isIP } from 'node:net';

/** Why an address is blocked, as shown to the user and in the delivery log. */
export type BlockedKind =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'carrier-grade NAT'
  | 'unique-local'
  | 'multicast'
  | 'reserved';

interface Range {
  kind: BlockedKind;
  network: string;
  prefix: number;
}

const IPV4: readonly Range[] = [
  { kind: 'unspecified', network: '0.0.0.0', prefix: 8 }, // "this network", incl. 0.0.0.0
  { kind: 'private', network: '10.0.0.0', prefix: 8 },
  { kind: 'carrier-grade NAT', network: '100.64.0.0', prefix: 10 },
  { kind: 'loopback', network: '127.0.0.0', prefix: 8 },
  { kind: 'link-local', network: '169.254.0.0', prefix: 16 }, // cloud metadata lives here
  { kind: 'private', network: '172.16.0.0', prefix: 12 },
  { kind: 'reserved', network: '192.0.0.0', prefix: 24 }, // IETF protocol assignments
  { kind: 'reserved', network: '192.0.2.0', prefix: 24 }, // TEST-NET-1
  { kind: 'reserved', network: '192.88.99.0', prefix: 24 }, // 6to4 relay anycast
  { kind: 'private', network: '192.168.0.0', prefix: 16 },
  { kind: 'reserved', network: '198.18.0.0', prefix: 15 }, // benchmarking
  { kind: 'reserved', network: '198.51.100.0', prefix: 24 }, // TEST-NET-2
  { kind: 'reserved', network: '203.0.113.0', prefix: 24 }, // TEST-NET-3
  { kind: 'multicast', network: '224.0.0.0', prefix: 4 },
  { kind: 'reserved', network: '240.0.0.0', prefix: 4 }, // incl. broadcast 255.255.255.255
];

const IPV6: readonly Range[] = [
  { kind: 'unspecified', network: '::', prefix: 128 },
  { kind: 'loopback', network: '::1', prefix: 128 },
  { kind: 'reserved', network: '::', prefix: 96 }, // IPv4-compatible (deprecated)
  { kind: 'reserved', network: '64:ff9b:1::', prefix: 48 }, // local-use NAT64
  { kind: 'reserved', network: '100::', prefix: 64 }, // discard-only
  { kind: 'reserved', network: '2001::', prefix: 32 }, // Teredo tunnels
  { kind: 'reserved', network: '2001:db8::', prefix: 32 }, // documentation
  { kind: 'unique-local', network: 'fc00::', prefix: 7 },
  { kind: 'link-local', network: 'fe80::', prefix: 10 },
  { kind: 'reserved', network: 'fec0::', prefix: 10 }, // site-local (deprecated)
  { kind: 'multicast', network: 'ff00::', prefix: 8 },
];

/** "10.0.0.0" -> "a00:0": the two IPv6 groups that carry an IPv4 address. */
function ipv4AsGroups(v4: string): string {
  const [a = 0, b = 0, c = 0, d = 0] = v4.split('.').map(Number);
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/**
 * The IPv4 ranges again, as they appear inside IPv6 addresses that carry an IPv4 address:
 * NAT64 (64:ff9b::a.b.c.d/96, RFC 6052) and 6to4 (2002:AABB:CCDD::/48, RFC 3056). The mapped form
 * ::ffff:a.b.c.d needs no rule: BlockList already checks it against the IPv4 ranges.
 */
const EMBEDDED: readonly Range[] = IPV4.flatMap((r) => [
  { kind: r.kind, network: `64:ff9b::${r.network}`, prefix: 96 + r.prefix },
  { kind: r.kind, network: `2002:${ipv4AsGroups(r.network)}::`, prefix: 16 + r.prefix },
]);

const LISTS: readonly { kind: BlockedKind; list: BlockList }[] = (() => {
  const byKind = new Map<BlockedKind, BlockList>();
  const add = (r: Range, family: 'ipv4' | 'ipv6') => {
    let list = byKind.get(r.kind);
    if (list === undefined) {
      list = new BlockList();
      byKind.set(r.kind, list);
    }
    list.addSubnet(r.network, r.prefix, family);
  };
  for (const r of IPV4) add(r, 'ipv4');
  for (const r of [...IPV6, ...EMBEDDED]) add(r, 'ipv6');
  return [...byKind].map(([kind, list]) => ({ kind, list }));
})();

/**
 * The kind of blocked range an IP address (v4 or v6, no brackets) falls in, or null when it is a
 * public address a webhook may reach. Anything that is not an IP address counts as blocked
 * ('reserved'): callers must resolve host names first.
 */
export function blockedKindOf(address: string): BlockedKind | null {
  const v = isIP(address);
  if (v === 0) return 'reserved';
  const family = v === 4 ? 'ipv4' : 'ipv6';
  for (const { kind, list } of LISTS) if (list.check(address, family)) return kind;
  return null;
}

export const isBlockedAddress = (address: string): boolean => blockedKindOf(address) !== null;
