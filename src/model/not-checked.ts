import type { UnparsedFile } from './file-check.js';
import type { Reporter } from './report.js';

/** Ids named in a "not checked" message; the count says how many references there were. */
const MAX_NAMED_IDS = 5;

interface Bucket {
  readonly file: UnparsedFile & { readonly file: string };
  readonly ids: ReadonlySet<string>;
  references: number;
  readonly named: Set<string>;
}

/**
 * References that cannot be resolved because the file defining their target could not be parsed.
 * They are the cascade of that file's syntax error: instead of one "unknown reference" each, they
 * are summed up in one diagnostic per file, placed at its syntax error.
 */
export class NotChecked {
  readonly #buckets: Bucket[];

  constructor(unparsed: readonly (UnparsedFile & { readonly file: string })[]) {
    this.#buckets = unparsed.map((file) => ({
      file,
      ids: new Set(file.ids),
      references: 0,
      named: new Set(),
    }));
  }

  /** Counts a reference to `target` if an unparsed file writes that id; false otherwise. */
  add(target: string): boolean {
    const bucket = this.#buckets.find((b) => b.ids.has(target));
    if (bucket === undefined) return false;
    bucket.references += 1;
    bucket.named.add(target);
    return true;
  }

  /** One diagnostic per unparsed file that references were counted against. */
  report(reporter: Reporter): void {
    for (const { file, references, named } of this.#buckets) {
      if (references === 0) continue;
      const list = [...named].sort();
      const ids =
        list.length > MAX_NAMED_IDS
          ? `${list.slice(0, MAX_NAMED_IDS).join(', ')}, …`
          : list.join(', ');
      const key =
        file.code === 'yaml-syntax'
          ? 'diag.references-not-checked'
          : 'diag.references-not-checked-unparsed';
      reporter.atPosition(
        'references-not-checked',
        'warning',
        file.file,
        file.position,
        reporter.t(key, { file: file.file, count: references, ids }),
      );
    }
  }
}
