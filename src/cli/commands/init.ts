import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { isLocale } from '../../i18n/index.js';
import { writeOutputFiles } from '../../io/output-file.js';
import { modelJsonSchema } from '../../model/json-schema.js';
import { UsageError, type Command } from '../context.js';
import { starterModel } from '../templates/starter.js';

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export const initCommand: Command = {
  name: 'init',
  summary: 'cli.init.summary',
  usage: '[dir] [--lang fr|en] [--force]',
  positionals: { min: 0, max: 1, names: '[dir]' },
  options: {
    force: { type: 'boolean', description: 'cli.option.force' },
  },
  async run(ctx, { values, positionals }) {
    const dir = positionals[0] ?? '.';
    const lang =
      typeof values.lang === 'string' && isLocale(values.lang) ? values.lang : ctx.locale;
    const modelFile = join(dir, 'model.yaml');
    const schemaFile = join(dir, 'vigie-model.schema.json');
    if (values.force !== true && (await exists(modelFile))) {
      throw new UsageError(ctx.t('cli.init.exists', { file: modelFile }));
    }
    await writeOutputFiles(dir, {
      'model.yaml': starterModel(lang),
      'vigie-model.schema.json': `${JSON.stringify(modelJsonSchema(), null, 2)}\n`,
    });
    ctx.stdout(`${ctx.t('cli.init.done', { file: modelFile, schema: schemaFile, dir })}\n`);
    return 0;
  },
};
