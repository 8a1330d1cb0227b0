/**
 * The pipelines shipped with the engine, by name. Their YAML lives in TS modules so that the
 * TypeScript build carries them into dist; they go through the same parser as user pipelines.
 */
import type { PipelineParseResult } from '../parse.js';
import { parsePipeline } from '../parse.js';
import { ECS_WINLOGBEAT_PIPELINE_YAML } from './ecs-winlogbeat.js';
import { SYSMON_PIPELINE_YAML } from './sysmon.js';
import { WINDOWS_SECURITY_PIPELINE_YAML } from './windows-security.js';

/** YAML text of each built-in pipeline. */
export const BUILTIN_PIPELINES: Readonly<Record<string, string>> = {
  sysmon: SYSMON_PIPELINE_YAML,
  'windows-security': WINDOWS_SECURITY_PIPELINE_YAML,
  'ecs-winlogbeat': ECS_WINLOGBEAT_PIPELINE_YAML,
};

/** Names of the built-in pipelines. */
export const BUILTIN_PIPELINE_NAMES: readonly string[] = Object.keys(BUILTIN_PIPELINES);

/** Parses a built-in pipeline; an unknown name gives a diagnostic listing the known ones. */
export function loadBuiltinPipeline(name: string): PipelineParseResult {
  const text = BUILTIN_PIPELINES[name];
  if (text !== undefined) return parsePipeline(text, `builtin:${name}`);
  const known = BUILTIN_PIPELINE_NAMES.join(', ');
  return {
    diagnostics: [
      {
        code: 'pipeline-unknown',
        severity: 'error',
        message: {
          en: `No built-in pipeline is called “${name}” (known: ${known}).`,
          fr: `Aucun pipeline intégré ne s’appelle « ${name} » (connus : ${known}).`,
        },
        file: `builtin:${name}`,
        line: 0,
        column: 0,
        path: '',
      },
    ],
  };
}
