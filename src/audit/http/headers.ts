/**
 * Reading response headers: case-insensitive lookups, the OWASP Secure Headers Project lists
 * (data/, Apache 2.0), and parsers for Set-Cookie (RFC 6265), Strict-Transport-Security
 * (RFC 6797) and Content-Security-Policy (CSP Level 3) — pure, shared by the probe and the checks.
 */
import headersAdd from './data/headers_add.json' with { type: 'json' };
import headersRemove from './data/headers_remove.json' with { type: 'json' };
import type { HstsPolicy, SetCookie } from './observation.js';

type Headers = readonly (readonly [string, string])[];

/** Headers the OWASP Secure Headers Project recommends sending, with its recommended value. */
export const OWASP_HEADERS_TO_ADD: ReadonlyMap<string, string> = new Map(
  headersAdd.headers.map((header) => [header.name.toLowerCase(), header.value]),
);

/** Headers the OWASP Secure Headers Project recommends removing (they describe the stack). */
export const OWASP_HEADERS_TO_REMOVE: ReadonlySet<string> = new Set(
  headersRemove.headers.filter((name) => !name.startsWith('$')).map((name) => name.toLowerCase()),
);

/** The OWASP recommended value of a header to add (for remediation texts). */
export function owaspValue(name: string): string {
  return OWASP_HEADERS_TO_ADD.get(name.toLowerCase()) ?? '';
}

/** Every value of a header, in order (names compared case-insensitively). */
export function headerValues(headers: Headers, name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
}

/** The first value of a header, or null. */
export function header(headers: Headers, name: string): string | null {
  return headerValues(headers, name)[0] ?? null;
}

/** Parses one Set-Cookie header; the value is masked in `raw` (it may be a session id). */
export function parseSetCookie(line: string): SetCookie {
  const [pair = '', ...attributes] = line.split(';');
  const equals = pair.indexOf('=');
  const name = (equals < 0 ? pair : pair.slice(0, equals)).trim();
  let secure = false;
  let httpOnly = false;
  let sameSite: string | null = null;
  let path: string | null = null;
  let domain: string | null = null;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : attribute.slice(at + 1).trim();
    if (key === 'secure') secure = true;
    else if (key === 'httponly') httpOnly = true;
    else if (key === 'samesite') sameSite = value;
    else if (key === 'path') path = value;
    else if (key === 'domain') domain = value;
  }
  const masked = equals < 0 ? pair.trim() : `${name}=…`;
  return { name, secure, httpOnly, sameSite, path, domain, raw: [masked, ...attributes].join(';') };
}

/** Parses Strict-Transport-Security (RFC 6797 §6.1); directives are case-insensitive. */
export function parseHsts(value: string): HstsPolicy {
  let maxAge: number | null = null;
  let includeSubDomains = false;
  let preload = false;
  for (const directive of value.split(';')) {
    const [rawName = '', ...rest] = directive.split('=');
    const name = rawName.trim().toLowerCase();
    const argument = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name === 'max-age' && /^\d+$/.test(argument)) maxAge = Number(argument);
    else if (name === 'includesubdomains') includeSubDomains = true;
    else if (name === 'preload') preload = true;
  }
  return { maxAge, includeSubDomains, preload, raw: value };
}

/** A Content-Security-Policy as directive → source list (first occurrence wins, CSP3 §2.2.1). */
export type CspPolicy = ReadonlyMap<string, readonly string[]>;

export function parseCsp(value: string): CspPolicy {
  const directives = new Map<string, string[]>();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}

/** The enforced policies of a response (Report-Only ones do not protect). */
export function cspPolicies(headers: Headers): CspPolicy[] {
  return headerValues(headers, 'content-security-policy').map(parseCsp);
}

/** A version number in a header value (`nginx/1.22.1`, `PHP/8.2`, `4.0.30319`). */
export const VERSION_PATTERN = /\d+\.\d+/;
