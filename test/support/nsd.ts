/**
 * A real authoritative DNS server (Debian's /usr/sbin/nsd) on a loopback address, for the DNS and
 * mail audit's tests: zone files written in a temp dir (optionally DNSSEC-signed with
 * ldns-keygen + ldns-signzone), `nsd -d` in the foreground as the current user, ready once it
 * answers an SOA query through the project's own DNS client, stopped by `stop()`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dnsClient } from '../../src/audit/dns/client.js';
import { nodeNet } from '../../src/audit/net/node-net.js';

export const NSD = '/usr/sbin/nsd';

export interface NsdZone {
  /** The zone's origin, without the final dot (`good.test`). */
  readonly name: string;
  /** Records after the SOA and NS, one zone-file line each (`@ IN MX 10 mx`). */
  readonly records: readonly string[];
  /** Sign the zone (ECDSA P-256 key made by ldns-keygen, ldns-signzone). */
  readonly signed?: boolean;
}

export interface RunningNsd {
  readonly address: string;
  readonly port: number;
  readonly dir: string;
  readonly log: () => string;
  readonly stop: () => Promise<void>;
}

/** A TXT record's data split into 255-byte character-strings (a DKIM key is longer). */
export function txtData(value: string): string {
  const parts: string[] = [];
  for (let i = 0; i < value.length; i += 255) parts.push(`"${value.slice(i, i + 255)}"`);
  return parts.join(' ');
}

function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`${command} failed: ${stderr.trim()}`, { cause: error });
  }
}

function writeZone(dir: string, zone: NsdZone): string {
  const file = `${zone.name}.zone`;
  const lines = [
    `$ORIGIN ${zone.name}.`,
    '$TTL 300',
    `@ IN SOA ns.${zone.name}. hostmaster.${zone.name}. 2026120801 3600 600 86400 300`,
    `@ IN NS ns.${zone.name}.`,
    'ns IN A 127.0.0.80',
    ...zone.records,
    '',
  ];
  writeFileSync(join(dir, file), lines.join('\n'));
  if (zone.signed !== true) return file;
  const key = run('ldns-keygen', ['-a', 'ECDSAP256SHA256', '-k', zone.name], dir).trim();
  run('ldns-signzone', ['-n', file, key], dir);
  return `${file}.signed`;
}

function config(dir: string, address: string, port: number, zones: [string, string][]): string {
  return [
    'server:',
    `  ip-address: ${address}@${String(port)}`,
    `  port: ${String(port)}`,
    '  username: ""',
    '  chroot: ""',
    `  zonesdir: "${dir}"`,
    `  pidfile: "${join(dir, 'nsd.pid')}"`,
    '  database: ""',
    `  zonelistfile: "${join(dir, 'zone.list')}"`,
    `  xfrdfile: "${join(dir, 'xfrd.state')}"`,
    `  xfrdir: "${dir}"`,
    '  xfrd-reload-timeout: 1',
    `  logfile: "${join(dir, 'nsd.log')}"`,
    '  verbosity: 0',
    'remote-control:',
    '  control-enable: no',
    ...zones.flatMap(([name, file]) => ['zone:', `  name: ${name}`, `  zonefile: "${file}"`]),
    '',
  ].join('\n');
}

/** Starts nsd on `address:port` serving `zones`; rejects if it does not answer in 10 s. */
export async function startNsd(
  address: string,
  port: number,
  zones: readonly NsdZone[],
): Promise<RunningNsd> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-nsd-'));
  const files = zones.map((zone): [string, string] => [zone.name, writeZone(dir, zone)]);
  const conf = join(dir, 'nsd.conf');
  writeFileSync(conf, config(dir, address, port, files));
  let stderr = '';
  const child = spawn(NSD, ['-d', '-c', conf], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const log = () => {
    let file = '';
    try {
      file = readFileSync(join(dir, 'nsd.log'), 'utf8');
    } catch {
      // no log yet
    }
    return `${stderr}${file}`;
  };
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const client = dnsClient(nodeNet(), { address, port }, 300);
  const first = zones[0]?.name ?? '.';
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const answer = await client.query(first, 'SOA');
    if (answer.ok && answer.message.rcode === 0) return { address, port, dir, log, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const message = log();
  await stop();
  throw new Error(`nsd did not answer on ${address}:${String(port)}: ${message}`);
}
