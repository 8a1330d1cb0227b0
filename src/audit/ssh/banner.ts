/** Parses the SSH identification line (RFC 4253 §4.2) into protocol, product, version and OS. */
import type { SshBanner } from './observation.js';

const OS_NAMES: readonly (readonly [RegExp, string])[] = [
  [/debian/i, 'Debian'],
  [/ubuntu/i, 'Ubuntu'],
  [/raspbian/i, 'Raspbian'],
  [/freebsd/i, 'FreeBSD'],
  [/netbsd/i, 'NetBSD'],
  [/openbsd/i, 'OpenBSD'],
  [/el[6-9]|rhel|red ?hat|centos/i, 'Red Hat Enterprise Linux'],
  [/fedora/i, 'Fedora'],
  [/suse/i, 'SUSE'],
  [/alpine/i, 'Alpine'],
  [/windows|win32|win64/i, 'Windows'],
];

/** Keeps printable ASCII only, so evidence never carries control bytes from a hostile peer. */
export const printable = (value: string, max = 255): string =>
  value.replace(/[^\x20-\x7e]/g, '?').slice(0, max);

/** Null when the line is not an SSH identification (`SSH-x.y-software`). */
export function parseBanner(line: string): SshBanner | null {
  const raw = printable(line);
  const match = /^SSH-([0-9.]+)-(\S+)(?: (.*))?$/.exec(raw);
  if (match === null) return null;
  const protocol = match[1] ?? '';
  const software = match[2] ?? '';
  const comments = match[3]?.trim() || null;
  const product = /^([A-Za-z][\w-]*?)[_-]?(\d[\w.+~-]*)$/.exec(software);
  const fromSoftware = OS_NAMES.find(([pattern]) => pattern.test(software))?.[1] ?? null;
  const fromComments =
    comments === null ? null : (OS_NAMES.find(([pattern]) => pattern.test(comments))?.[1] ?? null);
  return {
    raw,
    protocol,
    software,
    product: product?.[1] ?? (software === '' ? null : software),
    version: product?.[2] ?? null,
    comments,
    os: fromComments ?? fromSoftware,
  };
}
