import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseIp, parseIpv6 } from './cidr.js';

function inside(network: string, address: string): boolean {
  const n = parseCidr(network);
  const a = parseIp(address);
  return n !== undefined && a !== undefined && cidrContains(n, a);
}

describe('cidr', () => {
  it.each([
    ['10.0.0.0/8', '10.255.255.255', true],
    ['10.0.0.0/8', '9.255.255.255', false],
    ['0.0.0.0/0', '1.2.3.4', true],
    ['192.168.1.0/24', '192.168.1.77', true],
    ['192.168.1.0/24', '192.168.2.1', false],
    ['::1/128', '::1', true],
    ['::1/128', '::2', false],
    ['fc00::/7', 'fd12:3456::1', true],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['10.0.0.0/8', '::ffff:10.1.1.1', true],
    ['10.0.0.0/8', 'fe80::1', false],
    ['fe80::/10', 'fe80::1%eth0', true],
  ])('%s contains %s → %s', (network, address, expected) => {
    expect(inside(network, address)).toBe(expected);
  });

  it.each(['10.0.0.0/33', '300.0.0.0/8', '::/129', 'abc', '1.2.3/8', '10.0.0.0/x'])(
    'rejects %s',
    (text) => {
      expect(parseCidr(text)).toBeUndefined();
    },
  );

  it('expands IPv6 forms', () => {
    expect(parseIpv6('1::')).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(parseIpv6('1:2:3:4:5:6:7:8:9')).toBeUndefined();
    expect(parseIpv6('1::2::3')).toBeUndefined();
  });
});
