import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importThreagile, threagileToYamlFiles } from '../../interop/threagile/index.js';
import { modelJsonSchema } from '../../model/json-schema.js';
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
    let text: string;
    try {
      text = await readFile(input, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      ctx.stderr(`${input} error file-unreadable ${t('diag.file-unreadable', { detail: code })}\n`);
      return 2;
    }
    const imported = importThreagile(text, input, t);
    for (const d of imported.diagnostics) ctx.stderr(`${formatDiagnostic(ctx, d)}\n`);
    if (imported.diagnostics.some((d) => d.severity === 'error')) return 2;
    const files = threagileToYamlFiles(imported);
    await mkdir(values.output, { recursive: true });
    const { readdir } = await import('node:fs/promises');
    const existing = (await readdir(values.output)).filter((name) => name in files);
    if (existing.length > 0 && values.force !== true) {
      throw new UsageError(t('cli.import.exists', { files: existing.join(', ') }));
    }
    for (const [name, content] of Object.entries(files))
      await writeFile(join(values.output, name), content);
    await writeFile(
      join(values.output, 'vigie-model.schema.json'),
      `${JSON.stringify(modelJsonSchema(), null, 2)}\n`,
    );
    ctx.stdout(
      `${t('cli.import.done', { count: Object.keys(files).length, dir: values.output })}\n`,
    );
    return 0;
  },
};
