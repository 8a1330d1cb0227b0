import { fileURLToPath } from 'node:url';
import { isAbsolute, join } from 'node:path';
import { startServer } from '../../platform/serve.js';
import { UsageError, type Command } from '../context.js';

/** The repository (or package) root, where `examples/` lives. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

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
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    const port = typeof values.port === 'string' ? Number(values.port) : 8080;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(t('cli.serve.bad-port'));
    const data = ctx.env.VIGIE_DATA ?? 'data';
    const dataDir = isAbsolute(data) ? data : join(ctx.cwd, data);
    const databaseUrl = ctx.env.DATABASE_URL;
    let server;
    try {
      server = await startServer({
        dataDir,
        ...(databaseUrl === undefined || databaseUrl === '' ? {} : { databaseUrl }),
        host,
        port,
        demoDir: join(ROOT, 'examples', 'forges-de-l-est'),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      ctx.stderr(`${t('cli.serve.cannot-start', { reason })}\n`);
      return 2;
    }
    const admin = server.firstRun.admin;
    if (admin !== undefined)
      ctx.stdout(`${t('cli.serve.first-run', { email: admin.email, password: admin.password })}\n`);
    ctx.stdout(
      `${t('cli.serve.listening', {
        url: server.url,
        store: databaseUrl === undefined || databaseUrl === '' ? dataDir : 'PostgreSQL',
      })}\n`,
    );
    const running = server;
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await running.close();
    return 0;
  },
};
