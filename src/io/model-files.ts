import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../domain/diagnostic.js';
import { isSpecial, readInputText, toFileAccessError } from './file-access.js';
import type { Translator } from '../i18n/index.js';
import type { ModelSource } from '../model/load.js';
import { DEFAULT_YAML_LIMITS } from '../model/yaml-source.js';

export interface ReadModelResult {
  readonly sources: readonly ModelSource[];
  readonly diagnostics: readonly Diagnostic[];
  /** False when the path itself cannot be read (missing, permission denied). */
  readonly readable: boolean;
}

export const MAX_MODEL_FILES = 10_000;

/** Folder of a model directory that holds custom rules, not model files. */
export const RULES_FOLDER = 'rules';
const YAML_FILE = /\.ya?ml$/i;

function problem(file: string, code: string, message: string): Diagnostic {
  return { code, severity: 'error', message, file, line: 0, column: 0, path: '' };
}

async function listYamlFiles(dir: string, relative = ''): Promise<string[]> {
  const entries = await readdir(join(dir, relative), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    if (relative === '' && entry.isDirectory() && entry.name === RULES_FOLDER) continue;
    const path = relative === '' ? entry.name : join(relative, entry.name);
    if (entry.isDirectory()) files.push(...(await listYamlFiles(dir, path)));
    else if (entry.isFile() && YAML_FILE.test(entry.name)) files.push(path);
  }
  return files;
}

/**
 * Reads a model from one YAML file or a directory of YAML files (recursively, sorted, hidden
 * entries and the top-level `rules/` folder of custom rules skipped). Files over the size limit are not read; they yield a diagnostic instead.
 */
export async function readModelFiles(
  path: string,
  t: Translator,
  maxFileBytes = DEFAULT_YAML_LIMITS.maxFileBytes,
): Promise<ReadModelResult> {
  let files: string[];
  try {
    const info = await stat(path);
    // a FIFO would block the read, /dev/zero would never end: only files and directories
    if (isSpecial(info)) {
      const detail = t('cli.file.special-file');
      return {
        sources: [],
        diagnostics: [problem(path, 'file-unreadable', t('diag.file-unreadable', { detail }))],
        readable: false,
      };
    }
    files = info.isDirectory() ? (await listYamlFiles(path)).map((f) => join(path, f)) : [path];
    if (info.isDirectory() && files.length === 0) {
      return {
        sources: [],
        diagnostics: [problem(path, 'no-model-files', t('diag.no-model-files'))],
        readable: false,
      };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? t('diag.path-not-found')
        : t('diag.file-unreadable', { detail: code ?? String(error) });
    return {
      sources: [],
      diagnostics: [
        problem(path, code === 'ENOENT' ? 'path-not-found' : 'file-unreadable', message),
      ],
      readable: false,
    };
  }
  if (files.length > MAX_MODEL_FILES) {
    const message = t('diag.too-many-files', { count: files.length, limit: MAX_MODEL_FILES });
    return {
      sources: [],
      diagnostics: [problem(path, 'too-many-files', message)],
      readable: false,
    };
  }
  const sources: ModelSource[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    try {
      const { size } = await stat(file);
      if (size > maxFileBytes) {
        const mb = (bytes: number): string => t.number(bytes / 1_048_576, 1);
        diagnostics.push(
          problem(
            file,
            'file-too-large',
            t('diag.file-too-large', { size: mb(size), limit: mb(maxFileBytes) }),
          ),
        );
        continue;
      }
      sources.push({ file, text: await readInputText(file) });
    } catch (error) {
      const failure = toFileAccessError(error, file, 'read');
      const detail =
        failure.problem === 'special-file' ? t('cli.file.special-file') : (failure.errno ?? '');
      diagnostics.push(problem(file, 'file-unreadable', t('diag.file-unreadable', { detail })));
    }
  }
  return {
    sources,
    diagnostics,
    readable: sources.length > 0 || diagnostics.every((d) => d.code !== 'file-unreadable'),
  };
}

/** Reads the custom rule files of a model directory (`<model>/rules/*.yaml`); none for a file. */
export async function readRuleFiles(
  modelPath: string,
  t: Translator,
  maxFileBytes = DEFAULT_YAML_LIMITS.maxFileBytes,
): Promise<ReadModelResult> {
  const dir = join(modelPath, RULES_FOLDER);
  try {
    if (!(await stat(dir)).isDirectory()) return { sources: [], diagnostics: [], readable: true };
  } catch {
    return { sources: [], diagnostics: [], readable: true };
  }
  const result = await readModelFiles(dir, t, maxFileBytes);
  // an empty rules folder is no error
  return result.diagnostics.some((d) => d.code === 'no-model-files')
    ? { sources: [], diagnostics: [], readable: true }
    : result;
}
