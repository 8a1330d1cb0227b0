/**
 * Generates a DAT, an analysis report or a disaster recovery plan (PRA) from a model version's
 * files, as the CLI does (`vigie dat`, `vigie report analysis`, `vigie pra`): load, analyse
 * once, build, render. No I/O; an invalid model is an expected outcome (a Result), not an
 * exception. The server runs it in a worker thread (task `document.generate`,
 * src/platform/threads), so the result is plain clonable data.
 */
import { buildAnalysisReport } from '../../documents/analysis-report/build-analysis-report.js';
import { buildDat } from '../../documents/dat/build-dat.js';
import { buildPra } from '../../documents/pra/build-pra.js';
import { ganttSvg } from '../../diagrams/gantt.js';
import { prepareDocumentInput } from '../../presentation/input.js';
import { renderDocument } from '../../documents/render/index.js';
import { createDiagramProvider } from '../../diagrams/provider.js';
import { BUILTIN_RULES } from '../../design/rules/index.js';
import { createTranslator } from '../../i18n/index.js';
import { loadModel } from '../../model/load.js';
import type { DocumentFileFormat, DocumentKind, DocumentLang } from '../store/documents.js';

export interface GenerateRequest {
  readonly kind: DocumentKind;
  readonly format: DocumentFileFormat;
  readonly lang: DocumentLang;
  /** Model version number (the document's version is `<N>.0`). */
  readonly version: number;
  /** Workspace slug, for the file name. */
  readonly slug: string;
  /** ISO date printed on the document, YYYY-MM-DD. */
  readonly today: string;
  readonly author?: string;
  readonly onProgress?: (fraction: number) => void;
}

export interface GeneratedDocument {
  readonly fileName: string;
  readonly contentType: string;
  /** A Uint8Array (not a Buffer): it crosses threads (src/platform/threads) as one. */
  readonly bytes: Uint8Array;
  readonly pages?: number;
}

export type GenerateResult =
  | { readonly ok: true; readonly value: GeneratedDocument }
  | { readonly ok: false; readonly code: 'invalid_model'; readonly error: string };

const KIND_NAMES: Readonly<Record<DocumentKind, Readonly<Record<DocumentLang, string>>>> = {
  dat: { fr: 'dat', en: 'dat' },
  analysis: { fr: 'analyse', en: 'analysis' },
  pra: { fr: 'pra', en: 'drp' },
};

/** `<slug>-dat-v3.pdf`, `<slug>-analyse-v3.md` (French), `<slug>-analysis-v3.md` (English). */
export function documentFileName(
  slug: string,
  kind: DocumentKind,
  lang: DocumentLang,
  version: number,
  extension: string,
): string {
  const safe = slug.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'vigie';
  return `${safe}-${KIND_NAMES[kind][lang]}-v${String(version)}.${extension}`;
}

function invalidModel(lang: DocumentLang, version: number, errors: readonly string[]): string {
  const head =
    lang === 'fr'
      ? `Le modèle de la version ${String(version)} contient ${String(errors.length)} erreur(s) ; le document n'a pas été produit.`
      : `The model of version ${String(version)} has ${String(errors.length)} error(s); the document was not produced.`;
  const shown = errors.slice(0, 5);
  const more = errors.length - shown.length;
  const tail =
    more > 0
      ? [lang === 'fr' ? `… et ${String(more)} autre(s)` : `… and ${String(more)} more`]
      : [];
  return [head, ...shown, ...tail].join('\n');
}

export async function generateDocument(
  files: Readonly<Record<string, string>>,
  request: GenerateRequest,
): Promise<GenerateResult> {
  const { lang } = request;
  const t = createTranslator(lang);
  const progress = request.onProgress ?? (() => undefined);
  const sources = Object.keys(files)
    .sort()
    .map((file) => ({ file, text: files[file] ?? '' }));
  const loaded = loadModel(sources, { t });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.valid || errors.length > 0) {
    return {
      ok: false,
      code: 'invalid_model',
      error: invalidModel(
        lang,
        request.version,
        errors.map((d) => `${d.file}:${String(d.line)}:${String(d.column)} ${d.message}`),
      ),
    };
  }
  progress(0.1);
  const input = prepareDocumentInput(loaded.graph, BUILTIN_RULES, {
    // the PRA reads no attack path
    ...(request.kind === 'pra' ? { k: 0 } : {}),
    locale: lang,
    today: request.today,
    onProgress: (step, done, total) => {
      if (total > 0) progress((step === 'rules' ? 0.1 : 0.3) + (0.2 * done) / total);
    },
  });
  progress(0.5);
  const settings = {
    version: `${String(request.version)}.0`,
    date: request.today,
    author: (request.author ?? 'Vigie').slice(0, 200),
    classification: t('cli.document.default-classification'),
  };
  const diagrams = createDiagramProvider(input);
  const document =
    request.kind === 'dat'
      ? await buildDat(input, diagrams, settings)
      : request.kind === 'pra'
        ? buildPra(input, { ...settings, gantt: ganttSvg })
        : await buildAnalysisReport(input, diagrams, settings);
  progress(0.7);
  const rendered = await renderDocument(document, request.format);
  progress(1);
  return {
    ok: true,
    value: {
      fileName: documentFileName(
        request.slug,
        request.kind,
        lang,
        request.version,
        rendered.extension,
      ),
      contentType: rendered.mediaType,
      bytes: rendered.bytes,
      ...(rendered.pages === undefined ? {} : { pages: rendered.pages }),
    },
  };
}
