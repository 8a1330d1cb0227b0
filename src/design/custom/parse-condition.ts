/* eslint-disable @typescript-eslint/no-confusing-void-expression -- `#report` returns undefined so that a failing parse step reports and fails in one expression */
import { DURATION_PATTERN, durationMinutes } from '../../domain/duration.js';
import type { Locale, MessageParams } from '../../i18n/index.js';
import type { DocPath } from '../../model/locator.js';
import { closest } from '../../model/suggest.js';
import {
  minutesToDays,
  type Condition,
  type DateOperand,
  type ItemCheck,
  type Scalar,
  type Test,
} from './condition.js';
import type { ValueType } from './fields.js';
import { customMessage, REGEX_REASONS, type CustomRuleMessage } from './messages.js';
import { typePath, type PathProblem, type TypedPath } from './path.js';
import { compileSafeRegex } from './safe-regex.js';
import { interpolate } from '../../i18n/index.js';

/** Operators on one value. */
export const VALUE_OPERATORS = [
  'eq',
  'ne',
  'in',
  'nin',
  'gt',
  'gte',
  'lt',
  'lte',
  'exists',
  'matches',
  'contains',
  'before',
  'after',
] as const;
/** Operators on a list of values. */
export const LIST_OPERATORS = ['any', 'all', 'contains', 'exists', 'length'] as const;
export const OPERATORS = [...new Set<string>([...VALUE_OPERATORS, ...LIST_OPERATORS])].sort();

/** A problem in a condition, located at a path of the rule file. */
export interface ConditionProblem {
  readonly code: CustomRuleMessage;
  readonly message: string;
  readonly path: DocPath;
  readonly atKey: boolean;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TODAY = /^today(?:([+-])(.+))?$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** Parses `where` trees; one instance per rule, collecting problems instead of stopping. */
export class ConditionParser {
  readonly problems: ConditionProblem[] = [];
  readonly #locale: Locale;

  constructor(locale: Locale) {
    this.#locale = locale;
  }

  #report(
    code: CustomRuleMessage,
    path: DocPath,
    params: MessageParams = {},
    atKey = false,
  ): undefined {
    this.problems.push({ code, message: customMessage(this.#locale, code, params), path, atKey });
    return undefined;
  }

  #hint(word: string, candidates: readonly string[]): string {
    const suggestion = closest(word, candidates);
    return suggestion === undefined
      ? ''
      : customMessage(this.#locale, 'hint-did-you-mean', { suggestion });
  }

  #typeName(value: unknown): string {
    const fr = this.#locale === 'fr';
    if (value === null || value === undefined) return fr ? 'rien' : 'nothing';
    if (Array.isArray(value)) return fr ? 'une liste' : 'a list';
    if (typeof value === 'object') return fr ? 'un dictionnaire' : 'a mapping';
    if (typeof value === 'string') return fr ? 'un texte' : 'a string';
    if (typeof value === 'number') return fr ? 'un nombre' : 'a number';
    return fr ? 'un booléen' : 'a boolean';
  }

  /** `where`: one condition mapping, or a list of conditions that must all hold. */
  parseWhere(raw: unknown, at: DocPath, root: ValueType): Condition | undefined {
    if (Array.isArray(raw)) {
      const conditions = raw.map((item, index) => this.parseCondition(item, [...at, index], root));
      if (conditions.some((c) => c === undefined)) return undefined;
      return { kind: 'all', conditions: conditions as Condition[] };
    }
    return this.parseCondition(raw, at, root);
  }

  /** One mapping: every entry (a combinator or `path: operators`) must hold. */
  parseCondition(raw: unknown, at: DocPath, root: ValueType): Condition | undefined {
    if (!isRecord(raw)) {
      return this.#report('condition-type', at, { received: this.#typeName(raw) });
    }
    const entries = Object.entries(raw);
    if (entries.length === 0) return this.#report('empty-condition', at);
    const parts: (Condition | undefined)[] = entries.map(([key, value]) => {
      const where = [...at, key];
      if (key === 'all' || key === 'any') {
        const list = Array.isArray(value) ? value : [value];
        const conditions = list.map((item, index) =>
          this.parseWhere(item, Array.isArray(value) ? [...where, index] : where, root),
        );
        if (conditions.some((c) => c === undefined)) return undefined;
        return { kind: key, conditions: conditions as Condition[] };
      }
      if (key === 'not') {
        const condition = this.parseWhere(value, where, root);
        return condition === undefined ? undefined : { kind: 'not', condition };
      }
      const typed = typePath(key, root);
      if (!typed.ok) return this.#pathProblem(key, typed.error, where);
      const tests = this.#parseTests(value, where, typed.value);
      return tests === undefined
        ? undefined
        : {
            kind: 'test',
            path: typed.value,
            tests,
            duration: typed.value.item.type === 'duration',
          };
    });
    if (parts.some((p) => p === undefined)) return undefined;
    const conditions = parts as Condition[];
    return conditions.length === 1 ? conditions[0] : { kind: 'all', conditions };
  }

  /** Reports a path problem at the key that holds the path. */
  #pathProblem(path: string, problem: PathProblem, at: DocPath): undefined {
    switch (problem.code) {
      case 'path-syntax':
        return this.#report('path-syntax', at, { path }, true);
      case 'unknown-field':
        return this.#report(
          'unknown-field',
          at,
          {
            field: problem.field,
            kind: problem.owner,
            hint: this.#hint(problem.field, problem.known),
          },
          true,
        );
      default:
        return this.#report(problem.code, at, { field: problem.field }, true);
    }
  }

  /** The message for a path problem found elsewhere (detail placeholders, `related`). */
  describePathProblem(path: string, problem: PathProblem): string {
    switch (problem.code) {
      case 'path-syntax':
        return customMessage(this.#locale, 'path-syntax', { path });
      case 'unknown-field':
        return customMessage(this.#locale, 'unknown-field', {
          field: problem.field,
          kind: problem.owner,
          hint: this.#hint(problem.field, problem.known),
        });
      default:
        return customMessage(this.#locale, problem.code, { field: problem.field });
    }
  }

  #parseTests(raw: unknown, at: DocPath, path: TypedPath): Test[] | undefined {
    if (isScalar(raw)) {
      // shorthand: `field: value` is `eq` (on a list: `contains`)
      const op = path.list ? 'contains' : 'eq';
      const value = this.#operand(raw, at, path);
      return value === undefined ? undefined : [{ op, value }];
    }
    if (!isRecord(raw)) {
      return this.#report('condition-type', at, { received: this.#typeName(raw) });
    }
    const tests = Object.entries(raw).map(([op, operand]) =>
      this.#parseTest(op, operand, [...at, op], path),
    );
    if (tests.length === 0) return this.#report('empty-condition', at);
    return tests.some((t) => t === undefined) ? undefined : (tests as Test[]);
  }

  #parseTest(op: string, operand: unknown, at: DocPath, path: TypedPath): Test | undefined {
    if (!OPERATORS.includes(op)) {
      return this.#report(
        'unknown-operator',
        at,
        { operator: op, hint: this.#hint(op, OPERATORS), operators: OPERATORS.join(', ') },
        true,
      );
    }
    const onList = (LIST_OPERATORS as readonly string[]).includes(op);
    const onValue = (VALUE_OPERATORS as readonly string[]).includes(op);
    if (path.list && !onList)
      return this.#report('operator-needs-value', at, { operator: op, path: path.text }, true);
    if (!path.list && !onValue)
      return this.#report('operator-needs-list', at, { operator: op, path: path.text }, true);
    if (path.list) return this.#parseListTest(op, operand, at, path);
    return this.#parseValueTest(op, operand, at, path);
  }

  #expects(op: string, at: DocPath, en: string, fr: string): undefined {
    return this.#report('operands-expected', at, {
      operator: op,
      expected: this.#locale === 'fr' ? fr : en,
    });
  }

  #parseListTest(op: string, operand: unknown, at: DocPath, path: TypedPath): Test | undefined {
    switch (op) {
      case 'exists':
        return typeof operand === 'boolean'
          ? { op, value: operand }
          : this.#expects(op, at, 'true or false', 'true ou false');
      case 'contains': {
        const value = this.#operand(operand, at, path);
        return value === undefined ? undefined : { op, value };
      }
      case 'length': {
        const counter: TypedPath = {
          text: `${path.text}.length`,
          segments: [],
          item: { type: 'number' },
          list: false,
        };
        const tests = this.#parseTests(operand, at, counter);
        return tests === undefined ? undefined : { op, tests };
      }
      default: {
        const each = this.#parseItemCheck(operand, at, path);
        return each === undefined ? undefined : { op: op as 'any' | 'all', each };
      }
    }
  }

  /** `any`/`all`: operators on plain items; conditions on entities and objects. */
  #parseItemCheck(operand: unknown, at: DocPath, path: TypedPath): ItemCheck | undefined {
    const item = path.item;
    const itemPath: TypedPath = { ...path, list: false };
    const operatorsOnly =
      isRecord(operand) && Object.keys(operand).every((key) => OPERATORS.includes(key));
    if (item.type === 'object' || (item.type === 'ref' && !operatorsOnly && !isScalar(operand))) {
      const condition = this.parseWhere(operand, at, item);
      return condition === undefined
        ? undefined
        : { kind: 'condition', condition, dereference: item.type === 'ref' };
    }
    const tests = this.#parseTests(operand, at, itemPath);
    return tests === undefined ? undefined : { kind: 'value', tests };
  }

  #parseValueTest(op: string, operand: unknown, at: DocPath, path: TypedPath): Test | undefined {
    const type = path.item.type;
    switch (op) {
      case 'exists':
        return typeof operand === 'boolean'
          ? { op, value: operand }
          : this.#expects(op, at, 'true or false', 'true ou false');
      case 'eq':
      case 'ne': {
        const value = this.#operand(operand, at, path);
        return value === undefined ? undefined : { op, value };
      }
      case 'in':
      case 'nin': {
        if (!Array.isArray(operand))
          return this.#expects(op, at, 'a list of values', 'une liste de valeurs');
        const values = operand.map((value, index) => this.#operand(value, [...at, index], path));
        return values.some((v) => v === undefined) ? undefined : { op, values: values as Scalar[] };
      }
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        if (type !== 'number' && type !== 'duration') return this.#wrongType(op, at, type);
        const value = this.#operand(operand, at, path);
        return typeof value === 'number' ? { op, value } : undefined;
      }
      case 'before':
      case 'after': {
        if (type !== 'date') return this.#wrongType(op, at, type);
        const date = this.#date(operand, at);
        return date === undefined ? undefined : { op, date };
      }
      case 'matches': {
        if (!['string', 'enum', 'ref', 'date', 'duration'].includes(type))
          return this.#wrongType(op, at, type);
        return this.#regex(operand, at);
      }
      default: {
        // contains on one value: a substring
        if (!['string', 'enum', 'ref'].includes(type)) return this.#wrongType(op, at, type);
        if (typeof operand !== 'string') return this.#expects(op, at, 'a string', 'un texte');
        return { op: 'contains', value: operand };
      }
    }
  }

  #wrongType(op: string, at: DocPath, type: string): undefined {
    return this.#report('operator-type', at, { operator: op, type }, true);
  }

  #regex(operand: unknown, at: DocPath): Test | undefined {
    if (typeof operand !== 'string')
      return this.#expects(
        'matches',
        at,
        'a regular expression (string)',
        'une expression régulière (texte)',
      );
    const compiled = compileSafeRegex(operand);
    if (compiled.ok) return { op: 'matches', regex: compiled.value };
    const refusal = compiled.error;
    if (refusal.code === 'invalid-regex')
      return this.#report('invalid-regex', at, { detail: refusal.detail });
    const reason = interpolate(
      REGEX_REASONS[refusal.code][this.#locale],
      'limit' in refusal ? { limit: refusal.limit } : {},
    );
    return this.#report('unsafe-regex', at, { reason });
  }

  #date(operand: unknown, at: DocPath): DateOperand | undefined {
    const text = typeof operand === 'string' ? operand.replace(/\s+/g, '') : '';
    if (ISO_DATE.test(text)) return { kind: 'date', date: text };
    const match = TODAY.exec(text);
    if (match !== null) {
      const [, sign, offset] = match;
      if (offset === undefined) return { kind: 'today', days: 0 };
      if (DURATION_PATTERN.test(offset)) {
        const days = minutesToDays(durationMinutes(offset));
        return { kind: 'today', days: sign === '-' ? -days : days };
      }
    }
    return this.#report('invalid-date', at, { value: String(operand) });
  }

  /** Checks one operand against the type of the path's values. */
  #operand(raw: unknown, at: DocPath, path: TypedPath): Scalar | undefined {
    const item = path.item;
    const mismatch = (en: string, fr: string): undefined =>
      this.#report('operand-type', at, {
        path: path.text,
        expected: this.#locale === 'fr' ? fr : en,
        received: this.#typeName(raw),
      });
    switch (item.type) {
      case 'number':
        return typeof raw === 'number' ? raw : mismatch('a number', 'un nombre');
      case 'boolean':
        return typeof raw === 'boolean' ? raw : mismatch('true or false', 'true ou false');
      case 'duration':
        return typeof raw === 'string' && DURATION_PATTERN.test(raw)
          ? durationMinutes(raw)
          : mismatch(
              'a duration (30min, 4h, 2d, 1w, 3mo, 1y)',
              'une durée (30min, 4h, 2d, 1w, 3mo, 1y)',
            );
      case 'date':
        return typeof raw === 'string' && ISO_DATE.test(raw)
          ? raw
          : mismatch('a date (YYYY-MM-DD)', 'une date (AAAA-MM-JJ)');
      case 'enum':
        if (typeof raw !== 'string') return mismatch('a string', 'un texte');
        if (item.values.includes(raw)) return raw;
        return this.#report('operand-enum', at, {
          value: raw,
          path: path.text,
          hint: this.#hint(raw, item.values),
          options: item.values.join(', '),
        });
      case 'string':
      case 'ref':
        return typeof raw === 'string' ? raw : mismatch('a string', 'un texte');
      default:
        return this.#report('operator-type', at, { operator: 'eq', type: item.type });
    }
  }
}
