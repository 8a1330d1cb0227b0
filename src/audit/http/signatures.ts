/**
 * What the probe looks for beyond `/`: a SHORT built-in list of administration interfaces and
 * sensitive files (each with a signature, so a server answering 200 to everything is not a
 * finding), directories often left browsable, and the welcome pages and directory listings of
 * common servers. Signatures come from the products' own pages.
 */
import type { HttpExchange, PathKind } from './observation.js';
import { header } from './headers.js';

export interface PathSignature {
  readonly path: string;
  readonly kind: PathKind;
  readonly label: string;
  /** Returns the matching evidence, or null. A bare status is never enough. */
  readonly match: (response: HttpExchange) => string | null;
}

function body(pattern: RegExp, statuses: readonly number[] = [200]) {
  return (response: HttpExchange): string | null => {
    if (response.status === null || !statuses.includes(response.status)) return null;
    const found = pattern.exec(response.bodySample);
    return found === null ? null : lineAround(response.bodySample, found.index);
  };
}

/** An authentication challenge naming the product (Tomcat manager: 401 with its realm). */
function realm(pattern: RegExp) {
  return (response: HttpExchange): string | null => {
    const challenge = header(response.headers, 'www-authenticate');
    return response.status === 401 && challenge !== null && pattern.test(challenge)
      ? `WWW-Authenticate: ${challenge}`
      : null;
  };
}

function either(...matchers: ((response: HttpExchange) => string | null)[]) {
  return (response: HttpExchange): string | null => {
    for (const matcher of matchers) {
      const evidence = matcher(response);
      if (evidence !== null) return evidence;
    }
    return null;
  };
}

/** The line of the body where a signature matched, trimmed for evidence. */
export function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text
    .slice(start, end < 0 ? undefined : end)
    .trim()
    .slice(0, 200);
}

/** Administration interfaces and files that must never be served (≤ 25 requests with dirs). */
export const PATH_SIGNATURES: readonly PathSignature[] = [
  {
    path: '/.git/HEAD',
    kind: 'sensitive',
    label: 'Git repository metadata',
    match: body(/^ref: refs\/|^[0-9a-f]{40}\s*$/m),
  },
  {
    path: '/.env',
    kind: 'sensitive',
    label: 'Environment file (secrets)',
    match: body(/^\s*[A-Z][A-Z0-9_]*\s*=/m),
  },
  {
    path: '/.htpasswd',
    kind: 'sensitive',
    label: 'Apache password file',
    match: body(/^[^:\s]+:(\$apr1\$|\$2[aby]\$|\{SHA\}|\$[56]\$)/m),
  },
  {
    path: '/.svn/entries',
    kind: 'sensitive',
    label: 'Subversion metadata',
    match: body(/^(\d+\s*$|<\?xml[^>]*>\s*<wc-entries)/m),
  },
  { path: '/.DS_Store', kind: 'sensitive', label: 'macOS folder index', match: body(/Bud1/) },
  {
    path: '/backup.sql',
    kind: 'sensitive',
    label: 'Database dump',
    match: body(/(CREATE TABLE|INSERT INTO|-- MySQL dump|PostgreSQL database dump)/i),
  },
  {
    path: '/server-status',
    kind: 'admin',
    label: 'Apache mod_status',
    match: body(/Apache Server Status for/i),
  },
  {
    path: '/server-info',
    kind: 'admin',
    label: 'Apache mod_info',
    match: body(/Apache Server Information/i),
  },
  {
    path: '/nginx_status',
    kind: 'admin',
    label: 'nginx stub_status',
    match: body(/^Active connections: \d+/m),
  },
  {
    path: '/phpmyadmin/',
    kind: 'admin',
    label: 'phpMyAdmin',
    match: body(/phpMyAdmin/i, [200, 401, 403]),
  },
  { path: '/adminer.php', kind: 'admin', label: 'Adminer', match: body(/Adminer/, [200]) },
  {
    path: '/admin/',
    kind: 'admin',
    label: 'Administration page',
    match: either(
      body(/<title>[^<]*\b(admin|administration|login|sign in|connexion)\b[^<]*<\/title>/i, [200]),
      realm(/admin/i),
    ),
  },
  {
    path: '/manager/html',
    kind: 'admin',
    label: 'Tomcat Manager',
    match: either(realm(/Tomcat Manager/i), body(/Tomcat Web Application Manager/i)),
  },
  {
    path: '/actuator/health',
    kind: 'admin',
    label: 'Spring Boot Actuator',
    match: body(/"status"\s*:\s*"(UP|DOWN|OUT_OF_SERVICE|UNKNOWN)"/),
  },
  {
    path: '/actuator/env',
    kind: 'sensitive',
    label: 'Spring Boot Actuator environment',
    match: body(/"(propertySources|activeProfiles)"/),
  },
  {
    path: '/wp-admin/',
    kind: 'admin',
    label: 'WordPress administration',
    match: either(body(/wp-login\.php|wp-admin/i, [200, 302]), (response) =>
      /wp-login\.php/.test(header(response.headers, 'location') ?? '')
        ? `Location: ${header(response.headers, 'location') ?? ''}`
        : null,
    ),
  },
  {
    path: '/jmx-console/',
    kind: 'admin',
    label: 'JBoss JMX console',
    match: either(body(/JMX Agent View|jmx-console/i, [200]), realm(/JBoss|JMX/i)),
  },
  {
    path: '/solr/',
    kind: 'admin',
    label: 'Apache Solr administration',
    match: body(/Solr Admin/i),
  },
  {
    path: '/_cat/indices',
    kind: 'admin',
    label: 'Elasticsearch API',
    match: body(/^(green|yellow|red)\s+(open|close)\s+/m),
  },
  {
    path: '/console/',
    kind: 'admin',
    label: 'Application console',
    match: body(/<title>[^<]*(console|Werkzeug Debugger|WebLogic)[^<]*<\/title>/i),
  },
];

/** Directories often left browsable (checked for an autoindex page). */
export const LISTING_CANDIDATES: readonly string[] = [
  '/uploads/',
  '/files/',
  '/backup/',
  '/images/',
  '/static/',
];

/** Directory listing pages of common servers (autoindex). */
const LISTINGS: readonly { readonly server: string; readonly pattern: RegExp }[] = [
  // nginx autoindex and Apache mod_autoindex both title "Index of /…"
  { server: 'Apache', pattern: /<title>Index of \/[^<]*<\/title>[\s\S]*Parent Directory/i },
  { server: 'nginx', pattern: /<title>Index of \/[^<]*<\/title>[\s\S]*<h1>Index of /i },
  { server: 'IIS', pattern: /\[To Parent Directory\]/i },
  { server: 'Python http.server', pattern: /<title>Directory listing for \//i },
  { server: 'lighttpd', pattern: /<title>Index of \/[\s\S]*lighttpd/i },
];

/** The server whose directory listing this page is, with the matching line; null otherwise. */
export function directoryListing(
  response: HttpExchange,
): { server: string; evidence: string } | null {
  if (response.status !== 200) return null;
  for (const listing of LISTINGS) {
    const found = listing.pattern.exec(response.bodySample);
    if (found !== null)
      return { server: listing.server, evidence: lineAround(response.bodySample, found.index) };
  }
  return null;
}

/** Welcome pages left by an installation (the server was put online unconfigured). */
const DEFAULT_PAGES: readonly { readonly product: string; readonly pattern: RegExp }[] = [
  { product: 'nginx', pattern: /<title>Welcome to nginx!<\/title>/i },
  {
    product: 'Apache',
    pattern:
      /<title>Apache2 (Debian|Ubuntu) Default Page|<h1>It works!<\/h1>|<title>Test Page for the (Apache|HTTP) Server/i,
  },
  {
    product: 'IIS',
    pattern:
      /<title>IIS Windows Server<\/title>|iisstart\.png|<title>Internet Information Services<\/title>/i,
  },
  { product: 'Tomcat', pattern: /If you're seeing this, you've successfully installed Tomcat/i },
  { product: 'lighttpd', pattern: /<title>lighttpd [^<]*Placeholder Page|Welcome to lighttpd/i },
  { product: 'Caddy', pattern: /<title>Caddy works!<\/title>/i },
];

export function defaultPage(response: HttpExchange): { product: string; evidence: string } | null {
  if (response.status !== 200) return null;
  for (const page of DEFAULT_PAGES) {
    const found = page.pattern.exec(response.bodySample);
    if (found !== null)
      return { product: page.product, evidence: lineAround(response.bodySample, found.index) };
  }
  return null;
}
