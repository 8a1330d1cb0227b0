/** Observations for the checks' tests: a served page with the given headers. */
import { parseHsts, parseSetCookie, header, headerValues } from '../headers.js';
import type { HttpExchange, HttpObservation } from '../observation.js';

export function exchange(
  status: number,
  headers: readonly (readonly [string, string])[],
  body = '<html></html>',
  path = '/',
): HttpExchange {
  return {
    method: 'GET',
    path,
    status,
    reason: '',
    headers,
    bodySample: body,
    bodyLength: body.length,
    truncated: false,
    error: null,
    durationMs: 1,
  };
}

/** An endpoint whose `/` answered `root` (also the judged page), cookies and HSTS parsed from it. */
export function observation(
  options: { tls?: boolean; root: HttpExchange } & Partial<HttpObservation>,
): HttpObservation {
  const { tls = false, root, ...rest } = options;
  const hsts = header(root.headers, 'strict-transport-security');
  return {
    target: { address: '127.0.0.70', port: tls ? 443 : 80, tls, host: null },
    subject: `127.0.0.70:${tls ? '443' : '80'}`,
    reachable: true,
    error: null,
    root,
    page: root,
    cookies: headerValues(root.headers, 'set-cookie').map(parseSetCookie),
    hsts: tls && hsts !== null ? parseHsts(hsts) : null,
    redirect: null,
    notFound: null,
    defaultPage: null,
    paths: [],
    trace: null,
    requests: 1,
    durationMs: 1,
    ...rest,
  };
}

/** The OWASP Secure Headers set, as the hardened server sends it. */
export const HARDENED_HEADERS: readonly (readonly [string, string])[] = [
  ['Server', 'nginx'],
  ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
  [
    'Content-Security-Policy',
    "default-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; upgrade-insecure-requests",
  ],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'deny'],
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', 'camera=(), microphone=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Embedder-Policy', 'require-corp'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];
