/** Validates a model version's files with the model loader and summarises the result. */
import { createTranslator, type Locale } from '../../i18n/index.js';
import { loadModel } from '../../model/load.js';

// The shapes the API returns (src/platform/api/types.ts), one definition for server and UI.
export type { DiagnosticView, ModelCounts, ValidationSummary } from '../api/types.js';
import type { ModelCounts, ValidationSummary } from '../api/types.js';
import type { Model } from '../../domain/model/index.js';

const translators = { en: createTranslator('en'), fr: createTranslator('fr') } as const;

/**
 * Loads the files (sorted by path) and returns their diagnostics (messages in `locale`) and
 * entity counts.
 */
export function validateModelFiles(
  files: Readonly<Record<string, string>>,
  locale: Locale = 'en',
): ValidationSummary {
  const t = translators[locale];
  const sources = Object.keys(files)
    .sort()
    .map((file) => ({ file, text: files[file] ?? '' }));
  const result = loadModel(sources, { t });
  const diagnostics = result.diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.path === '' ? {} : { path: d.path }),
  }));
  const { model } = result;
  return {
    valid: result.valid,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics,
    counts: countEntities(model),
  };
}

/** Model file names accepted by the API: `name.yaml` or `name.yml`, no directory, no `..`. */
export const MODEL_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}\.ya?ml$/;

export function isModelFileName(path: string): boolean {
  return MODEL_FILE_NAME.test(path) && !path.includes('..');
}

/** How many entities of each kind the model holds (validation summaries and the dashboard). */
export function countEntities(model: Model): ModelCounts {
  return {
    sites: model.sites.length,
    zones: model.zones.length,
    assets: model.assets.length,
    data: model.data.length,
    flows: model.flows.length,
    identities: model.identities.length,
    processes: model.processes.length,
    backups: model.backups.length,
    measures: model.measures.length,
    decisions: model.decisions.length,
  };
}
