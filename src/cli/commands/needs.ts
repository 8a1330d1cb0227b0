import {
  analyseSpec,
  assessRegulations,
  buildNeedsReport,
  ebiosDocument,
  frameEbios,
  needsDocument,
  parseSpec,
  regulationsDocument,
  specDocument,
  toMarkdown,
} from '../../design/cp1/index.js';
import type { ReportDocument } from '../../design/cp1/report-document.js';
import { readInputText } from '../../io/file-access.js';
import { DEFAULT_YAML_LIMITS } from '../../model/yaml-source.js';
import { UsageError, type Command } from '../context.js';
import { loadAnalysable } from '../load-rules.js';
import { EXIT } from '../failure.js';
import { withCommandOutput } from '../output.js';
import { documentToText } from '../report-document.js';
import { todayIso } from './analyze.js';
import { formatDiagnostic } from './validate.js';

export const needsCommand: Command = {
  name: 'needs',
  summary: 'cli.needs.summary',
  usage: '[<path>] [--spec spec.yaml] [--format table|json|markdown]',
  positionals: { min: 0, max: 1, names: '[<path>]' },
  options: {
    spec: { type: 'string', description: 'cli.option.spec', placeholder: 'spec.yaml' },
    format: {
      type: 'string',
      description: 'cli.option.format',
      values: ['table', 'json', 'markdown'],
    },
    today: { type: 'string', description: 'cli.option.today', placeholder: 'YYYY-MM-DD' },
    output: { type: 'string', short: 'o', description: 'cli.option.output', placeholder: 'file' },
  },
  async run(ctx, { values, positionals }) {
    const { t } = ctx;
    const today = typeof values.today === 'string' ? values.today : todayIso();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
      throw new UsageError(t('cli.error.bad-date', { value: today }));
    const path = positionals[0];
    if (path === undefined && typeof values.spec !== 'string') {
      throw new UsageError(t('cli.needs.nothing'));
    }
    // opened before the work: a bad -o fails at once
    return withCommandOutput(ctx, values.output, async (out) => {
      const loaded = path === undefined ? undefined : await loadAnalysable(ctx, path);
      if (path !== undefined && loaded === undefined) return EXIT.bad;
      // read after loading: the model may set the language
      const { locale } = ctx;
      const graph = loaded?.result.graph;
      const model = loaded?.result.model;
      const modelPart =
        graph === undefined || model === undefined
          ? undefined
          : {
              needs: buildNeedsReport(graph),
              regulations: assessRegulations({
                organisation: model.organisation,
                data: model.data,
                assets: model.assets,
              }),
              ebios: frameEbios(graph, today),
            };
      let spec;
      if (typeof values.spec === 'string') {
        const source = await readInputText(values.spec, {
          maxBytes: DEFAULT_YAML_LIMITS.maxFileBytes,
        });
        const parsed = parseSpec(source, values.spec, t, graph === undefined ? {} : { graph });
        for (const d of parsed.diagnostics) ctx.stderr(`${formatDiagnostic(ctx, d)}\n`);
        if (parsed.spec === undefined || parsed.diagnostics.some((d) => d.severity === 'error'))
          return EXIT.bad;
        spec = analyseSpec(parsed.spec, graph);
      }
      const documents: ReportDocument[] = [
        ...(modelPart === undefined
          ? []
          : [
              needsDocument(modelPart.needs, locale),
              regulationsDocument(modelPart.regulations, locale),
              ebiosDocument(modelPart.ebios, locale),
            ]),
        ...(spec === undefined ? [] : [specDocument(spec, locale)]),
      ];
      const text =
        values.format === 'json'
          ? `${JSON.stringify({ ...modelPart, ...(spec === undefined ? {} : { spec }) }, null, 2)}\n`
          : values.format === 'markdown'
            ? documents.map(toMarkdown).join('\n')
            : documents.map((d) => documentToText(ctx, d)).join('\n');
      await out.write(text);
      await out.commit();
      if (out.file !== undefined) ctx.stderr(`${t('cli.written', { file: out.file })}\n`);
      return EXIT.ok;
    });
  },
};
