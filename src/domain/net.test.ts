import { describe, expect, it } from 'vitest';
import { networkContains, networkWithin, parseAddress, parseNetwork, type Network } from './net.js';

const hex = (digits: string): bigint => BigInt(`0x${digits}`);

const network = (text: string): Network => {
  const parsed = parseNetwork(text);
  if (parsed === undefined) throw new Error(`bad test network ${text}`);
  return parsed;
};

describe('parseAddress', () => {
  it.each([
    ['0.0.0.0', 0n],
    ['255.255.255.255', 0xffffffffn],
    ['10.1.2.3', 0x0a010203n],
    ['192.168.0.1', 0xc0a80001n],
  ])('reads IPv4 %s', (text, value) => {
    expect(parseAddress(text)).toEqual({ family: 4, value });
  });

  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['1::', 1n << 112n],
    ['::ffff:1.2.3.4', 0xffff01020304n],
    ['0:0:0:0:0:ffff:1.2.3.4', 0xffff01020304n],
    ['::1.2.3.4', 0x01020304n],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', hex('20010db8000000000000ff0000428329')],
    ['2001:db8::ff00:42:8329', hex('20010db8000000000000ff0000428329')],
    ['2001:DB8::FF00:42:8329', hex('20010db8000000000000ff0000428329')],
    ['1:2:3:4:5:6:7:8', hex('00010002000300040005000600070008')],
    ['1:2:3:4:5:6:7::', hex('00010002000300040005000600070000')],
    ['::2:3:4:5:6:7:8', hex('00000002000300040005000600070008')],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', (1n << 128n) - 1n],
    ['fe80::1:2', hex('fe800000000000000000000000010002')],
  ])('reads IPv6 %s', (text, value) => {
    expect(parseAddress(text)).toEqual({ family: 6, value });
  });

  it.each([
    '',
    '1.2.3',
    '256.1.1.1',
    '1.2.3.4.5',
    '1.2.3.-1',
    '1.2.3.1000',
    '1..2.3',
    ' 1.2.3.4',
    '1.2.3.4 ',
    'a.b.c.d',
    '1:2:3:4:5:6:7:8:9',
    ':::',
    '1::2::3',
    '12345::',
    'g::1',
    ':1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:',
    '1:2:3:4:5:6:7::8',
    '1:2:3:4:5:6:7:8::',
    '1:2:3:4:5:6:7',
    '::1.2.3',
    '::256.1.1.1',
    '::1.2.3.4:5',
    'fe80::1%eth0',
    '::/0',
  ])('rejects %j', (text) => {
    expect(parseAddress(text)).toBeUndefined();
  });

  // Bug: an IPv4 tail written before `::` is moved after it: `1.2.3.4::` is read as `::1.2.3.4`.
  it.each(['1.2.3.4::', '1:2:3:4:5:1.2.3.4::'])('rejects an IPv4 part before :: (%s)', (text) => {
    expect(parseAddress(text)).toBeUndefined();
  });
});

describe('parseNetwork', () => {
  it.each([
    ['10.0.0.0/8', 4, 0x0a000000n, 8],
    ['10.1.2.3/8', 4, 0x0a000000n, 8],
    ['10.0.0.77/24', 4, 0x0a000000n, 24],
    ['0.0.0.0/0', 4, 0n, 0],
    ['255.255.255.255/0', 4, 0n, 0],
    ['1.2.3.4/32', 4, 0x01020304n, 32],
    ['10.0.0.5/31', 4, 0x0a000004n, 31],
    ['2001:db8::/32', 6, hex('20010db8') << 96n, 32],
    ['2001:db8:ffff::1/32', 6, hex('20010db8') << 96n, 32],
    ['::/0', 6, 0n, 0],
    ['ffff::/0', 6, 0n, 0],
    ['::1/128', 6, 1n, 128],
    ['2001:db8::1/127', 6, hex('20010db8000000000000000000000000'), 127],
  ])('reads %s', (text, family, base, prefix) => {
    expect(parseNetwork(text)).toEqual({ family, base, prefix });
  });

  it.each([
    '10.0.0.0',
    '10.0.0.0/',
    '10.0.0.0/33',
    '10.0.0.0/-1',
    '10.0.0.0/a',
    '10.0.0.0/1000',
    '1.2.3/8',
    '256.0.0.0/8',
    '::/129',
    '/8',
    '',
  ])('rejects %j', (text) => {
    expect(parseNetwork(text)).toBeUndefined();
  });

  // Bug: text after a second slash is ignored, so `10.0.0.0/8/16` is read as `10.0.0.0/8`.
  it('rejects a network with two prefixes', () => {
    expect(parseNetwork('10.0.0.0/8/16')).toBeUndefined();
  });
});

describe('networkContains', () => {
  it.each([
    ['10.0.0.0/24', '10.0.0.0', true],
    ['10.0.0.0/24', '10.0.0.255', true],
    ['10.0.0.0/24', '10.0.1.0', false],
    ['10.0.0.0/24', '9.255.255.255', false],
    ['10.0.0.77/24', '10.0.0.1', true],
    ['10.0.0.77/24', '10.0.0.200', true],
    ['10.0.0.77/24', '10.0.1.77', false],
    ['0.0.0.0/0', '0.0.0.0', true],
    ['0.0.0.0/0', '255.255.255.255', true],
    ['0.0.0.0/0', '::', false],
    ['1.2.3.4/32', '1.2.3.4', true],
    ['1.2.3.4/32', '1.2.3.5', false],
    ['1.2.3.4/32', '1.2.3.3', false],
    ['10.0.0.4/31', '10.0.0.5', true],
    ['10.0.0.4/31', '10.0.0.6', false],
    ['::/0', '::', true],
    ['::/0', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', true],
    ['::/0', '0.0.0.0', false],
    ['::1/128', '::1', true],
    ['::1/128', '::2', false],
    ['::1/128', '0.0.0.1', false],
    ['2001:db8:0:1::/64', '2001:db8:0:1:ffff:ffff:ffff:ffff', true],
    ['2001:db8:0:1::/64', '2001:db8:0:1::', true],
    ['2001:db8:0:1::/64', '2001:db8:0:2::', false],
    ['2001:db8:0:1::/64', '2001:db8:0:0:ffff:ffff:ffff:ffff', false],
    ['::ffff:0:0/96', '::ffff:10.0.0.1', true],
    ['10.0.0.0/8', 'not-an-address', false],
    ['10.0.0.0/8', '10.0.0', false],
  ])('%s contains %s: %s', (net, address, expected) => {
    expect(networkContains(network(net), address)).toBe(expected);
  });
});

describe('networkWithin', () => {
  it.each([
    ['10.0.1.0/24', '10.0.0.0/16', true],
    ['10.0.255.0/24', '10.0.0.0/16', true],
    ['10.1.0.0/24', '10.0.0.0/16', false],
    ['10.0.0.0/16', '10.0.1.0/24', false],
    ['10.0.0.0/15', '10.0.0.0/16', false],
    ['10.0.0.0/16', '10.0.0.0/16', true],
    ['10.0.0.77/24', '10.0.0.0/24', true],
    ['10.0.0.0/24', '10.0.0.77/24', true],
    ['10.0.0.5/32', '10.0.0.4/31', true],
    ['10.0.0.6/32', '10.0.0.4/31', false],
    ['1.2.3.4/32', '0.0.0.0/0', true],
    ['0.0.0.0/0', '0.0.0.0/0', true],
    ['0.0.0.0/0', '0.0.0.0/1', false],
    ['2001:db8:1::/48', '2001:db8::/32', true],
    ['2001:db9::/48', '2001:db8::/32', false],
    ['::1/128', '::/0', true],
    ['::1/128', '::1/128', true],
    ['::2/128', '::1/128', false],
    ['::/0', '0.0.0.0/0', false],
    ['10.0.0.0/8', '::/0', false],
  ])('%s within %s: %s', (inner, outer, expected) => {
    expect(networkWithin(network(inner), network(outer))).toBe(expected);
  });
});
