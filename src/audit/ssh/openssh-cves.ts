/**
 * A small table of remotely relevant OpenSSH server vulnerabilities, judged from the banner's
 * version — with the distribution revisions that backported the fix, since Debian and Ubuntu
 * keep the upstream version number (`OpenSSH_9.2p1 Debian-2+deb12u3` is fixed for regreSSHion).
 */
import type { SshBanner } from './observation.js';

export interface OpensshCve {
  readonly id: string;
  readonly title: string;
  readonly cvss: string;
  /** Affected upstream versions: from (inclusive) to (exclusive), `x.y` or `x.ypz`. */
  readonly from: string;
  readonly to: string;
  /** Fixed distribution revisions per upstream version (`9.2p1` → Debian `deb12u3`). */
  readonly fixedIn: {
    readonly debian?: Readonly<Record<string, number>>;
    readonly ubuntu?: Readonly<Record<string, string>>;
  };
}

export const OPENSSH_CVES: readonly OpensshCve[] = [
  {
    id: 'CVE-2024-6387',
    title: 'regreSSHion: unauthenticated remote code execution (signal handler race)',
    cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
    from: '8.5p1',
    to: '9.8p1',
    fixedIn: {
      debian: { '9.2p1': 3 },
      ubuntu: { '8.9p1': '3ubuntu0.10', '9.3p1': '1ubuntu3.6', '9.6p1': '3ubuntu13.3' },
    },
  },
  {
    id: 'CVE-2018-15473',
    title: 'user enumeration through malformed public-key requests',
    cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
    from: '2.3',
    to: '7.8',
    fixedIn: { debian: { '7.4p1': 4 }, ubuntu: { '7.6p1': '4ubuntu0.1', '7.2p2': '4ubuntu2.5' } },
  },
];

/** `9.2p1` → [9, 2, 1]; null when not an OpenSSH version. */
export function parseOpensshVersion(version: string): number[] | null {
  const match = /^(\d+)\.(\d+)(?:p(\d+))?/.exec(version);
  if (match === null) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

const numbers = (value: string): number[] => value.split(/\D+/).filter(Boolean).map(Number);

function backported(cve: OpensshCve, banner: SshBanner, version: string): boolean {
  const comments = banner.comments ?? '';
  const debian = /deb\d+u(\d+)/.exec(comments);
  const debianFix = cve.fixedIn.debian?.[version];
  if (debian !== null && debianFix !== undefined) return Number(debian[1]) >= debianFix;
  const ubuntu = /Ubuntu-(\S+)/.exec(comments);
  const ubuntuFix = cve.fixedIn.ubuntu?.[version];
  if (ubuntu !== null && ubuntuFix !== undefined) {
    return compare(numbers(ubuntu[1] ?? ''), numbers(ubuntuFix)) >= 0;
  }
  return false;
}

/** The table's CVEs an OpenSSH banner's version falls in, fixes backported by distributions left out. */
export function opensshCves(banner: SshBanner | null): OpensshCve[] {
  if (banner?.product !== 'OpenSSH' || banner.version === null) return [];
  const version = banner.version;
  const parsed = parseOpensshVersion(version);
  if (parsed === null) return [];
  return OPENSSH_CVES.filter((cve) => {
    const from = parseOpensshVersion(cve.from) ?? [];
    const to = parseOpensshVersion(cve.to) ?? [];
    return (
      compare(parsed, from) >= 0 && compare(parsed, to) < 0 && !backported(cve, banner, version)
    );
  });
}
