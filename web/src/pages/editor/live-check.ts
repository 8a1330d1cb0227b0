/**
 * The editor's live check, run in the validation worker: the server's own validation
 * (`validateModelFiles`, same loader, same messages) on the edited files, with the problems that
 * only cascade from a YAML syntax error left out. A file that does not parse has no entities, so
 * every reference to them elsewhere would be reported; the check runs a second time with the last
 * text of that file that parsed, and only the problems found both ways are shown (the others are
 * counted as hidden until the syntax error is fixed). Imports the model loader: worker only.
 */
import { SECTIONS, type EntityKind, type Section } from '../../../../src/domain/model/index';
import { parseYamlValue } from '../../../../src/model/yaml-source';
import type { DiagnosticView } from '../../../../src/platform/api/types';
import type { Lang } from '../../../../src/platform/api/types';
import { validateModelFiles } from '../../../../src/platform/models/validation';
import { isSyntaxCode, orderForDisplay } from './diagnostics';

type Files = Readonly<Record<string, string>>;

/** An entity id written in the files, for completion. */
export interface WrittenId {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name?: string;
}

export interface LiveResult {
  /** Syntax errors first, then the other problems (errors first). */
  readonly diagnostics: readonly DiagnosticView[];
  /** Problems left out because they follow from a syntax error. */
  readonly hidden: number;
  /** Files with a syntax error. */
  readonly broken: readonly string[];
  readonly ids: readonly WrittenId[];
}

const positionKey = (d: DiagnosticView): string =>
  `${d.file}\u0000${String(d.line)}\u0000${String(d.column)}\u0000${d.code}`;

function idsOf(text: string): WrittenId[] {
  const { value } = parseYamlValue(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const ids: WrittenId[] = [];
  for (const [section, kind] of Object.entries(SECTIONS) as [Section, EntityKind][]) {
    const list = (value as Record<string, unknown>)[section];
    if (!Array.isArray(list)) continue;
    for (const item of list as unknown[]) {
      if (item === null || typeof item !== 'object') continue;
      const { id, name } = item as { id?: unknown; name?: unknown };
      if (typeof id !== 'string' || id === '') continue;
      ids.push(typeof name === 'string' ? { id, kind, name } : { id, kind });
    }
  }
  return ids;
}

/**
 * Checks successive states of the edited files, remembering the last text of each file that
 * parsed (at first, the saved text).
 */
export class LiveChecker {
  private readonly lastGood = new Map<string, string>();
  /** The ids of each file's last text read (a file's ids are read again only when it changes). */
  private readonly idsByFile = new Map<string, { text: string; ids: readonly WrittenId[] }>();

  /** The saved files: what a file that does not parse is replaced with to find cascades. */
  setSaved(files: Files): void {
    this.lastGood.clear();
    for (const [file, text] of Object.entries(files)) this.lastGood.set(file, text);
  }

  private ids(file: string, text: string): readonly WrittenId[] {
    const known = this.idsByFile.get(file);
    if (known?.text === text) return known.ids;
    const ids = idsOf(text);
    this.idsByFile.set(file, { text, ids });
    return ids;
  }

  check(files: Files, lang: Lang): LiveResult {
    const real = validateModelFiles(files, lang).diagnostics;
    const broken = new Set(real.filter((d) => isSyntaxCode(d.code)).map((d) => d.file));
    for (const [file, text] of Object.entries(files)) {
      if (!broken.has(file)) this.lastGood.set(file, text);
    }
    for (const file of this.idsByFile.keys()) {
      if (!Object.hasOwn(files, file)) this.idsByFile.delete(file);
    }
    const ids = Object.entries(files).flatMap(([file, text]) =>
      this.ids(file, broken.has(file) ? (this.lastGood.get(file) ?? '') : text),
    );
    if (broken.size === 0) {
      return { diagnostics: orderForDisplay(real), hidden: 0, broken: [], ids };
    }
    // the same files with each broken one as it last parsed: what is not found then cascades
    const substituted: Record<string, string> = { ...files };
    for (const file of broken) substituted[file] = this.lastGood.get(file) ?? '';
    const found = new Set(
      validateModelFiles(substituted, lang)
        .diagnostics.filter((d) => !broken.has(d.file))
        .map(positionKey),
    );
    const shown = real.filter((d) =>
      broken.has(d.file) ? isSyntaxCode(d.code) : found.has(positionKey(d)),
    );
    return {
      diagnostics: orderForDisplay(shown),
      hidden: real.length - shown.length,
      broken: [...broken].sort(),
      ids,
    };
  }
}
