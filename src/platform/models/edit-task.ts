/**
 * A model edit as data, run in the model thread (editing a 10,000-asset model's YAML keeping its
 * comments takes seconds): the files arrive as the UTF-8 bytes of their JSON, and only the file
 * the edit changed comes back, so no whole model is cloned between threads.
 */
import { err, ok, type Result } from '../../domain/result.js';
import { modelFilesSchema } from '../store/versions.js';
import { recordExercise, type Exercise } from './exercise-edit.js';
import {
  createEntity,
  deleteEntity,
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
  | {
      readonly op: 'delete';
      readonly kind: string;
      readonly id: string;
      /** Also remove the references to it (else `entity_referenced` when there are some). */
      readonly force?: boolean | undefined;
    }
  | { readonly op: 'decision'; readonly input: DecisionInput }
  /** Appends a continuity exercise to `organisation.continuity.exercises`. */
  | { readonly op: 'exercise'; readonly exercise: Exercise };

export interface ModelEditInput {
  /** Moved to the thread, not copied. */
  readonly filesJson: Uint8Array;
  readonly edit: ModelEdit;
}

/**
 * The edit's outcome without the unchanged files: `text` is the new content of `file`, `others`
 * the other files it changed (a deletion removes references held in other files).
 */
export type ModelEditOutput = Result<
  Omit<EditOutcome, 'files'> & {
    readonly text: string;
    readonly others?: Readonly<Record<string, string>>;
  },
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
    case 'delete':
      return deleteEntity(files, edit.kind, edit.id, { force: edit.force === true });
    case 'decision':
      return upsertDecision(files, edit.input);
    case 'exercise':
      return recordExercise(files, edit.exercise);
  }
}

/** The task run by the model thread. */
export function runModelEdit(input: ModelEditInput): ModelEditOutput {
  const files = modelFilesSchema.parse(JSON.parse(new TextDecoder().decode(input.filesJson)));
  const result = applyModelEdit(files, input.edit);
  if (!result.ok) return err(result.error);
  const { files: edited, ...outcome } = result.value;
  const others: Record<string, string> = {};
  for (const [file, text] of Object.entries(edited)) {
    if (file !== outcome.file && files[file] !== text) others[file] = text;
  }
  return ok({
    ...outcome,
    text: edited[outcome.file] ?? '',
    ...(Object.keys(others).length === 0 ? {} : { others }),
  });
}
