/** Pure reading of the server's unified diff text: each line's kind, and added/removed counts. */
import type { DiffResponse } from '../../../../src/platform/api/types';

export type DiffLineKind = 'add' | 'del' | 'hunk' | 'context';

export interface DiffLine {
  readonly kind: DiffLineKind;
  readonly text: string;
}

export function diffLines(unified: string): DiffLine[] {
  if (unified === '') return [];
  return unified.split('\n').map((text) => {
    if (text.startsWith('@@')) return { kind: 'hunk', text };
    if (text.startsWith('+')) return { kind: 'add', text };
    if (text.startsWith('-')) return { kind: 'del', text };
    return { kind: 'context', text };
  });
}

export interface DiffSummary {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly linesAdded: number;
  readonly linesRemoved: number;
}

/** Files added, removed, changed, and the lines added and removed over all files. */
export function summarise(files: DiffResponse['files']): DiffSummary {
  let linesAdded = 0;
  let linesRemoved = 0;
  for (const file of files) {
    for (const line of diffLines(file.unified)) {
      if (line.kind === 'add') linesAdded++;
      else if (line.kind === 'del') linesRemoved++;
    }
  }
  return {
    added: files.filter((f) => f.status === 'added').length,
    removed: files.filter((f) => f.status === 'removed').length,
    changed: files.filter((f) => f.status === 'changed').length,
    linesAdded,
    linesRemoved,
  };
}
