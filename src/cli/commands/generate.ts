import { dump } from 'js-yaml';
import { writeOutputFiles } from '../../io/output-file.js';
import { generateModel } from '../../model/generate.js';
import { UsageError, type Command } from '../context.js';

function positiveInt(
  value: unknown,
  option: string,
  fail: (option: string) => string,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 1_000_000)
    throw new UsageError(fail(option));
  return number;
}

export const generateCommand: Command = {
  name: 'generate',
  summary: 'cli.generate.summary',
  usage: '--assets <n> [--flows <n>] [--seed <n>] -o <dir>',
  positionals: { min: 0, max: 0, names: '' },
  options: {
    assets: { type: 'string', description: 'cli.option.assets', placeholder: 'n' },
    flows: { type: 'string', description: 'cli.option.flows', placeholder: 'n' },
    seed: { type: 'string', description: 'cli.option.seed', placeholder: 'n' },
    output: {
      type: 'string',
      short: 'o',
      description: 'cli.option.output-dir',
      placeholder: 'dir',
    },
  },
  async run(ctx, { values }) {
    const fail = (option: string): string => ctx.t('cli.error.positive-int', { option });
    const assets = positiveInt(values.assets ?? '100', 'assets', fail) ?? 100;
    const flows = positiveInt(values.flows, 'flows', fail);
    const seed = positiveInt(values.seed, 'seed', fail);
    if (typeof values.output !== 'string')
      throw new UsageError(ctx.t('cli.error.missing-option', { option: '-o <dir>' }));
    const files = generateModel({
      assets,
      ...(flows === undefined ? {} : { flows }),
      ...(seed === undefined ? {} : { seed }),
    });
    await writeOutputFiles(
      values.output,
      Object.fromEntries(
        Object.entries(files).map(([name, content]) => [
          name,
          dump(content, { lineWidth: -1, noRefs: true }),
        ]),
      ),
    );
    ctx.stdout(
      `${ctx.t('cli.generate.done', { dir: values.output, assets: ctx.t.number(assets), flows: ctx.t.number(flows ?? assets * 5) })}\n`,
    );
    return 0;
  },
};
