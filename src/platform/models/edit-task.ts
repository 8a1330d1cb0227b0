/**
 * A model edit as data, run in the model thread (editing a 10,000-asset model's YAML keeping its
 * comments takes seconds): the files arrive as the UTF-8 bytes of their JSON, and only the file
 * the edit changed comes back, so no whole model is cloned between threads.
 */
import { err, ok, type Result } from '../../domain/result.js';
import { modelFilesSchema } from '../store/versions.js';
import {
  createEntity,
  updateEntity,
  upsertDecision,
  type DecisionInput,
  type EditError,
  type EditOutcome,
  type EditResult,
} from './edit.js';

export type ModelEdit =
  | {
      readonly op: 'update';
      readonly kind: string;
      readonly id: string;
      readonly fields: Readonly<Record<string, unknown>>;
    }
  | {
      readonly op: 'create';
      readonly kind: string;
      readonly fields: Readonly<Record<string, unknown>>;
      readonly file?: string | undefined;
    }
  | { readonly op: 'decision'; readonly input: DecisionInput };

export interface ModelEditInput {
  /** Moved to the thread, not copied. */
  readonly filesJson: Uint8Array;
  readonly edit: ModelEdit;
}

/** The edit's outcome without the unchanged files: `text` is the new content of `file`. */
export type ModelEditOutput = Result<
  Omit<EditOutcome, 'files'> & { readonly text: string },
  EditError
>;

/** Applies an edit to files (pure). */
export function applyModelEdit(
  files: Readonly<Record<string, string>>,
  edit: ModelEdit,
): EditResult {
  switch (edit.op) {
    case 'update':
      return updateEntity(files, edit.kind, edit.id, edit.fields);
    case 'create':
      return createEntity(files, edit.kind, edit.fields, edit.file);
    case 'decision':
      return upsertDecision(files, edit.input);
  }
}

/** The task run by the model thread. */
export function runModelEdit(input: ModelEditInput): ModelEditOutput {
  const files = modelFilesSchema.parse(JSON.parse(new TextDecoder().decode(input.filesJson)));
  const result = applyModelEdit(files, input.edit);
  if (!result.ok) return err(result.error);
  const { files: edited, ...outcome } = result.value;
  return ok({ ...outcome, text: edited[outcome.file] ?? '' });
}
