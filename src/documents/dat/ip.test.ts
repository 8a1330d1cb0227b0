import { describe, expect, it } from 'vitest';
import { compareIp, contains, overlaps, parseCidr, parseIp } from './ip.js';

describe('ip', () => {
  it('parses IPv4 and IPv6 addresses', () => {
    expect(parseIp('10.0.0.1')).toEqual({ family: 4, value: 167_772_161n });
    expect(parseIp('::1')).toEqual({ family: 6, value: 1n });
    expect(parseIp('2001:db8::1')?.value).toBe((0x2001n << 112n) + (0xdb8n << 96n) + 1n);
    expect(parseIp('::ffff:10.0.0.1')?.value).toBe((0xffffn << 32n) + 167_772_161n);
    for (const bad of ['10.0.0', '10.0.0.256', '1::2::3', 'fe80::zz', 'host'])
      expect(parseIp(bad)).toBeUndefined();
  });

  it('parses CIDR blocks to their first and last address', () => {
    expect(parseCidr('10.10.0.0/16')).toEqual({
      family: 4,
      start: 168_427_520n,
      end: 168_493_055n,
    });
    expect(parseCidr('10.10.1.7/24')?.start).toBe(parseIp('10.10.1.0')?.value);
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('10.0.0.0')).toBeUndefined();
  });

  it('tells containment and overlap', () => {
    const lan = parseCidr('192.168.1.0/24');
    const half = parseCidr('192.168.1.128/25');
    const other = parseCidr('192.168.2.0/24');
    const ip = parseIp('192.168.1.200');
    if (lan === undefined || half === undefined || other === undefined || ip === undefined)
      throw new Error('parse');
    expect(contains(lan, ip)).toBe(true);
    expect(contains(other, ip)).toBe(false);
    expect(overlaps(lan, half)).toBe(true);
    expect(overlaps(lan, other)).toBe(false);
    expect(overlaps(lan, { family: 6, start: lan.start, end: lan.end })).toBe(false);
  });

  it('orders IPv4 before IPv6, numerically', () => {
    const sorted = ['10.0.0.10', '::1', '10.0.0.9', '9.255.255.255']
      .map((a) => ({ a, ip: parseIp(a) }))
      .sort((x, y) => compareIp(x.ip, y.ip))
      .map((x) => x.a);
    expect(sorted).toEqual(['9.255.255.255', '10.0.0.9', '10.0.0.10', '::1']);
  });
});
