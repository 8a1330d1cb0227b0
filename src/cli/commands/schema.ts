import { writeFile } from 'node:fs/promises';
import { modelJsonSchema } from '../../model/json-schema.js';
import type { Command } from '../context.js';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'cli.schema.summary',
  usage: '[-o file]',
  positionals: { min: 0, max: 0, names: '' },
  options: {
    output: { type: 'string', short: 'o', description: 'cli.option.output', placeholder: 'file' },
  },
  async run(ctx, { values }) {
    const text = `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
    if (typeof values.output === 'string') {
      await writeFile(values.output, text);
      ctx.stderr(`${ctx.t('cli.written', { file: values.output })}\n`);
    } else {
      ctx.stdout(text);
    }
    return 0;
  },
};
