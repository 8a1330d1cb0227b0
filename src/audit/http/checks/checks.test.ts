import { describe, expect, it } from 'vitest';
import { runChecks } from '../../findings.js';
import type { HttpObservation, PathFinding } from '../observation.js';
import { HARDENED_HEADERS, exchange, observation } from './fixtures.js';
import { HTTP_CHECKS } from './index.js';

const ids = (o: HttpObservation) =>
  runChecks(HTTP_CHECKS, o, undefined)
    .map((f) => f.id)
    .sort();
const only = (
  headers: readonly (readonly [string, string])[],
  name: string,
  value: string | null,
) => {
  const kept = headers.filter(([key]) => key.toLowerCase() !== name.toLowerCase());
  return value === null ? kept : [...kept, [name, value] as const];
};
const path = (p: string, kind: PathFinding['kind'], matched = true): PathFinding => ({
  path: p,
  kind,
  label: 'x',
  status: 200,
  matched,
  evidence: 'ref: refs/heads/main',
});

describe('HTTP checks', () => {
  it('find nothing on the OWASP-hardened HTTPS page', () => {
    expect(ids(observation({ tls: true, root: exchange(200, HARDENED_HEADERS) }))).toEqual([]);
  });

  it.each([
    ['Strict-Transport-Security', null, 'http-hsts-missing'],
    ['Strict-Transport-Security', 'max-age=3600; includeSubDomains', 'http-hsts-weak'],
    ['Strict-Transport-Security', 'max-age=63072000', 'http-hsts-weak'],
    ['Strict-Transport-Security', 'includeSubDomains', 'http-hsts-weak'],
    ['Content-Security-Policy', null, 'http-csp-missing'],
    [
      'Content-Security-Policy',
      "default-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
      'http-csp-weak',
    ],
    [
      'Content-Security-Policy',
      "default-src 'self'; script-src *; base-uri 'self'; frame-ancestors 'none'",
      'http-csp-weak',
    ],
    [
      'Content-Security-Policy',
      "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
      'http-csp-weak',
    ],
    [
      'Content-Security-Policy',
      "default-src 'self'; object-src 'none'; frame-ancestors 'none'",
      'http-csp-weak',
    ],
    ['X-Content-Type-Options', null, 'http-x-content-type-options-missing'],
    ['X-Content-Type-Options', 'sniff', 'http-x-content-type-options-missing'],
    ['Referrer-Policy', null, 'http-referrer-policy-missing'],
    ['Referrer-Policy', 'unsafe-url', 'http-referrer-policy-missing'],
    ['Permissions-Policy', null, 'http-permissions-policy-missing'],
    ['Cross-Origin-Opener-Policy', null, 'http-cross-origin-isolation-missing'],
    ['Server', 'nginx/1.22.1', 'http-version-disclosure'],
    ['X-AspNet-Version', '4.0.30319', 'http-version-disclosure'],
    ['X-Powered-By', 'Express', 'http-technology-headers'],
    ['Set-Cookie', 'sid=1; Secure; HttpOnly', 'http-cookie-without-samesite'],
    ['Set-Cookie', 'sid=1; Secure; SameSite=Lax', 'http-cookie-without-httponly'],
    ['Set-Cookie', 'sid=1; HttpOnly; SameSite=Strict', 'http-cookie-without-secure'],
  ] as const)('%s: %s → %s alone', (name, value, expected) => {
    const headers = only(HARDENED_HEADERS, name, value);
    expect(ids(observation({ tls: true, root: exchange(200, headers) }))).toEqual([
      `${expected}@127.0.0.70:443`,
    ]);
  });

  it('accepts frame-ancestors in place of X-Frame-Options, but not a wildcard', () => {
    const noXfo = only(HARDENED_HEADERS, 'X-Frame-Options', null);
    expect(ids(observation({ tls: true, root: exchange(200, noXfo) }))).toEqual([]);
    const wildcard = only(
      noXfo,
      'Content-Security-Policy',
      "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors *",
    );
    expect(ids(observation({ tls: true, root: exchange(200, wildcard) }))).toEqual([
      'http-clickjacking-unprotected@127.0.0.70:443',
    ]);
  });

  it("ignores 'unsafe-inline' beside a nonce (CSP3) and anti-CSRF cookies readable by scripts", () => {
    const nonce = only(
      HARDENED_HEADERS,
      'Content-Security-Policy',
      "default-src 'self'; script-src 'nonce-abc' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    const csrf = [...nonce, ['Set-Cookie', 'XSRF-TOKEN=x; Secure; SameSite=Strict'] as const];
    expect(ids(observation({ tls: true, root: exchange(200, csrf) }))).toEqual([]);
  });

  it('judge HSTS and Secure only over HTTPS, and the plain redirect', () => {
    const plain = only(
      only(HARDENED_HEADERS, 'Strict-Transport-Security', null),
      'Set-Cookie',
      'sid=1; HttpOnly; SameSite=Lax',
    );
    const redirect = { port: 80, answered: true, status: 200, location: null, toHttps: false };
    expect(ids(observation({ root: exchange(200, plain), redirect }))).toEqual([
      'http-no-https-redirect@127.0.0.70:80',
    ]);
    const redirected = { ...redirect, status: 301, location: 'https://x/', toHttps: true };
    expect(ids(observation({ root: exchange(301, []), page: null, redirect: redirected }))).toEqual(
      [],
    );
  });

  it('report matched paths one by one, never unmatched ones', () => {
    const paths = [
      path('/.git/HEAD', 'sensitive'),
      path('/server-status', 'admin'),
      path('/uploads/', 'listing'),
      path('/.env', 'sensitive', false),
      path('/admin/', 'admin', false),
    ];
    expect(ids(observation({ tls: true, root: exchange(200, HARDENED_HEADERS), paths }))).toEqual([
      'http-admin-interface-exposed@127.0.0.70:443/server-status',
      'http-directory-listing@127.0.0.70:443/uploads/',
      'http-sensitive-file-exposed@127.0.0.70:443/.git/HEAD',
    ]);
  });

  it('report a default page and an echoing TRACE', () => {
    const o = observation({
      tls: true,
      root: exchange(200, HARDENED_HEADERS),
      defaultPage: { product: 'nginx', evidence: '<title>Welcome to nginx!</title>' },
      trace: { status: 200, echoed: true },
    });
    expect(ids(o)).toEqual([
      'http-default-page@127.0.0.70:443',
      'http-trace-enabled@127.0.0.70:443',
    ]);
    expect(ids({ ...o, defaultPage: null, trace: { status: 405, echoed: false } })).toEqual([]);
  });

  it('mask cookie values in evidence and rate severities from the vectors', () => {
    const headers = only(HARDENED_HEADERS, 'Set-Cookie', 'sid=topsecret; Path=/');
    const findings = runChecks(
      HTTP_CHECKS,
      observation({ tls: true, root: exchange(200, headers) }),
      undefined,
    );
    expect(findings.map((f) => f.evidence).join('\n')).not.toContain('topsecret');
    const sensitive = runChecks(
      HTTP_CHECKS,
      observation({
        tls: true,
        root: exchange(200, HARDENED_HEADERS),
        paths: [path('/.env', 'sensitive')],
      }),
      undefined,
    );
    expect(sensitive[0]?.severity).toBe('high');
  });
});
