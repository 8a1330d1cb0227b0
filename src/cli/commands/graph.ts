import { exportGraph, toDot, toMermaid } from '../../model/graph-export.js';
import type { Command } from '../context.js';
import { loadModelAt } from '../load-path.js';
import { formatDiagnostic } from './validate.js';

export const graphCommand: Command = {
  name: 'graph',
  summary: 'cli.graph.summary',
  usage: '<path> [--format dot|mermaid|json]',
  positionals: { min: 1, max: 1, names: '<path>' },
  found: 'cli.exit.model-invalid',
  options: {
    format: {
      type: 'string',
      description: 'cli.option.format',
      values: ['dot', 'mermaid', 'json'],
    },
  },
  async run(ctx, { values, positionals }) {
    const { result, readable } = await loadModelAt(ctx, positionals[0] ?? '.');
    for (const d of result.diagnostics.filter((x) => x.severity === 'error')) {
      ctx.stderr(`${formatDiagnostic(ctx, d)}\n`);
    }
    if (!readable) return 2;
    const format = values.format ?? 'dot';
    if (format === 'json') ctx.stdout(`${JSON.stringify(exportGraph(result.graph), null, 2)}\n`);
    else if (format === 'mermaid') ctx.stdout(toMermaid(result.graph));
    else ctx.stdout(toDot(result.graph));
    return result.valid ? 0 : 1;
  },
};
