import type { Diagnostic, Severity } from '../domain/diagnostic.js';
import type { Section } from '../domain/model/index.js';
import type { MessageKey, MessageParams, Translator } from '../i18n/index.js';
import type { DocPath, Locator, Position } from './locator.js';

/** Where an entity was written: its file and place in that file's section list. */
export interface Origin {
  readonly file: string;
  readonly section: Section | 'organisation';
  readonly index: number;
}

/** Formats a model path: `assets[srv-erp].services[0].port`. */
export function formatModelPath(docPath: DocPath, id?: string): string {
  let text = '';
  docPath.forEach((segment, position) => {
    if (typeof segment === 'number') {
      text += position === 1 && id !== undefined ? `[${id}]` : `[${segment}]`;
    } else {
      text += text === '' ? segment : `.${segment}`;
    }
  });
  return text;
}

/** Collects diagnostics, turning codes into messages and paths into positions. */
export class Reporter {
  readonly #t: Translator;
  readonly #locators: ReadonlyMap<string, Locator>;
  readonly #items: Diagnostic[] = [];

  constructor(t: Translator, locators: ReadonlyMap<string, Locator>) {
    this.#t = t;
    this.#locators = locators;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.#items;
  }

  get t(): Translator {
    return this.#t;
  }

  /** A diagnostic at a known position (or none, for file-level problems). */
  atPosition(
    code: string,
    severity: Severity,
    file: string,
    position: Position | undefined,
    message: string,
    path = '',
  ): void {
    this.#items.push({
      code,
      severity,
      message,
      file,
      line: position?.line ?? 0,
      column: position?.column ?? 0,
      path,
    });
  }

  /** A diagnostic at a path of a file's document; `atKey` points at the key, not the value. */
  atPath(
    code: string,
    severity: Severity,
    file: string,
    docPath: DocPath,
    key: MessageKey,
    params?: MessageParams,
    options: { atKey?: boolean; id?: string } = {},
  ): void {
    this.atPathMessage(code, severity, file, docPath, this.#t(key, params), options);
  }

  /** Like {@link atPath}, with a message already translated. */
  atPathMessage(
    code: string,
    severity: Severity,
    file: string,
    docPath: DocPath,
    message: string,
    options: { atKey?: boolean; id?: string } = {},
  ): void {
    const locator = this.#locators.get(file);
    const position =
      locator === undefined
        ? undefined
        : options.atKey === true
          ? locator.keyAt(docPath)
          : locator.valueAt(docPath);
    this.atPosition(code, severity, file, position, message, formatModelPath(docPath, options.id));
  }

  /** A diagnostic on a field of an entity, located where the entity was written. */
  atEntity(
    code: string,
    severity: Severity,
    origin: Origin,
    id: string | undefined,
    fieldPath: DocPath,
    key: MessageKey,
    params?: MessageParams,
  ): void {
    const docPath: DocPath =
      origin.section === 'organisation'
        ? ['organisation', ...fieldPath]
        : [origin.section, origin.index, ...fieldPath];
    this.atPath(code, severity, origin.file, docPath, key, params, id === undefined ? {} : { id });
  }

  /** `file:line` of an origin, for messages that name another place. */
  where(origin: Origin): string {
    const locator = this.#locators.get(origin.file);
    const docPath: DocPath =
      origin.section === 'organisation' ? ['organisation'] : [origin.section, origin.index];
    const position = locator?.valueAt(docPath);
    return position === undefined ? origin.file : `${origin.file}:${position.line}`;
  }
}
