/**
 * A real OpenSSH server (Debian's /usr/sbin/sshd) on a loopback address, for the SSH audit's
 * tests and benchmark: host keys made by ssh-keygen in a temp dir, a generated sshd_config,
 * `sshd -D -e` in the foreground, stopped (and its dir removed) by `stop()`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SSHD = '/usr/sbin/sshd';

/** Debian's OpenSSH 9.2 with what it still accepts of the legacy algorithms. */
export const WEAK_SSHD = {
  keys: [
    { type: 'rsa', bits: 1024 },
    { type: 'dsa', bits: 1024 },
  ],
  options: [
    'KexAlgorithms diffie-hellman-group1-sha1,diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1,diffie-hellman-group14-sha256,curve25519-sha256',
    'HostKeyAlgorithms ssh-rsa,ssh-dss,rsa-sha2-256',
    'Ciphers aes128-cbc,3des-cbc,aes256-cbc,aes128-ctr',
    'MACs hmac-md5,hmac-sha1,hmac-sha1-96,umac-64@openssh.com,hmac-sha2-256',
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication yes',
  ],
} as const;

/** ssh-audit's hardening guide for Debian 12 (OpenSSH 9.2), group exchange left out. */
export const HARDENED_SSHD = {
  keys: [
    { type: 'ed25519', bits: 256 },
    { type: 'rsa', bits: 3072 },
  ],
  options: [
    'KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512',
    'HostKeyAlgorithms ssh-ed25519,rsa-sha2-512,rsa-sha2-256',
    'Ciphers aes256-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-gcm@openssh.com,aes128-ctr',
    'MACs hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,umac-128-etm@openssh.com',
    'RequiredRSASize 3072',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
  ],
} as const;

export interface SshdConfig {
  readonly keys: readonly { readonly type: string; readonly bits: number }[];
  readonly options: readonly string[];
}

export interface RunningSshd {
  readonly address: string;
  readonly port: number;
  readonly dir: string;
  /** What sshd wrote on stderr (for a failing test's message). */
  readonly log: () => string;
  readonly stop: () => Promise<void>;
}

function portOpen(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

function writeConfig(dir: string, address: string, port: number, config: SshdConfig): string {
  const keys = config.keys.map(({ type, bits }) => {
    const file = join(dir, `host_${type}_key`);
    execFileSync('ssh-keygen', ['-q', '-t', type, '-b', String(bits), '-N', '', '-f', file], {
      stdio: 'ignore',
    });
    return `HostKey ${file}`;
  });
  const path = join(dir, 'sshd_config');
  const lines = [
    `ListenAddress ${address}:${String(port)}`,
    ...keys,
    `PidFile ${join(dir, 'sshd.pid')}`,
    'UsePAM no',
    'StrictModes no',
    'PermitRootLogin no',
    'LogLevel ERROR',
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    ...config.options,
  ];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Starts sshd on `address:port` with `config`; resolves once the port accepts connections. */
export async function startSshd(
  address: string,
  port: number,
  config: SshdConfig,
): Promise<RunningSshd> {
  // sshd refuses to start without its privilege-separation directory (Debian's unit makes it)
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const dir = mkdtempSync(join(tmpdir(), 'vigie-sshd-'));
  const path = writeConfig(dir, address, port, config);
  execFileSync(SSHD, ['-t', '-f', path], { stdio: 'pipe' });
  let log = '';
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', path], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i += 1) {
    if (await portOpen(address, port)) return { address, port, dir, log: () => log, stop };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error(`sshd did not start on ${address}:${String(port)}: ${log}`);
}
