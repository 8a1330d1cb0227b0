import { fileURLToPath } from 'node:url';
import { isAbsolute, join } from 'node:path';
import { startServer } from '../../platform/serve.js';
import { UsageError, type Command } from '../context.js';

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

export const serveCommand: Command = {
  name: 'serve',
  summary: 'cli.serve.summary',
  usage: '[--host 127.0.0.1] [--port 8080]',
  positionals: { min: 0, max: 0, names: '' },
  options: {
    host: { type: 'string', description: 'cli.option.host', placeholder: 'address' },
    port: { type: 'string', description: 'cli.option.port', placeholder: 'n' },
  },
  async run(ctx, { values }) {
    const { t } = ctx;
    const envHost = ctx.env.HOST === undefined || ctx.env.HOST === '' ? undefined : ctx.env.HOST;
    const envPort = ctx.env.PORT === undefined || ctx.env.PORT === '' ? undefined : ctx.env.PORT;
    const host = typeof values.host === 'string' ? values.host : (envHost ?? '127.0.0.1');
    const port = parsePort(typeof values.port === 'string' ? values.port : (envPort ?? '8080'));
    if (port === undefined) throw new UsageError(t('cli.serve.bad-port'));
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
        demoDir: join(ROOT, 'examples', 'forges-de-l-est'),
      });
    } catch (error) {
      signal.dispose();
      const reason = error instanceof Error ? error.message : String(error);
      ctx.stderr(`${t('cli.serve.cannot-start', { reason })}\n`);
      return 2;
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
    ctx.stdout(`${t('cli.serve.open', { url })}\n`);
    await signal.received;
    await server.close();
    return 0;
  },
};
