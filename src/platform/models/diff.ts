/**
 * Line diffs between two versions of a model: an LCS table over the lines that differ once the
 * common prefix and suffix are trimmed, turned into unified-diff hunks. Above `MAX_DIFF_LINES`
 * (after trimming) the work would be quadratic, so the file is reported as changed without hunks.
 */

export const MAX_DIFF_LINES = 20_000;
/** Above this many LCS cells (trimmed old × trimmed new lines) no hunks are computed. */
export const MAX_DIFF_CELLS = 25_000_000;

export type LineOp = ' ' | '-' | '+';

export interface DiffLine {
  readonly op: LineOp;
  readonly text: string;
}

export interface Hunk {
  /** 1-based first line in the old text (0 when the old range is empty). */
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly lines: readonly DiffLine[];
}

export interface TextDiff {
  /** False when the texts are too large to diff line by line: `hunks` is then empty. */
  readonly computed: boolean;
  readonly hunks: readonly Hunk[];
}

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Every line of both texts as keep/remove/add operations, or null when over the limits. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] | null {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const n = a.length - prefix - suffix;
  const m = b.length - prefix - suffix;
  if (n > MAX_DIFF_LINES || m > MAX_DIFF_LINES || n * m > MAX_DIFF_CELLS) return null;

  // lcs[i * (m + 1) + j]: LCS length of a[prefix + i..] and b[prefix + j..] (middle part only).
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        a[prefix + i] === b[prefix + j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }

  const out: DiffLine[] = [];
  for (let k = 0; k < prefix; k += 1) out.push({ op: ' ', text: a[k] ?? '' });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const oldLine = a[prefix + i] ?? '';
    const newLine = b[prefix + j] ?? '';
    if (i < n && j < m && oldLine === newLine) {
      out.push({ op: ' ', text: oldLine });
      i += 1;
      j += 1;
    } else if (
      j >= m ||
      (i < n && (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))
    ) {
      out.push({ op: '-', text: oldLine });
      i += 1;
    } else {
      out.push({ op: '+', text: newLine });
      j += 1;
    }
  }
  for (let k = a.length - suffix; k < a.length; k += 1) out.push({ op: ' ', text: a[k] ?? '' });
  return out;
}

/** Groups changes into unified-diff hunks with `context` unchanged lines around them. */
export function toHunks(lines: readonly DiffLine[], context = 3): Hunk[] {
  const hunks: Hunk[] = [];
  // Old and new line numbers (1-based) of each entry.
  const oldNo: number[] = [];
  const newNo: number[] = [];
  let o = 1;
  let n = 1;
  for (const line of lines) {
    oldNo.push(o);
    newNo.push(n);
    if (line.op !== '+') o += 1;
    if (line.op !== '-') n += 1;
  }
  let index = 0;
  while (index < lines.length) {
    if (lines[index]?.op === ' ') {
      index += 1;
      continue;
    }
    const start = Math.max(0, index - context);
    let end = index;
    // Extend while the next change is within 2 * context unchanged lines.
    for (;;) {
      while (end < lines.length && lines[end]?.op !== ' ') end += 1;
      let gap = end;
      while (gap < lines.length && lines[gap]?.op === ' ') gap += 1;
      if (gap < lines.length && gap - end <= 2 * context) end = gap;
      else break;
    }
    const stop = Math.min(lines.length, end + context);
    const slice = lines.slice(start, stop);
    const oldLines = slice.filter((l) => l.op !== '+').length;
    const newLines = slice.filter((l) => l.op !== '-').length;
    hunks.push({
      oldStart: oldLines === 0 ? (oldNo[start] ?? 1) - 1 : (oldNo[start] ?? 1),
      oldLines,
      newStart: newLines === 0 ? (newNo[start] ?? 1) - 1 : (newNo[start] ?? 1),
      newLines,
      lines: slice,
    });
    index = stop;
  }
  return hunks;
}

export function diffText(oldText: string, newText: string, context = 3): TextDiff {
  const lines = diffLines(splitLines(oldText), splitLines(newText));
  return lines === null
    ? { computed: false, hunks: [] }
    : { computed: true, hunks: toHunks(lines, context) };
}

/** The unified diff text of hunks (`@@ -a,b +c,d @@` headers, one op character per line). */
export function formatHunks(hunks: readonly Hunk[]): string {
  return hunks
    .map((hunk) =>
      [
        `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
        ...hunk.lines.map((line) => `${line.op}${line.text}`),
      ].join('\n'),
    )
    .join('\n');
}

export type FileChange =
  | { readonly file: string; readonly status: 'added' | 'removed'; readonly diff: TextDiff }
  | { readonly file: string; readonly status: 'changed'; readonly diff: TextDiff };

/** Per file (sorted by path): added, removed or changed, with hunks; unchanged files omitted. */
export function diffFiles(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): FileChange[] {
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: FileChange[] = [];
  for (const file of paths) {
    const old = Object.hasOwn(before, file) ? before[file] : undefined;
    const next = Object.hasOwn(after, file) ? after[file] : undefined;
    if (old === next) continue;
    if (old === undefined) {
      changes.push({ file, status: 'added', diff: diffText('', next ?? '') });
    } else if (next === undefined) {
      changes.push({ file, status: 'removed', diff: diffText(old, '') });
    } else {
      changes.push({ file, status: 'changed', diff: diffText(old, next) });
    }
  }
  return changes;
}
