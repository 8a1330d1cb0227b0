/**
 * What `vigie dat` and `vigie report analysis` share: loading and analysing the model once,
 * the document options (format, date, version, author, classification), progress on a
 * terminal, rendering, and writing the file (binary formats only to a file).
 */
import { createDiagramProvider } from '../diagrams/provider.js';
import type { DiagramProvider } from '../presentation/diagram-provider.js';
import {
  prepareDocumentInput,
  type DocumentInput,
  type PrepareOptions,
} from '../presentation/input.js';
import type { ReportDocument } from '../documents/model.js';
import {
  DOCUMENT_FORMATS,
  formatOfFile,
  isBinaryFormat,
  renderDocument,
  type DocumentFormat,
} from '../documents/render/index.js';
import type { CommandContext, OptionSpec, ParsedArgs } from './context.js';
import { UsageError } from './context.js';
import { todayIso } from './commands/analyze.js';
import { EXIT } from './failure.js';
import { loadAnalysable } from './load-rules.js';
import { withCommandOutput } from './output.js';

export const DOCUMENT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  format: { type: 'string', description: 'cli.option.doc-format', values: DOCUMENT_FORMATS },
  output: { type: 'string', short: 'o', description: 'cli.option.output', placeholder: 'file' },
  date: { type: 'string', description: 'cli.option.date', placeholder: 'YYYY-MM-DD' },
  'doc-version': { type: 'string', description: 'cli.option.doc-version', placeholder: '1.0' },
  author: { type: 'string', description: 'cli.option.author', placeholder: 'name' },
  classification: { type: 'string', description: 'cli.option.classification', placeholder: 'text' },
};

export interface DocumentSettings {
  readonly version: string;
  readonly date: string;
  readonly author: string;
  readonly classification: string;
}

export type DocumentBuilder = (
  input: DocumentInput,
  diagrams: DiagramProvider,
  settings: DocumentSettings,
) => Promise<ReportDocument>;

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function progress(ctx: CommandContext): (step: string, done: number, total: number) => void {
  if (!ctx.isTTY) return () => undefined;
  let last = 0;
  return (step, done, total) => {
    const now = performance.now();
    if (done !== total && now - last < 100) return;
    last = now;
    ctx.stderr(`\r\u001b[K${ctx.t('cli.document.progress', { step, done, total })}`);
  };
}

/** Runs a document command; returns the exit code. */
export async function runDocumentCommand(
  ctx: CommandContext,
  { values, positionals }: ParsedArgs,
  build: DocumentBuilder,
  /** Analyses to leave out (the PRA reads no attack path: `{ k: 0 }`). */
  prepare: Pick<PrepareOptions, 'k'> = {},
): Promise<number> {
  const { t } = ctx;
  const output = typeof values.output === 'string' ? values.output : undefined;
  const requested = typeof values.format === 'string' ? values.format : undefined;
  const format: DocumentFormat =
    (requested as DocumentFormat | undefined) ??
    (output === undefined ? undefined : formatOfFile(output)) ??
    'md';
  if (isBinaryFormat(format) && output === undefined)
    throw new UsageError(t('cli.document.binary-output', { format }));
  const date = typeof values.date === 'string' ? values.date : todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
    throw new UsageError(t('cli.error.bad-date', { value: date }));
  const version = typeof values['doc-version'] === 'string' ? values['doc-version'] : '1.0';
  if (!/^[\p{L}\p{N}][\p{L}\p{N}.-]{0,31}$/u.test(version))
    throw new UsageError(t('cli.document.bad-version'));
  const author = typeof values.author === 'string' ? values.author.slice(0, 200) : 'Vigie';
  const classification =
    typeof values.classification === 'string'
      ? values.classification.slice(0, 120)
      : t('cli.document.default-classification');

  // binary formats need -o; text goes to standard output without it
  return withCommandOutput(ctx, output, async (out) => {
    const loaded = await loadAnalysable(ctx, positionals[0] ?? '.');
    if (loaded === undefined) return EXIT.bad;
    const report = progress(ctx);
    const steps: Readonly<Record<string, string>> = {
      rules: t('cli.document.step-rules'),
      paths: t('cli.document.step-paths'),
    };
    const input = prepareDocumentInput(loaded.result.graph, loaded.rules, {
      ...prepare,
      locale: ctx.locale,
      today: date,
      onProgress: (step, done, total) => {
        report(steps[step] ?? step, done, total);
      },
    });
    report(t('cli.document.step-diagrams'), 0, 1);
    const document = await build(input, createDiagramProvider(input), {
      version,
      date,
      author,
      classification,
    });
    report(t('cli.document.step-render'), 0, 1);
    const rendered = await renderDocument(document, format);
    if (ctx.isTTY) ctx.stderr('\r\u001b[K');
    await out.write(rendered.bytes);
    await out.commit();
    if (out.file === undefined) return EXIT.ok;
    const size = humanSize(rendered.bytes.length);
    ctx.stderr(
      `${
        rendered.pages === undefined
          ? t('cli.document.written', { file: out.file, size })
          : t('cli.document.written-pages', { file: out.file, size, pages: rendered.pages })
      }\n`,
    );
    return EXIT.ok;
  });
}
