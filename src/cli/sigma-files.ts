import {
  BUILTIN_PIPELINE_NAMES,
  loadBuiltinPipeline,
  parsePipeline,
  type PipelineParseResult,
  type ProcessingPipeline,
} from '../supervision/sigma/pipeline/index.js';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createTranslator, type Locale } from '../i18n/index.js';
import type { RuleSource } from '../supervision/sigma/engine/hunt.js';
import type { SigmaDiagnostic } from '../supervision/sigma/types.js';
import {
  checkInput,
  readInputText,
  toFileAccessError,
  type FileAccessError,
} from '../io/file-access.js';
import { paint, type CommandContext } from './context.js';
import { fileErrorMessage, printError } from './failure.js';

const RULE_FILE = /\.ya?ml$/i;
/** A Sigma rule file is small; anything bigger is not a rule file. */
const MAX_RULE_BYTES = 1024 * 1024;

async function walk(path: string, pattern: RegExp | undefined): Promise<string[]> {
  // a named path must be a directory or a regular file: FIFOs and devices are refused unopened
  const info = await checkInput(path, 'file-or-directory');
  if (!info.isDirectory()) return [path];
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (error) {
    throw toFileAccessError(error, path, 'read');
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(child, pattern)));
    else if (entry.isFile() && (pattern === undefined || pattern.test(entry.name)))
      files.push(child);
  }
  return files;
}

/**
 * Lists the files under paths (directories walked, sorted; inside them only regular files are
 * taken). Paths that cannot be read, or are neither a directory nor a regular file, are returned
 * as `unreadable`.
 */
export async function listFiles(
  paths: readonly string[],
  pattern: RegExp | undefined,
): Promise<{ files: string[]; unreadable: FileAccessError[] }> {
  const files: string[] = [];
  const unreadable: FileAccessError[] = [];
  for (const path of paths) {
    try {
      files.push(...(await walk(path, pattern)));
    } catch (error) {
      unreadable.push(toFileAccessError(error, path, 'read'));
    }
  }
  return { files, unreadable };
}

/** Reads the Sigma rule files under paths (none over 1 MiB: that is no rule file). */
export async function readRuleSources(
  paths: readonly string[],
): Promise<{ sources: RuleSource[]; unreadable: FileAccessError[] }> {
  const { files, unreadable } = await listFiles(paths, RULE_FILE);
  const sources: RuleSource[] = [];
  for (const file of files) {
    try {
      sources.push({ file, text: await readInputText(file, { maxBytes: MAX_RULE_BYTES }) });
    } catch (error) {
      unreadable.push(toFileAccessError(error, file, 'read'));
    }
  }
  return { sources, unreadable };
}

/** A file that could not be read, as a Sigma diagnostic in both languages. */
function fileDiagnostic(error: FileAccessError): SigmaDiagnostic {
  return {
    code: `file-${error.problem}`,
    severity: 'error',
    message: {
      en: fileErrorMessage(createTranslator('en'), error),
      fr: fileErrorMessage(createTranslator('fr'), error),
    },
    file: error.path,
    line: 0,
    column: 0,
    path: '',
  };
}

/** Prints each file that could not be read as `error: cannot read <path>: <why>.` */
export function printUnreadable(ctx: CommandContext, unreadable: readonly FileAccessError[]): void {
  for (const error of unreadable) printError(ctx, fileErrorMessage(ctx.t, error));
}

/**
 * Loads processing pipelines: a built-in one by name (`sysmon`, `windows-security`,
 * `ecs-winlogbeat`), otherwise a YAML file. Problems are returned located, never thrown.
 */
export async function loadPipelines(
  refs: readonly string[],
): Promise<{ pipelines: ProcessingPipeline[]; diagnostics: SigmaDiagnostic[] }> {
  const pipelines: ProcessingPipeline[] = [];
  const diagnostics: SigmaDiagnostic[] = [];
  for (const ref of refs) {
    let result: PipelineParseResult;
    if (BUILTIN_PIPELINE_NAMES.includes(ref)) result = loadBuiltinPipeline(ref);
    else {
      try {
        result = parsePipeline(await readInputText(ref, { maxBytes: MAX_RULE_BYTES }), ref);
      } catch (error) {
        const problem = toFileAccessError(error, ref, 'read');
        // a bare name that is no file: say which built-in names exist; else why the file failed
        result =
          problem.problem === 'not-found' && !/[\\/]|\.ya?ml$/i.test(ref)
            ? loadBuiltinPipeline(ref)
            : { diagnostics: [fileDiagnostic(problem)] };
      }
    }
    diagnostics.push(...result.diagnostics);
    if (result.pipeline !== undefined) pipelines.push(result.pipeline);
  }
  return { pipelines, diagnostics };
}

/** `file:line:col severity code message`, like model diagnostics. */
export function formatSigmaDiagnostic(
  ctx: Pick<CommandContext, 'color'>,
  d: SigmaDiagnostic,
  locale: Locale,
): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  const severity = paint(ctx, d.severity === 'error' ? 'red' : 'yellow', d.severity);
  return `${where} ${severity} ${paint(ctx, 'dim', d.code)} ${d.message[locale]}`;
}
