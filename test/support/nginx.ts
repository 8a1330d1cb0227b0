/**
 * A real nginx (Debian's /usr/sbin/nginx) started by a test as the current user, in a temp prefix
 * with a generated configuration: one `server` block per entry, listening on loopback. `stop()`
 * kills it and removes the directory. CI installs nginx; when it is missing the start fails with
 * an explicit message (no silent skip).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX_BINARY = '/usr/sbin/nginx';

export interface NginxListen {
  /** Loopback IP literal (127.x.y.z or ::1). */
  readonly address: string;
  readonly port: number;
  /** TLS on this listener (needs `cert` and `key`). */
  readonly ssl?: boolean;
}

export interface NginxServerBlock {
  readonly listen: readonly NginxListen[];
  readonly serverName?: string;
  /** PEM file sent to clients (leaf first), `ssl_certificate`. */
  readonly cert?: string;
  readonly key?: string;
  /** `ssl_protocols` value, e.g. `TLSv1.2 TLSv1.3`. */
  readonly protocols?: string;
  /** `ssl_ciphers` value (OpenSSL syntax, `@SECLEVEL=0` to allow legacy). */
  readonly ciphers?: string;
  /** `ssl_conf_command Ciphersuites …` for TLS 1.3 when given. */
  readonly ciphersuites?: string;
  readonly preferServerCiphers?: boolean;
  /** `ssl_dhparam` file. */
  readonly dhParam?: string;
  /** `ssl_ecdh_curve` value (`X25519:prime256v1`). */
  readonly curves?: string;
  /** `add_header` arguments, e.g. `Strict-Transport-Security "max-age=63072000" always`. */
  readonly headers?: readonly string[];
  /** Further directives, written as given inside the server block (`ssl_stapling on;`). */
  readonly extra?: readonly string[];
  /** Body of `location /` (default: `return 200 "ok\n";`). */
  readonly location?: string;
}

export interface NginxOptions {
  /** Directives added in the `http` block. */
  readonly http?: readonly string[];
  /** How long to wait for every listener to accept (default 10 s). */
  readonly startTimeoutMs?: number;
}

export interface RunningNginx {
  readonly dir: string;
  readonly pid: number;
  /** The generated nginx.conf text. */
  readonly config: string;
  errorLog(): string;
  stop(): Promise<void>;
}

function serverBlock(block: NginxServerBlock): string {
  const lines: string[] = [];
  for (const l of block.listen) {
    const host = l.address.includes(':') ? `[${l.address}]` : l.address;
    lines.push(`listen ${host}:${String(l.port)}${l.ssl === true ? ' ssl' : ''};`);
  }
  lines.push(`server_name ${block.serverName ?? '_'};`);
  if (block.cert !== undefined) lines.push(`ssl_certificate ${block.cert};`);
  if (block.key !== undefined) lines.push(`ssl_certificate_key ${block.key};`);
  if (block.protocols !== undefined) lines.push(`ssl_protocols ${block.protocols};`);
  if (block.ciphers !== undefined) lines.push(`ssl_ciphers "${block.ciphers}";`);
  if (block.ciphersuites !== undefined)
    lines.push(`ssl_conf_command Ciphersuites ${block.ciphersuites};`);
  if (block.preferServerCiphers !== undefined)
    lines.push(`ssl_prefer_server_ciphers ${block.preferServerCiphers ? 'on' : 'off'};`);
  if (block.dhParam !== undefined) lines.push(`ssl_dhparam ${block.dhParam};`);
  if (block.curves !== undefined) lines.push(`ssl_ecdh_curve ${block.curves};`);
  for (const h of block.headers ?? []) lines.push(`add_header ${h};`);
  lines.push(...(block.extra ?? []));
  lines.push(`location / { ${block.location ?? 'return 200 "ok\\n";'} }`);
  return `  server {\n${lines.map((l) => `    ${l}`).join('\n')}\n  }`;
}

/** The nginx.conf text for these server blocks, temp paths under `dir`. */
export function nginxConfig(
  dir: string,
  blocks: readonly NginxServerBlock[],
  options: NginxOptions = {},
): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `  ${name}_temp_path ${join(dir, `${name}-temp`)};`)
    .join('\n');
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${user}worker_processes 1;
events { worker_connections 256; }
http {
  access_log off;
  default_type text/plain;
${temp}
${(options.http ?? []).map((d) => `  ${d}`).join('\n')}
${blocks.map(serverBlock).join('\n')}
}
`;
}

function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitForListeners(
  child: ChildProcess,
  listeners: readonly NginxListen[],
  deadline: number,
  failure: () => string,
): Promise<void> {
  for (const l of listeners) {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(
          `nginx exited (${String(child.exitCode ?? child.signalCode)}): ${failure()}`,
        );
      if (await accepts(l.address, l.port)) break;
      if (Date.now() > deadline)
        throw new Error(`nginx: ${l.address}:${String(l.port)} does not accept: ${failure()}`);
      await sleep(50);
    }
  }
}

/** Starts nginx with these server blocks; resolves once every listener accepts connections. */
export async function startNginx(
  blocks: readonly NginxServerBlock[],
  options: NginxOptions = {},
): Promise<RunningNginx> {
  if (!existsSync(NGINX_BINARY))
    throw new Error(
      `${NGINX_BINARY} is missing: install Debian's nginx (apt-get install nginx-light or nginx) to run the TLS/HTTP audit tests`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'vigie-nginx-'));
  mkdirSync(join(dir, 'logs'));
  const config = nginxConfig(dir, blocks, options);
  const confFile = join(dir, 'nginx.conf');
  writeFileSync(confFile, config);
  const errorFile = join(dir, 'error.log');
  const globals = `daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${errorFile} warn;`;
  let stderr = '';
  const child = spawn(NGINX_BINARY, ['-e', errorFile, '-p', dir, '-c', confFile, '-g', globals], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const errorLog = (): string => (existsSync(errorFile) ? readFileSync(errorFile, 'utf8') : '');
  const failure = (): string => `${stderr.trim()} ${errorLog().trim()}`.trim() || 'no message';
  const exitedAlready = (): boolean => child.exitCode !== null || child.signalCode !== null;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => {
        child.once('exit', () => {
          r();
        });
      });
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(3000)]);
      if (!exitedAlready()) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
    await waitForListeners(
      child,
      blocks.flatMap((b) => b.listen),
      deadline,
      failure,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { dir, pid: child.pid ?? -1, config, errorLog, stop };
}
