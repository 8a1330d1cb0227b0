import { BackupError, backupStore, restoreStore } from '../../platform/backup/index.js';
import type { Store } from '../../platform/store/index.js';
import { checkInput, FileAccessError } from '../../io/file-access.js';
import { openOutput } from '../../io/output-file.js';
import { UsageError, type Command, type CommandContext } from '../context.js';
import { EXIT } from '../failure.js';
import { openPlatformStore, platformStoreLocation } from '../platform-store.js';

/** The platform's store as `vigie serve` opens it (VIGIE_DATA, or DATABASE_URL and VIGIE_DB_SCHEMA). */
async function platformStore(ctx: CommandContext): Promise<{ store: Store; where: string }> {
  const location = platformStoreLocation(ctx);
  return { store: await openPlatformStore(location), where: location.where };
}

const total = (rows: Readonly<Record<string, number>>): number =>
  Object.values(rows).reduce((sum, n) => sum + n, 0);

function reason(ctx: CommandContext, error: unknown): string {
  if (error instanceof BackupError) return error.localized[ctx.locale];
  if (error instanceof Error && 'code' in error) return `${String(error.code)}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'cli.backup.summary',
  usage: '-o <file>',
  positionals: { min: 0, max: 0, names: '' },
  options: {
    output: { type: 'string', short: 'o', description: 'cli.option.output', placeholder: 'file' },
  },
  async run(ctx, { values }) {
    const { t } = ctx;
    if (typeof values.output !== 'string')
      throw new UsageError(t('cli.error.missing-option', { option: '-o <file>' }));
    // opened first: a bad -o fails before the store is touched; never replaces a file
    const sink = await openOutput(values.output, { mode: 0o600, overwrite: false });
    try {
      let opened;
      try {
        opened = await platformStore(ctx);
      } catch (error) {
        ctx.stderr(`${t('cli.backup.failed', { reason: reason(ctx, error) })}\n`);
        return EXIT.bad;
      }
      try {
        const summary = await backupStore(opened.store, sink.writable());
        await sink.commit();
        ctx.stderr(
          `${t('cli.backup.done', {
            file: values.output,
            rows: total(summary.rows),
            tables: Object.keys(summary.rows).length,
          })}\n`,
        );
        return EXIT.ok;
      } catch (error) {
        if (error instanceof FileAccessError) throw error;
        ctx.stderr(`${t('cli.backup.failed', { reason: reason(ctx, error) })}\n`);
        return EXIT.bad;
      } finally {
        await opened.store.close();
      }
    } finally {
      await sink.abort();
    }
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'cli.restore.summary',
  usage: '<file>',
  positionals: { min: 1, max: 1, names: '<file>' },
  options: {},
  async run(ctx, { positionals }) {
    const { t } = ctx;
    const file = positionals[0] ?? '';
    // a FIFO would block the open, /dev/zero never ends: refused before the store is touched
    await checkInput(file, 'file');
    let opened;
    try {
      opened = await platformStore(ctx);
    } catch (error) {
      ctx.stderr(`${t('cli.restore.failed', { reason: reason(ctx, error) })}\n`);
      return 2;
    }
    try {
      const summary = await restoreStore(opened.store, file);
      ctx.stderr(`${t('cli.restore.done', { rows: total(summary.rows), store: opened.where })}\n`);
      return 0;
    } catch (error) {
      ctx.stderr(`${t('cli.restore.failed', { reason: reason(ctx, error) })}\n`);
      return 2;
    } finally {
      await opened.store.close();
    }
  },
};
