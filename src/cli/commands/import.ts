import { readdir } from 'node:fs/promises';
import { importThreagile, threagileToYamlFiles } from '../../interop/threagile/index.js';
import { readInputText, toFileAccessError } from '../../io/file-access.js';
import { prepareOutputDirectory, writeOutputFiles } from '../../io/output-file.js';
import { modelJsonSchema } from '../../model/json-schema.js';
import { DEFAULT_YAML_LIMITS } from '../../model/yaml-source.js';
import { UsageError, type Command } from '../context.js';
import { formatDiagnostic } from './validate.js';

const FORMATS = ['threagile'] as const;

export const importCommand: Command = {
  name: 'import',
  summary: 'cli.import.summary',
  usage: 'threagile <file.yaml> -o <dir>',
  positionals: { min: 2, max: 2, names: 'threagile <file.yaml>' },
  options: {
    output: {
      type: 'string',
      short: 'o',
      description: 'cli.option.output-dir',
      placeholder: 'dir',
    },
    force: { type: 'boolean', description: 'cli.option.force-import' },
  },
  async run(ctx, { values, positionals }) {
    const { t } = ctx;
    const [format, file] = positionals;
    if (format === undefined || !(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(
        t('cli.import.unknown-format', { format: format ?? '', formats: FORMATS.join(', ') }),
      );
    }
    if (typeof values.output !== 'string')
      throw new UsageError(t('cli.error.missing-option', { option: '-o <dir>' }));
    const input = file ?? '';
    const text = await readInputText(input, { maxBytes: DEFAULT_YAML_LIMITS.maxFileBytes });
    const imported = importThreagile(text, input, t);
    for (const d of imported.diagnostics) ctx.stderr(`${formatDiagnostic(ctx, d)}\n`);
    if (imported.diagnostics.some((d) => d.severity === 'error')) return 2;
    const files = threagileToYamlFiles(imported);
    const dir = values.output;
    await prepareOutputDirectory(dir);
    const names = await readdir(dir).catch((error: unknown) => {
      throw toFileAccessError(error, dir, 'read');
    });
    const existing = names.filter((name) => name in files);
    if (existing.length > 0 && values.force !== true) {
      throw new UsageError(t('cli.import.exists', { files: existing.join(', ') }));
    }
    await writeOutputFiles(dir, {
      ...files,
      'vigie-model.schema.json': `${JSON.stringify(modelJsonSchema(), null, 2)}\n`,
    });
    ctx.stdout(`${t('cli.import.done', { count: Object.keys(files).length, dir })}\n`);
    return 0;
  },
};
