/**
 * HTTPS settings of `vigie serve`: the public address users open (`--public-url`,
 * VIGIE_PUBLIC_URL) and the certificate and key for serving HTTPS directly (`--tls-cert`,
 * `--tls-key`). Parsing returns Results with stable codes; the CLI words them. I/O edge (reads
 * the PEM files).
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { err, ok, type Result } from '../domain/result.js';

/** Sent with every response when Vigie is reached over HTTPS: one year, subdomains included. */
export const HSTS_HEADER = 'max-age=31536000; includeSubDomains';

export interface PublicUrlError {
  readonly code:
    'public_url_invalid' | 'public_url_scheme' | 'public_url_credentials' | 'public_url_path';
}

/**
 * The address users open, as an origin (`https://vigie.example.org`, no trailing slash). Vigie
 * is served at the root of its site, so a path, query or fragment is refused, as are
 * credentials and schemes other than http and https.
 */
export function parsePublicUrl(text: string): Result<string, PublicUrlError> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return err({ code: 'public_url_invalid' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return err({ code: 'public_url_scheme' });
  if (url.hostname === '') return err({ code: 'public_url_invalid' });
  if (url.username !== '' || url.password !== '') return err({ code: 'public_url_credentials' });
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    return err({ code: 'public_url_path' });
  }
  return ok(url.origin);
}

/** True when users reach Vigie over HTTPS (cookies then carry `Secure`, HSTS is sent). */
export function isHttpsUrl(publicUrl: string | undefined): boolean {
  return publicUrl?.startsWith('https://') === true;
}

export interface TlsFiles {
  readonly cert: Buffer;
  readonly key: Buffer;
}

export type TlsError =
  | { readonly code: 'tls_unreadable'; readonly file: string; readonly reason: string }
  | { readonly code: 'tls_bad_cert'; readonly file: string }
  | { readonly code: 'tls_bad_key'; readonly file: string }
  | { readonly code: 'tls_mismatch'; readonly cert: string; readonly key: string };

/** PEM files are small; anything larger (or not a regular file: /dev/zero, a FIFO) is refused. */
const MAX_PEM_BYTES = 1024 * 1024;

function readPem(file: string): Result<Buffer, TlsError> {
  try {
    const info = statSync(file);
    if (!info.isFile()) {
      return { ok: false, error: { code: 'tls_unreadable', file, reason: 'not a regular file' } };
    }
    if (info.size > MAX_PEM_BYTES) {
      return { ok: false, error: { code: 'tls_unreadable', file, reason: 'larger than 1 MB' } };
    }
    return { ok: true, value: readFileSync(file) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, error: { code: 'tls_unreadable', file, reason } };
  }
}

/**
 * Reads and checks a PEM certificate (chain) and its private key: both readable, parseable, and
 * the key matching the certificate. An encrypted key is refused (there is no passphrase to ask).
 */
export function readTlsFiles(certFile: string, keyFile: string): Result<TlsFiles, TlsError> {
  const cert = readPem(certFile);
  if (!cert.ok) return cert;
  const key = readPem(keyFile);
  if (!key.ok) return key;
  let certificate: X509Certificate;
  try {
    if (!cert.value.toString('latin1').includes('-----BEGIN CERTIFICATE-----')) throw new Error();
    certificate = new X509Certificate(cert.value);
  } catch {
    return { ok: false, error: { code: 'tls_bad_cert', file: certFile } };
  }
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    if (!key.value.toString('latin1').includes('PRIVATE KEY-----')) throw new Error();
    privateKey = createPrivateKey({ key: key.value, format: 'pem' });
  } catch {
    return { ok: false, error: { code: 'tls_bad_key', file: keyFile } };
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    return { ok: false, error: { code: 'tls_mismatch', cert: certFile, key: keyFile } };
  }
  return { ok: true, value: { cert: cert.value, key: key.value } };
}
