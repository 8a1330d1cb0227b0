import {
  BUILTIN_PIPELINE_NAMES,
  loadBuiltinPipeline,
  parsePipeline,
  type PipelineParseResult,
  type ProcessingPipeline,
} from '../supervision/sigma/pipeline/index.js';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '../i18n/index.js';
import type { RuleSource } from '../supervision/sigma/engine/hunt.js';
import type { SigmaDiagnostic } from '../supervision/sigma/types.js';
import { paint, type CommandContext } from './context.js';

const RULE_FILE = /\.ya?ml$/i;
/** A Sigma rule file is small; anything bigger is not a rule file. */
const MAX_RULE_BYTES = 1024 * 1024;

async function walk(path: string, pattern: RegExp | undefined): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
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

/** Lists the files under paths (directories walked, sorted); unreadable paths are reported. */
export async function listFiles(
  paths: readonly string[],
  pattern: RegExp | undefined,
): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    try {
      files.push(...(await walk(path, pattern)));
    } catch {
      missing.push(path);
    }
  }
  return { files, missing };
}

/** Reads the Sigma rule files under paths. */
export async function readRuleSources(
  paths: readonly string[],
): Promise<{ sources: RuleSource[]; unreadable: string[] }> {
  const { files, missing } = await listFiles(paths, RULE_FILE);
  const sources: RuleSource[] = [];
  const unreadable = [...missing];
  for (const file of files) {
    try {
      if ((await stat(file)).size > MAX_RULE_BYTES) {
        unreadable.push(file);
        continue;
      }
      sources.push({ file, text: await readFile(file, 'utf8') });
    } catch {
      unreadable.push(file);
    }
  }
  return { sources, unreadable };
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
        if ((await stat(ref)).size > MAX_RULE_BYTES) throw new Error('too large');
        result = parsePipeline(await readFile(ref, 'utf8'), ref);
      } catch {
        result = loadBuiltinPipeline(ref); // not a readable file: say which names exist
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
