import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../test/support/tls.js';
import { isHttpsUrl, parsePublicUrl, readTlsFiles } from './https.js';

describe('parsePublicUrl', () => {
  it.each([
    ['https://vigie.example.org', 'https://vigie.example.org'],
    ['https://vigie.example.org/', 'https://vigie.example.org'],
    ['  HTTPS://Vigie.Example.org:443/ ', 'https://vigie.example.org'],
    ['https://vigie.example.org:8443', 'https://vigie.example.org:8443'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['https://[::1]:8443/', 'https://[::1]:8443'],
  ])('accepts %j as %j', (text, origin) => {
    expect(parsePublicUrl(text)).toEqual({ ok: true, value: origin });
  });

  it.each([
    ['vigie.example.org', 'public_url_invalid'],
    ['', 'public_url_invalid'],
    ['https://', 'public_url_invalid'],
    ['ftp://vigie.example.org', 'public_url_scheme'],
    ['javascript:alert(1)', 'public_url_scheme'],
    ['https://admin:secret@vigie.example.org', 'public_url_credentials'],
    ['https://vigie.example.org/vigie', 'public_url_path'],
    ['https://vigie.example.org/?a=1', 'public_url_path'],
    ['https://vigie.example.org/#top', 'public_url_path'],
    ['https://vigie.example.org?', 'public_url_path'],
  ])('refuses %j (%s)', (text, code) => {
    expect(parsePublicUrl(text)).toEqual({ ok: false, error: { code } });
  });

  it('tells https addresses apart', () => {
    expect(isHttpsUrl('https://vigie.example.org')).toBe(true);
    expect(isHttpsUrl('http://vigie.example.org')).toBe(false);
    expect(isHttpsUrl(undefined)).toBe(false);
  });
});

describe('readTlsFiles', () => {
  const pair = selfSignedCertificate();
  const other = selfSignedCertificate();
  afterAll(() => {
    pair.dispose();
    other.dispose();
  });

  it('reads a certificate and its key', () => {
    const result = readTlsFiles(pair.cert, pair.key);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.cert.equals(readFileSync(pair.cert))).toBe(true);
      expect(result.value.key.equals(readFileSync(pair.key))).toBe(true);
    }
  });

  it('refuses missing and special files up front, naming the file', () => {
    const missing = join(pair.dir, 'missing.pem');
    expect(readTlsFiles(missing, pair.key)).toEqual({
      ok: false,
      error: { code: 'tls_unreadable', file: missing, reason: 'ENOENT' },
    });
    expect(readTlsFiles(pair.cert, '/dev/zero')).toEqual({
      ok: false,
      error: { code: 'tls_unreadable', file: '/dev/zero', reason: 'not a regular file' },
    });
    const fifo = join(pair.dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(readTlsFiles(fifo, pair.key)).toMatchObject({ ok: false, error: { file: fifo } });
    expect(readTlsFiles(pair.dir, pair.key)).toMatchObject({
      ok: false,
      error: { file: pair.dir },
    });
  });

  it('refuses a file that is not a PEM certificate or key, and a key swapped in', () => {
    const junk = join(pair.dir, 'junk.pem');
    writeFileSync(junk, 'not a certificate\n');
    expect(readTlsFiles(junk, pair.key)).toEqual({
      ok: false,
      error: { code: 'tls_bad_cert', file: junk },
    });
    expect(readTlsFiles(pair.key, pair.key)).toMatchObject({ error: { code: 'tls_bad_cert' } });
    expect(readTlsFiles(pair.cert, junk)).toEqual({
      ok: false,
      error: { code: 'tls_bad_key', file: junk },
    });
    expect(readTlsFiles(pair.cert, pair.cert)).toMatchObject({ error: { code: 'tls_bad_key' } });
    expect(readTlsFiles(pair.cert, other.key)).toEqual({
      ok: false,
      error: { code: 'tls_mismatch', cert: pair.cert, key: other.key },
    });
  });

  it('refuses an encrypted key (no passphrase to ask for)', () => {
    const encrypted = join(pair.dir, 'encrypted.pem');
    execFileSync('openssl', [
      'pkey',
      '-in',
      pair.key,
      '-aes256',
      '-passout',
      'pass:secret',
      '-out',
      encrypted,
    ]);
    expect(readTlsFiles(pair.cert, encrypted)).toEqual({
      ok: false,
      error: { code: 'tls_bad_key', file: encrypted },
    });
  });
});
