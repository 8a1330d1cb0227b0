/**
 * The one way a model version is written: every route that changes the model (a save from the
 * YAML editor, an entity update or creation, a risk decision, a zip import) is a
 * `commitModelEdit` — read the latest version, apply the change, check the files and validate
 * them, then append the version and its audit entry together.
 *
 * The slow steps (editing YAML keeping its comments, validating a large model: seconds) run in
 * the model thread and before the transaction; the transaction itself only re-checks that the
 * latest version is still the one the change was made on and appends. On SQLite the transaction
 * holds the only connection, so it must stay this short. A concurrent change in between makes
 * the append fail, and the commit answers `conflict` (the same as a stale editor); a write that
 * fails (a full disk) leaves neither the version nor its audit entry, and is thrown.
 */
import type { Locale } from '../../i18n/index.js';
import { err, ok, type Result } from '../../domain/result.js';
import { ConflictError } from '../store/index.js';
import type { AuditEntryInput, ModelFiles, Store, VersionSummary } from '../store/index.js';
import type { EditError, EditOutcome, EditResult } from './edit.js';
import type { ModelEdit } from './edit-task.js';
import { isModelFileName, type ValidationSummary } from './validation.js';

/** Most files a model version may have. */
export const MAX_MODEL_FILES = 50;

/** The model thread's work a commit needs (the analysis service provides it). */
export interface ModelThreads {
  validateFiles(
    files: Readonly<Record<string, string>>,
    locale: Locale,
  ): Promise<ValidationSummary>;
  editFiles(files: Readonly<Record<string, string>>, edit: ModelEdit): Promise<EditResult>;
}

export interface CommitContext {
  readonly store: Store;
  readonly threads: ModelThreads;
  /** The operator's limit on a model's total size (PlatformLimits.maxModelBytes). */
  readonly maxModelBytes: number;
}

/** New files given whole (a save from the editor, an import), instead of an edit. */
export interface ReplaceFiles {
  readonly op: 'replace';
  readonly files: ModelFiles;
}

export type ModelChange = ReplaceFiles | ModelEdit;

/** What the message and the audit entry learn of the change: the edit's outcome, if an edit. */
export type ChangeOutcome<C extends ModelChange> = C extends ReplaceFiles ? null : EditOutcome;

export interface ModelCommand<C extends ModelChange> {
  readonly workspaceId: string;
  /** The latest version the author saw (null: the workspace had none). */
  readonly expectedLatest: number | null;
  readonly change: C;
  readonly authorId: string | null;
  /** Language of the validation messages. */
  readonly locale: Locale;
  /** The new version's message. */
  readonly message: (outcome: ChangeOutcome<C>) => string;
  /** The audit entry stored with the version (workspace and user are filled in). */
  readonly audit: (
    number: number,
    outcome: ChangeOutcome<C>,
  ) => Omit<AuditEntryInput, 'workspaceId' | 'userId'>;
}

/** Files the platform refuses before validating them. */
export type FilesProblem =
  | { readonly code: 'no_files' }
  | { readonly code: 'too_many_files'; readonly max: number; readonly actual: number }
  | { readonly code: 'invalid_file_name'; readonly files: readonly string[] }
  | { readonly code: 'model_too_large'; readonly maxBytes: number; readonly totalBytes: number };

export type CommitFailure =
  | {
      readonly code: 'conflict';
      readonly expectedLatest: number | null;
      readonly actualLatest: number | null;
    }
  | { readonly code: 'edit_failed'; readonly error: EditError }
  | FilesProblem
  | { readonly code: 'invalid_model'; readonly validation: ValidationSummary };

export interface Committed<C extends ModelChange> {
  readonly version: VersionSummary;
  readonly validation: ValidationSummary;
  readonly outcome: ChangeOutcome<C>;
}

/**
 * Bad names, too many files, or more than `maxModelBytes` of YAML in total (the same limit for a
 * model saved from the editor and for a zip): the first problem found, if any.
 */
export function filesProblem(
  files: Readonly<Record<string, string>>,
  maxModelBytes: number,
): FilesProblem | undefined {
  const names = Object.keys(files);
  if (names.length === 0) return { code: 'no_files' };
  if (names.length > MAX_MODEL_FILES) {
    return { code: 'too_many_files', max: MAX_MODEL_FILES, actual: names.length };
  }
  const invalid = names.filter((name) => !isModelFileName(name));
  if (invalid.length > 0) return { code: 'invalid_file_name', files: invalid.slice(0, 10) };
  let total = 0;
  for (const name of names) total += Buffer.byteLength(files[name] ?? '', 'utf8');
  if (total > maxModelBytes) {
    return { code: 'model_too_large', maxBytes: maxModelBytes, totalBytes: total };
  }
  return undefined;
}

const isReplace = (change: ModelChange): change is ReplaceFiles => change.op === 'replace';

/** The files after the change, and its outcome; a stale base or a failed edit otherwise. */
async function applyChange<C extends ModelChange>(
  context: CommitContext,
  command: ModelCommand<C>,
): Promise<Result<{ files: ModelFiles; outcome: ChangeOutcome<C> }, CommitFailure>> {
  const { store } = context;
  const { workspaceId, expectedLatest, change } = command;
  if (isReplace(change)) {
    const actualLatest = await store.versions.latestNumber(workspaceId);
    if (actualLatest !== expectedLatest) {
      return err({ code: 'conflict', expectedLatest, actualLatest });
    }
    return ok({ files: change.files, outcome: null as ChangeOutcome<C> });
  }
  const latest = await store.versions.latest(workspaceId);
  const actualLatest = latest?.number ?? null;
  if (latest === undefined || actualLatest !== expectedLatest) {
    return err({ code: 'conflict', expectedLatest, actualLatest });
  }
  // in the model thread: editing a large model keeping its comments takes seconds
  const edited = await context.threads.editFiles(latest.files, change);
  if (!edited.ok) return err({ code: 'edit_failed', error: edited.error });
  return ok({ files: edited.value.files, outcome: edited.value as ChangeOutcome<C> });
}

/**
 * Applies `command.change` to the latest version and saves the result as the next version with
 * its audit entry, in one transaction: both are stored or neither is. Fails with `conflict` when
 * `expectedLatest` is not (or no longer, when the transaction runs) the latest version; throws
 * what the store or the model thread throw (a full disk, a thread that crashed).
 */
export async function commitModelEdit<C extends ModelChange>(
  context: CommitContext,
  command: ModelCommand<C>,
): Promise<Result<Committed<C>, CommitFailure>> {
  const changed = await applyChange(context, command);
  if (!changed.ok) return changed;
  const { files, outcome } = changed.value;
  const problem = filesProblem(files, context.maxModelBytes);
  if (problem !== undefined) return err(problem);
  // in the model thread: validating a large model takes seconds
  const validation = await context.threads.validateFiles(files, command.locale);
  if (!validation.valid) return err({ code: 'invalid_model', validation });
  const { store } = context;
  const { workspaceId, expectedLatest, authorId } = command;
  const message = command.message(outcome);
  try {
    const version = await store.transaction(async (tx) => {
      const appended = await tx.versions.append(
        workspaceId,
        expectedLatest,
        files,
        message,
        authorId,
      );
      await tx.audit.append({
        ...command.audit(appended.number, outcome),
        workspaceId,
        userId: authorId,
      });
      return appended;
    });
    return ok({ version, validation, outcome });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const actualLatest = await store.versions.latestNumber(workspaceId);
    return err({ code: 'conflict', expectedLatest, actualLatest });
  }
}
