import type { Diagnostic, Severity } from '../../domain/diagnostic.js';
import { ID_PATTERN } from '../../domain/model/index.js';
import { interpolate, type MessageParams, type Translator } from '../../i18n/index.js';
import type { DocPath, Locator, Position } from '../../model/locator.js';
import { formatModelPath } from '../../model/report.js';
import { THREAGILE_MESSAGES, type ThreagileMessage } from './messages.js';

/** Turns any text into a Vigie id: lower-case kebab-case, at most 100 characters. */
export function kebabId(value: string): string {
  const id = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return id === '' ? 'item' : id;
}

/** Collects located diagnostics and hands out unique Vigie ids for Threagile ids. */
export class ImportContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly #used = new Set<string>();
  /** Threagile id → Vigie id, per kind of Threagile element. */
  readonly #ids = new Map<string, string>();

  constructor(
    readonly t: Translator,
    readonly file: string,
    readonly locator: Locator,
  ) {}

  message(key: ThreagileMessage, params?: MessageParams): string {
    return interpolate(THREAGILE_MESSAGES[key][this.t.locale], params);
  }

  report(code: string, severity: Severity, message: string, path: DocPath, atKey = false): void {
    const position: Position = atKey ? this.locator.keyAt(path) : this.locator.valueAt(path);
    this.diagnostics.push({
      code: `threagile-${code}`,
      severity,
      message,
      file: this.file,
      line: position.line,
      column: position.column,
      path: formatModelPath(path),
    });
  }

  say(
    code: ThreagileMessage,
    severity: Severity,
    path: DocPath,
    params?: MessageParams,
    atKey = false,
  ): void {
    this.report(code, severity, this.message(code, params), path, atKey);
  }

  /**
   * Registers a Threagile id under a namespace (`asset`, `data`, `boundary`…) and returns its
   * Vigie id, unique across the model; a change is reported.
   */
  claim(namespace: string, threagileId: string, path: DocPath): string {
    const base =
      ID_PATTERN.test(threagileId) && threagileId.length <= 100
        ? threagileId
        : kebabId(threagileId);
    const id = this.unique(base);
    this.#ids.set(`${namespace}:${threagileId}`, id);
    if (id !== threagileId) this.say('id-changed', 'info', path, { from: threagileId, to: id });
    return id;
  }

  /** A fresh id from a base, suffixed `-2`, `-3`… when taken. */
  unique(base: string): string {
    let id = base;
    for (let n = 2; this.#used.has(id); n += 1) {
      const suffix = `-${n}`;
      id = `${base.slice(0, 100 - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    this.#used.add(id);
    return id;
  }

  /** The Vigie id given to a Threagile id, if it was registered. */
  idOf(namespace: string, threagileId: string): string | undefined {
    return this.#ids.get(`${namespace}:${threagileId}`);
  }
}
