import { describe, expect, it } from 'vitest';
import {
  CIPHER_SUITES,
  LEGACY_SUITES,
  NAMED_GROUPS,
  SIGNATURE_SCHEMES,
  TLS13_SUITES,
  groupByCode,
  suiteByCode,
} from './suites.js';

describe('IANA cipher-suite registry', () => {
  it('holds every assigned suite once', () => {
    expect(CIPHER_SUITES.length).toBeGreaterThan(340);
    expect(new Set(CIPHER_SUITES.map((s) => s.code)).size).toBe(CIPHER_SUITES.length);
    expect(new Set(CIPHER_SUITES.map((s) => s.iana)).size).toBe(CIPHER_SUITES.length);
  });

  it.each([
    [0xc02f, 'ECDHE', 'RSA', 'AES_128_GCM', 128, 'AEAD', true, 'tls12'],
    [0x000a, 'RSA', 'RSA', '3DES_EDE_CBC', 112, 'SHA1', false, 'ssl3'],
    [0x0003, 'RSA', 'RSA', 'RC4_40', 40, 'MD5', false, 'ssl3'],
    [0x1301, 'any', 'any', 'AES_128_GCM', 128, 'AEAD', true, 'tls13'],
    [0xcca8, 'ECDHE', 'RSA', 'CHACHA20_POLY1305', 256, 'AEAD', true, 'tls12'],
    [0x0039, 'DHE', 'RSA', 'AES_256_CBC', 256, 'SHA1', true, 'ssl3'],
    [0xc00a, 'ECDHE', 'ECDSA', 'AES_256_CBC', 256, 'SHA1', true, 'tls10'],
    [0xc09c, 'RSA', 'RSA', 'AES_128_CCM', 128, 'AEAD', false, 'tls12'],
    [0x0034, 'DHE', 'anon', 'AES_128_CBC', 128, 'SHA1', false, 'ssl3'],
    [0xc03c, 'RSA', 'RSA', 'ARIA_128_CBC', 128, 'SHA256', false, 'tls12'],
  ] as const)('derives 0x%s from the IANA name', (code, kx, auth, enc, bits, mac, fs, since) => {
    const s = suiteByCode(code);
    expect(s).toMatchObject({ kx, auth, enc, bits, mac, forwardSecrecy: fs, since });
  });

  it('flags the weak families', () => {
    expect(suiteByCode(0x0004)?.flags).toMatchObject({ rc4: true, cbc: false, export: false });
    expect(suiteByCode(0x0003)?.flags.export).toBe(true);
    expect(suiteByCode(0x0002)?.flags.null).toBe(true);
    expect(suiteByCode(0x0018)?.flags.anon).toBe(true);
    expect(suiteByCode(0x0009)?.flags).toMatchObject({ des: true, '3des': false });
    expect(suiteByCode(0x0041)?.flags.camellia).toBe(true);
    expect(suiteByCode(0x0096)?.flags.seed).toBe(true);
    expect(suiteByCode(0x0007)?.flags.idea).toBe(true);
    expect(suiteByCode(0x00ff)?.flags.scsv).toBe(true);
    expect(suiteByCode(0xc02f)?.flags).toMatchObject({ cbc: false, null: false, rc4: false });
    expect(suiteByCode(0xc02f)?.openssl).toBe('ECDHE-RSA-AES128-GCM-SHA256');
    expect(suiteByCode(0xffff)).toBeUndefined();
  });

  it('splits what a TLS 1.3 and a legacy hello may offer', () => {
    expect(TLS13_SUITES.map((s) => s.code)).toEqual(
      expect.arrayContaining([0x1301, 0x1302, 0x1303]),
    );
    expect(LEGACY_SUITES.some((s) => s.code === 0x1301 || s.flags.scsv)).toBe(false);
    expect(LEGACY_SUITES.length).toBeGreaterThan(320);
  });

  it('knows groups and signature schemes', () => {
    expect(groupByCode(29)?.name).toBe('x25519');
    expect(groupByCode(256)).toMatchObject({ name: 'ffdhe2048', kind: 'ffdhe' });
    expect(groupByCode(0x11ec)).toMatchObject({ name: 'X25519MLKEM768', kind: 'pq-hybrid' });
    expect(new Set(NAMED_GROUPS.map((g) => g.code)).size).toBe(NAMED_GROUPS.length);
    expect(SIGNATURE_SCHEMES.find((s) => s.code === 0x0804)?.name).toBe('rsa_pss_rsae_sha256');
  });
});
