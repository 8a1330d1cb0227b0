/** Pure helpers for the set of model files being edited: names, changes, a recovery bundle. */

/** Same rule as the server (`MODEL_FILE_NAME` in src/platform/models/validation.ts). */
export const MODEL_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}\.ya?ml$/;

export type FileNameProblem = 'empty' | 'invalid' | 'exists';

/** Why `name` cannot be a new model file, or null when it can. */
export function fileNameProblem(name: string, existing: readonly string[]): FileNameProblem | null {
  if (name.trim() === '') return 'empty';
  if (!MODEL_FILE_NAME.test(name) || name.includes('..')) return 'invalid';
  if (existing.includes(name)) return 'exists';
  return null;
}

export interface FileChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

/** What differs between the saved files and the edited ones (each list sorted). */
export function fileChanges(
  base: Readonly<Record<string, string>>,
  current: Readonly<Record<string, string>>,
): FileChanges {
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const name of Object.keys(current)) {
    if (!Object.hasOwn(base, name)) added.push(name);
    else if (base[name] !== current[name]) changed.push(name);
  }
  for (const name of Object.keys(base)) if (!Object.hasOwn(current, name)) removed.push(name);
  return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}

export function hasFileChanges(changes: FileChanges): boolean {
  return changes.added.length + changes.removed.length + changes.changed.length > 0;
}

/**
 * One text holding every file, each introduced by a `# ===== file: <name> =====` comment line, so
 * edits survive a conflict and can be split again by hand.
 */
export function bundleFiles(files: Readonly<Record<string, string>>): string {
  return Object.keys(files)
    .sort()
    .map((name) => {
      const text = files[name] ?? '';
      return `# ===== file: ${name} =====\n${text.endsWith('\n') || text === '' ? text : `${text}\n`}`;
    })
    .join('');
}

/** Splits a bundle written by `bundleFiles` back into files. */
export function unbundleFiles(bundle: string): Record<string, string> {
  const files: Record<string, string> = {};
  const marker = /^# ===== file: (.+) =====$/gm;
  const matches = [...bundle.matchAll(marker)];
  matches.forEach((match, i) => {
    const start = match.index + match[0].length + 1;
    const end = matches[i + 1]?.index ?? bundle.length;
    files[match[1] ?? ''] = bundle.slice(start, end);
  });
  return files;
}
