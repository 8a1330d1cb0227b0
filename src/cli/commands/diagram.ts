import { createDiagramProvider } from '../../diagrams/provider.js';
import { svgToPng } from '../../presentation/raster.js';
import { DEFAULT_MAX_ASSETS } from '../../diagrams/zones.js';
import type { Diagram } from '../../presentation/diagram-provider.js';
import { prepareDocumentInput } from '../../presentation/input.js';
import type { ModelGraph } from '../../model/graph.js';
import { UsageError, type Command, type CommandContext } from '../context.js';
import { EXIT } from '../failure.js';
import { loadAnalysable } from '../load-rules.js';
import { withCommandOutput } from '../output.js';
import { todayIso } from './analyze.js';

type View =
  { readonly kind: 'zones' } | { readonly kind: 'site' | 'zone' | 'process'; readonly id: string };

function parseView(ctx: CommandContext, text: string): View {
  if (text === 'zones') return { kind: 'zones' };
  const match = /^(site|zone|process):(.+)$/.exec(text);
  const kind = match?.[1];
  const id = match?.[2];
  if ((kind !== 'site' && kind !== 'zone' && kind !== 'process') || id === undefined)
    throw new UsageError(ctx.t('cli.diagram.bad-view', { view: text }));
  return { kind, id };
}

function parseMaxAssets(ctx: CommandContext, value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_ASSETS;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < 1 || number > 1_000_000)
    throw new UsageError(ctx.t('cli.error.positive-int', { option: 'max-assets' }));
  return number;
}

function exists(graph: ModelGraph, view: View): boolean {
  switch (view.kind) {
    case 'zones':
      return true;
    case 'site':
      return graph.site(view.id) !== undefined;
    case 'zone':
      return graph.zone(view.id) !== undefined;
    case 'process':
      return graph.process(view.id) !== undefined;
  }
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const diagramCommand: Command = {
  name: 'diagram',
  summary: 'cli.diagram.summary',
  usage:
    '<path> [--view zones|site:<id>|zone:<id>|process:<id>] [--max-assets n] [--today YYYY-MM-DD] [-o file.svg|file.png]',
  positionals: { min: 1, max: 1, names: '<path>' },
  options: {
    view: {
      type: 'string',
      description: 'cli.option.view',
      placeholder: 'zones|site:<id>|zone:<id>|process:<id>',
    },
    'max-assets': { type: 'string', description: 'cli.option.max-assets', placeholder: 'n' },
    today: { type: 'string', description: 'cli.option.today', placeholder: 'YYYY-MM-DD' },
    output: { type: 'string', short: 'o', description: 'cli.option.output', placeholder: 'file' },
  },
  async run(ctx, { values, positionals }) {
    const { t } = ctx;
    const view = parseView(ctx, typeof values.view === 'string' ? values.view : 'zones');
    const maxAssets = parseMaxAssets(ctx, values['max-assets']);
    const output = typeof values.output === 'string' ? values.output : undefined;
    const format = output === undefined ? 'svg' : /\.(svg|png)$/i.exec(output)?.[1]?.toLowerCase();
    if (format === undefined) throw new UsageError(t('cli.diagram.bad-output'));
    const today = typeof values.today === 'string' ? values.today : todayIso();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))
      throw new UsageError(t('cli.error.bad-date', { value: today }));

    return withCommandOutput(ctx, output, async (out) => {
      const loaded = await loadAnalysable(ctx, positionals[0] ?? '.');
      if (loaded === undefined) return EXIT.bad;
      const { graph } = loaded.result;
      if (view.kind !== 'zones' && !exists(graph, view)) {
        ctx.stderr(`${t('cli.diagram.unknown-id', { kind: view.kind, id: view.id })}\n`);
        return EXIT.bad;
      }
      // attack paths are not drawn here: skip computing them
      const input = prepareDocumentInput(graph, loaded.rules, {
        locale: ctx.locale,
        today,
        k: 0,
      });
      const provider = createDiagramProvider(input, { heading: true });
      let diagram: Diagram;
      switch (view.kind) {
        case 'zones':
          diagram = await provider.zones({ maxAssets });
          break;
        case 'site':
          diagram = await provider.zones({ siteId: view.id, maxAssets });
          break;
        case 'zone':
          diagram = await provider.zones({ zoneId: view.id, maxAssets });
          break;
        case 'process':
          diagram = await provider.process(view.id);
          break;
      }
      const bytes = format === 'png' ? svgToPng(diagram.svg) : Buffer.from(diagram.svg, 'utf8');
      await out.write(bytes);
      await out.commit();
      if (out.file !== undefined)
        ctx.stderr(
          `${t('cli.document.written', { file: out.file, size: humanSize(bytes.length) })}\n`,
        );
      return EXIT.ok;
    });
  },
};
