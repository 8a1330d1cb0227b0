/**
 * The diff between two versions, run in the model thread (two 10,000-asset versions take most of
 * a second): the line diff of each file and the entities added, removed and changed (with their
 * changed fields). Both versions' files arrive as the UTF-8 bytes of their JSON, and the answer
 * leaves as JSON bytes.
 */
import { semanticDiff } from '../../model/semantic-diff.js';
import type { FindingsDiffResponse, FindingView } from '../api/types.js';
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
  const semantic = semanticDiff(from.files, to.files);
  return {
    from: from.number,
    to: to.number,
    entities: semantic.entities,
    unreadable: semantic.unreadable,
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

/** The findings opened and closed from one version's findings to the next's. */
export function findingsDiff(
  from: { readonly version: number; readonly findings: readonly FindingView[] },
  to: { readonly version: number; readonly findings: readonly FindingView[] },
): FindingsDiffResponse {
  const before = new Map(from.findings.map((f) => [f.id, f]));
  const after = new Map(to.findings.map((f) => [f.id, f]));
  const opened = to.findings.filter(
    (f) => f.status === 'open' && before.get(f.id)?.status !== 'open',
  );
  const closed: FindingsDiffResponse['closed'][number][] = [];
  for (const f of from.findings) {
    if (f.status !== 'open') continue;
    const now = after.get(f.id);
    if (now === undefined) closed.push({ ...f, closedBy: 'fixed' });
    else if (now.status !== 'open') closed.push({ ...now, closedBy: 'decided' });
  }
  return { from: from.version, to: to.version, opened, closed };
}
