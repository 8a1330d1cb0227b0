/**
 * The tasks a platform thread runs, as data: a name and one pure function each. The SAME function
 * runs in a worker thread (thread.ts, from the built dist/) and in-process (Vitest on sources),
 * so both paths behave alike. Inputs and outputs must be structured-clonable: plain data,
 * strings, numbers, Uint8Array — no functions, class instances or maps of rich objects. Large
 * inputs (a model's files) and answers travel as Uint8Array bytes that are moved, not copied:
 * the caller lists the input's buffers in `run`, and thread.ts moves the top-level byte arrays
 * of a result.
 */
import { runAnalysisTask, type AnalysisTaskInput } from '../analysis/thread-state.js';
import type { ValidationSummary } from '../api/types.js';
import { runModelDiff, type ModelDiffInput } from '../models/diff-task.js';
import { runModelEdit, type ModelEditInput, type ModelEditOutput } from '../models/edit-task.js';
import { validateModelFiles } from '../models/validation.js';
import { modelFilesSchema } from '../store/versions.js';
import { generateDocument, type GenerateRequest } from '../documents/generate.js';
import type { Locale } from '../../i18n/index.js';

export interface DocumentTaskInput {
  readonly files: Readonly<Record<string, string>>;
  /** The request without its progress callback (a function cannot cross threads). */
  readonly request: Omit<GenerateRequest, 'onProgress'>;
}

export interface ModelValidateInput {
  /** Moved to the thread: large models are not cloned on the main thread. */
  readonly filesJson: Uint8Array;
  readonly locale: Locale;
}

export const TASKS = {
  /** A DAT or an analysis report: file name, content type and bytes, or invalid-model errors. */
  'document.generate': (input: DocumentTaskInput) => generateDocument(input.files, input.request),
  /**
   * One answer of the analysis API; the thread keeps the versions it computed between tasks
   * (analysis/thread-state.ts), so this task is stateful by design.
   */
  'analysis.answer': (input: AnalysisTaskInput) => runAnalysisTask(input),
  /** An entity or decision edit of a model's YAML (comments kept): the changed file only. */
  'model.edit': (input: ModelEditInput): ModelEditOutput => runModelEdit(input),
  /** The line diff between two versions, as the answer's JSON bytes. */
  'model.diff': (input: ModelDiffInput) => runModelDiff(input),
  /** The validation of model files about to be saved (JSON of the files as UTF-8 bytes). */
  'model.validate': (input: ModelValidateInput): ValidationSummary =>
    validateModelFiles(
      modelFilesSchema.parse(JSON.parse(new TextDecoder().decode(input.filesJson))),
      input.locale,
    ),
} as const;

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;

export function isTaskName(name: unknown): name is TaskName {
  return typeof name === 'string' && Object.hasOwn(TASKS, name);
}

/** Runs a task by name (the input is trusted: it comes from {@link ThreadPool.run}'s typing). */
export async function runTask(name: TaskName, input: unknown): Promise<unknown> {
  const task = TASKS[name] as (input: unknown) => unknown;
  return await task(input);
}
