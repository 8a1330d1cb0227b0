import { modelJsonSchema } from '../../model/json-schema.js';
import type { Command } from '../context.js';
import { writeOutput } from '../output.js';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'cli.schema.summary',
  usage: '[-o file]',
  positionals: { min: 0, max: 0, names: '' },
  options: {
    output: { type: 'string', short: 'o', description: 'cli.option.output', placeholder: 'file' },
  },
  async run(ctx, { values }) {
    await writeOutput(ctx, values.output, `${JSON.stringify(modelJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
