import { fileURLToPath } from 'node:url';
import { isAbsolute, join } from 'node:path';
import type { MessageKey } from '../../i18n/index.js';
import { DataDirLockedError } from '../../platform/data-dir.js';
import {
  parsePublicUrl,
  readTlsFiles,
  type PublicUrlError,
  type TlsError,
  type TlsFiles,
} from '../../platform/https.js';
import { limitsFromEnv } from '../../platform/limits.js';
import { startServer } from '../../platform/serve.js';
import { parseTrustProxy } from '../../platform/server/trust-proxy.js';
import { UsageError, type Command, type CommandContext } from '../context.js';

/** The repository (or package) root, where `examples/` lives. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** How long after a first SIGINT/SIGTERM further ones are taken as duplicates. */
const DOUBLE_SIGNAL_MS = 1500;

/**
 * Resolves `received` on the first SIGINT or SIGTERM. npm forwards the terminal's Ctrl-C, so the
 * same signal may arrive twice at once: repeats within DOUBLE_SIGNAL_MS are ignored; after that
 * the handlers are gone and a further signal ends the process at once (the usual "press again").
 */
function stopSignal(onFirst: () => void): { received: Promise<void>; dispose: () => void } {
  let resolveReceived: () => void = () => undefined;
  const received = new Promise<void>((resolve) => {
    resolveReceived = resolve;
  });
  let stopping = false;
  const dispose = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  function stop(): void {
    if (stopping) return;
    stopping = true;
    onFirst();
    resolveReceived();
    setTimeout(dispose, DOUBLE_SIGNAL_MS).unref();
  }
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { received, dispose };
}

function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

/** `http://0.0.0.0:8080` is where it listens, not where a browser should go. */
function browserUrl(url: string): string {
  return `${url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:')}/`;
}

const PUBLIC_URL_MESSAGES: Readonly<Record<PublicUrlError['code'], MessageKey>> = {
  public_url_invalid: 'cli.serve.public-url-invalid',
  public_url_scheme: 'cli.serve.public-url-scheme',
  public_url_credentials: 'cli.serve.public-url-credentials',
  public_url_path: 'cli.serve.public-url-path',
};

function tlsMessage(ctx: CommandContext, error: TlsError): string {
  switch (error.code) {
    case 'tls_unreadable':
      return ctx.t('cli.serve.tls-unreadable', { file: error.file, reason: error.reason });
    case 'tls_bad_cert':
      return ctx.t('cli.serve.tls-bad-cert', { file: error.file });
    case 'tls_bad_key':
      return ctx.t('cli.serve.tls-bad-key', { file: error.file });
    case 'tls_mismatch':
      return ctx.t('cli.serve.tls-mismatch', { cert: error.cert, key: error.key });
  }
}

/** A flag, else its environment variable; empty means unset. */
function setting(value: unknown, env: string | undefined): string | undefined {
  const text = typeof value === 'string' ? value : env;
  return text === undefined || text === '' ? undefined : text;
}

/**
 * --public-url / VIGIE_PUBLIC_URL and --tls-cert + --tls-key / VIGIE_TLS_CERT + VIGIE_TLS_KEY,
 * checked before anything starts (UsageError, exit 2, on a bad address or unusable PEM files).
 */
function httpsSettings(
  ctx: CommandContext,
  values: Readonly<Record<string, unknown>>,
): { publicUrl?: string; tls?: TlsFiles } {
  const { t } = ctx;
  const settings: { publicUrl?: string; tls?: TlsFiles } = {};
  const publicUrl = setting(values['public-url'], ctx.env.VIGIE_PUBLIC_URL);
  if (publicUrl !== undefined) {
    const parsed = parsePublicUrl(publicUrl);
    if (!parsed.ok)
      throw new UsageError(t(PUBLIC_URL_MESSAGES[parsed.error.code], { value: publicUrl }));
    settings.publicUrl = parsed.value;
  }
  const cert = setting(values['tls-cert'], ctx.env.VIGIE_TLS_CERT);
  const key = setting(values['tls-key'], ctx.env.VIGIE_TLS_KEY);
  if ((cert === undefined) !== (key === undefined)) throw new UsageError(t('cli.serve.tls-pair'));
  if (cert !== undefined && key !== undefined) {
    const files = readTlsFiles(
      isAbsolute(cert) ? cert : join(ctx.cwd, cert),
      isAbsolute(key) ? key : join(ctx.cwd, key),
    );
    if (!files.ok) throw new UsageError(tlsMessage(ctx, files.error));
    settings.tls = files.value;
  }
  return settings;
}

/** Why the server could not start, in the user's language where Vigie knows the cause. */
function startFailure(ctx: CommandContext, error: unknown, dataDir: string): string {
  if (error instanceof DataDirLockedError) {
    const owner = error.owner;
    return owner === undefined
      ? ctx.t('cli.serve.locked-unreadable', { dir: dataDir, lock: error.lockFile })
      : ctx.t('cli.serve.locked', {
          pid: owner.pid,
          host: owner.host,
          since: owner.startedAt,
          dir: dataDir,
          lock: error.lockFile,
        });
  }
  return error instanceof Error ? error.message : String(error);
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'cli.serve.summary',
  usage:
    '[--host 127.0.0.1] [--port 8080] [--public-url https://…] [--tls-cert <file> --tls-key <file>]',
  positionals: { min: 0, max: 0, names: '' },
  options: {
    host: { type: 'string', description: 'cli.option.host', placeholder: 'address' },
    port: { type: 'string', description: 'cli.option.port', placeholder: 'n' },
    'public-url': { type: 'string', description: 'cli.option.public-url', placeholder: 'url' },
    'tls-cert': { type: 'string', description: 'cli.option.tls-cert', placeholder: 'file' },
    'tls-key': { type: 'string', description: 'cli.option.tls-key', placeholder: 'file' },
  },
  async run(ctx, { values }) {
    const { t } = ctx;
    const envHost = ctx.env.HOST === undefined || ctx.env.HOST === '' ? undefined : ctx.env.HOST;
    const envPort = ctx.env.PORT === undefined || ctx.env.PORT === '' ? undefined : ctx.env.PORT;
    const host = typeof values.host === 'string' ? values.host : (envHost ?? '127.0.0.1');
    const port = parsePort(typeof values.port === 'string' ? values.port : (envPort ?? '8080'));
    if (port === undefined) throw new UsageError(t('cli.serve.bad-port'));
    // Model size and document quotas (VIGIE_MAX_MODEL_BYTES…): refused at start when malformed.
    const limits = limitsFromEnv(ctx.env);
    if (!limits.ok) {
      const { code, variable, value, min, max } = limits.error;
      throw new UsageError(
        code === 'upload_below_model'
          ? t('cli.serve.upload-below-model', { value, min: t.number(min) })
          : code === 'invalid_audit_network'
            ? t('cli.serve.bad-audit-network', { name: variable, value })
            : t('cli.serve.bad-limit', {
                name: variable,
                value,
                min: t.number(min),
                max: t.number(max),
              }),
      );
    }
    const trustProxy = parseTrustProxy(ctx.env.VIGIE_TRUST_PROXY);
    if (!trustProxy.ok) {
      throw new UsageError(
        t('cli.serve.bad-trust-proxy', { reason: trustProxy.error.message[ctx.locale] }),
      );
    }
    const https = httpsSettings(ctx, values);
    const data = ctx.env.VIGIE_DATA ?? 'data';
    const dataDir = isAbsolute(data) ? data : join(ctx.cwd, data);
    const databaseUrl = ctx.env.DATABASE_URL;
    const onPostgres = databaseUrl !== undefined && databaseUrl !== '';
    const schema = ctx.env.VIGIE_DB_SCHEMA;
    const databaseSchema = onPostgres && schema !== undefined && schema !== '' ? schema : undefined;
    // Listening for SIGINT/SIGTERM from now on: a signal during start-up stops right after it.
    const signal = stopSignal(() => {
      ctx.stderr(`${t('cli.serve.stopping')}\n`);
    });
    let server;
    try {
      server = await startServer({
        dataDir,
        ...(onPostgres ? { databaseUrl } : {}),
        ...(databaseSchema === undefined ? {} : { databaseSchema }),
        host,
        port,
        ...https,
        trustProxy: trustProxy.value,
        limits: limits.value,
        demoDir: join(ROOT, 'examples', 'forges-de-l-est'),
      });
    } catch (error) {
      signal.dispose();
      ctx.stderr(`${t('cli.serve.cannot-start', { reason: startFailure(ctx, error, dataDir) })}\n`);
      return 2;
    }
    for (const warning of server.warnings) {
      ctx.stderr(`${t('cli.serve.dir-readable', { dir: warning.path, mode: warning.mode })}\n`);
    }
    const url = browserUrl(server.url);
    const store = onPostgres
      ? `PostgreSQL${databaseSchema === undefined ? '' : `, schema ${databaseSchema}`}`
      : dataDir;
    ctx.stdout(`${t('cli.serve.listening', { url, store })}\n`);
    const admin = server.firstRun.admin;
    if (admin !== undefined)
      ctx.stdout(`${t('cli.serve.first-run', { email: admin.email, password: admin.password })}\n`);
    if (server.demoWorkspace !== undefined)
      ctx.stdout(`${t('cli.serve.demo', { name: server.demoWorkspace.name })}\n`);
    ctx.stdout(
      `${t('cli.serve.open', { url: https.publicUrl === undefined ? url : `${https.publicUrl}/` })}\n`,
    );
    await signal.received;
    await server.close();
    return 0;
  },
};
