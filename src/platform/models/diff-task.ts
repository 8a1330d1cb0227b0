/**
 * The line diff between two versions, run in the model thread (two 10,000-asset versions take
 * most of a second): both versions' files arrive as the UTF-8 bytes of their JSON, and the
 * answer leaves as JSON bytes.
 */
import { modelFilesSchema } from '../store/versions.js';
import { diffFiles, formatHunks } from './diff.js';

export interface ModelDiffInput {
  readonly from: { readonly number: number; readonly filesJson: Uint8Array };
  readonly to: { readonly number: number; readonly filesJson: Uint8Array };
}

/** The answer of the versions' diff route. */
export function versionsDiff(
  from: { readonly number: number; readonly files: Readonly<Record<string, string>> },
  to: { readonly number: number; readonly files: Readonly<Record<string, string>> },
) {
  return {
    from: from.number,
    to: to.number,
    files: diffFiles(from.files, to.files).map((change) => ({
      file: change.file,
      status: change.status,
      computed: change.diff.computed,
      hunks: change.diff.hunks,
      unified: formatHunks(change.diff.hunks),
    })),
  };
}

const filesOf = (bytes: Uint8Array): Record<string, string> =>
  modelFilesSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));

/** The task run by the model thread: the diff's JSON as UTF-8 bytes. */
export function runModelDiff(input: ModelDiffInput): { readonly json: Uint8Array } {
  const answer = versionsDiff(
    { number: input.from.number, files: filesOf(input.from.filesJson) },
    { number: input.to.number, files: filesOf(input.to.filesJson) },
  );
  return { json: new TextEncoder().encode(JSON.stringify(answer)) };
}
