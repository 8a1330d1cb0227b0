/** Parsers of the configuration formats the host audit reads (pure, tolerant). */

/** `Key value` lines (sshd_config, login.defs, `sshd -T`); first occurrence wins, keys lower-case. */
export function parseKeyValues(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const match = /^(\S+)\s*(?:=\s*|\s+)(.*)$/.exec(line);
    if (match === null) continue;
    const key = (match[1] ?? '').toLowerCase();
    // sshd: a Match block applies to some connections only: stop at the first
    if (key === 'match') break;
    if (!(key in result)) result[key] = (match[2] ?? '').trim();
  }
  return result;
}

/** `Include` lines of an sshd_config (glob patterns kept as written). */
export function sshdIncludes(text: string): string[] {
  return text
    .split('\n')
    .map((line) => /^\s*include\s+(.+)$/i.exec(line.replace(/#.*$/, ''))?.[1]?.trim())
    .filter((value): value is string => value !== undefined && value !== '')
    .flatMap((value) => value.split(/\s+/));
}

const hexToIpv4 = (hex: string): string =>
  [6, 4, 2, 0].map((i) => String(parseInt(hex.slice(i, i + 2), 16))).join('.');

function hexToIpv6(hex: string): string {
  const words: string[] = [];
  for (let group = 0; group < 4; group += 1) {
    const chunk = hex.slice(group * 8, group * 8 + 8);
    const bytes = [6, 4, 2, 0].map((i) => chunk.slice(i, i + 2)).join('');
    words.push(bytes.slice(0, 4), bytes.slice(4, 8));
  }
  return words
    .map((w) => parseInt(w, 16).toString(16))
    .join(':')
    .replace(/(^|:)0(:0)+(:|$)/, '::');
}

/** Listening sockets of /proc/net/{tcp,tcp6,udp,udp6} (state 0A for TCP, 07 unconnected UDP). */
export function parseProcNet(
  text: string,
  protocol: 'tcp' | 'udp',
  v6: boolean,
): { protocol: 'tcp' | 'udp'; address: string; port: number }[] {
  const out: { protocol: 'tcp' | 'udp'; address: string; port: number }[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const local = fields[1];
    const state = fields[3];
    if (local === undefined || state === undefined) continue;
    if (protocol === 'tcp' ? state !== '0A' : state !== '07') continue;
    const [hex, portHex] = local.split(':');
    if (hex === undefined || portHex === undefined) continue;
    out.push({
      protocol,
      address: v6 ? hexToIpv6(hex) : hexToIpv4(hex),
      port: parseInt(portHex, 16),
    });
  }
  return out;
}

/** /proc/mounts lines. */
export function parseMounts(
  text: string,
): { mountpoint: string; fstype: string; options: string[] }[] {
  return text
    .split('\n')
    .map((line) => line.split(' '))
    .filter((fields) => fields.length >= 4)
    .map((fields) => ({
      mountpoint: (fields[1] ?? '').replace(/\\040/g, ' '),
      fstype: fields[2] ?? '',
      options: (fields[3] ?? '').split(','),
    }));
}

/** sudoers lines granting without a password, or turning authentication off. */
export function parseSudoers(text: string): { nopasswd: string[]; noAuthenticate: string[] } {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== '' && !line.startsWith('#') && !line.startsWith('@') && !/^#include/.test(line),
    );
  return {
    nopasswd: lines.filter((line) => /NOPASSWD\s*:/.test(line)),
    noAuthenticate: lines.filter((line) => /^Defaults\b.*!authenticate/.test(line)),
  };
}

/** name:passwd:uid… lines of /etc/passwd or /etc/shadow. */
export function parseColonFile(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split(':'));
}

/** os-release `KEY="value"` pairs. */
export function parseOsRelease(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=("?)(.*)\2$/.exec(line.trim());
    if (match !== null) result[match[1] ?? ''] = match[3] ?? '';
  }
  return result;
}
