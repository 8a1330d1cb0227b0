import { compareDiagnostics, type Diagnostic, type Severity } from '../../domain/diagnostic.js';
import type { Translator } from '../../i18n/index.js';
import { createLocator, type DocPath, type Locator, type Position } from '../../model/locator.js';
import { formatModelPath } from '../../model/report.js';
import { schemaProblems } from '../../model/schema-diagnostics.js';
import { keysAt } from '../../model/schema-keys.js';
import {
  DEFAULT_YAML_LIMITS,
  parseYaml,
  type YamlLimits,
  type YamlProblem,
} from '../../model/yaml-source.js';
import type { Rule } from '../rule.js';
import { SELECTABLE, type ValueType } from './fields.js';
import { customMessage, type CustomRuleMessage } from './messages.js';
import { ConditionParser } from './parse-condition.js';
import { typePath, type TypedPath } from './path.js';
import { customRule, PLACEHOLDER } from './custom-rule.js';
import { customRuleSchema, ruleFileSchema } from './rule-file-schema.js';
import type { MessageParams } from '../../i18n/index.js';

/** A rule file's name (as the user should read it) and its text. */
export interface CustomRuleSourceFile {
  readonly file: string;
  readonly text: string;
}

export interface CustomRulesResult {
  /** Rules that compiled without problem, in file order. */
  readonly rules: readonly Rule[];
  /** Every problem of every file, sorted by file, line and column. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface CompileOptions {
  /** Ids that custom rules may not take: the built-in rules'. */
  readonly reservedIds?: Iterable<string>;
  readonly limits?: YamlLimits;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Collects the diagnostics of one file. */
class FileReport {
  readonly diagnostics: Diagnostic[] = [];
  readonly locator: Locator;

  constructor(
    readonly file: string,
    text: string,
    readonly t: Translator,
  ) {
    this.locator = createLocator(text);
  }

  at(code: string, message: string, position: Position | undefined, path = ''): void {
    this.diagnostics.push({
      code,
      severity: 'error' satisfies Severity,
      message,
      file: this.file,
      line: position?.line ?? 0,
      column: position?.column ?? 0,
      path,
    });
  }

  atPath(code: string, message: string, path: DocPath, atKey: boolean, id?: string): void {
    const position = atKey ? this.locator.keyAt(path) : this.locator.valueAt(path);
    this.at(code, message, position, formatModelPath(path, id));
  }

  message(key: CustomRuleMessage, params?: MessageParams): string {
    return customMessage(this.t.locale, key, params);
  }
}

function yamlProblem(report: FileReport, problem: YamlProblem): void {
  switch (problem.code) {
    case 'file-too-large':
      report.at(
        problem.code,
        report.message(problem.code, { size: problem.size, limit: problem.limit }),
        undefined,
      );
      return;
    case 'yaml-syntax':
      report.at(
        problem.code,
        report.message(problem.code, { detail: problem.detail }),
        problem.position,
      );
      return;
    case 'yaml-multiple-documents':
      report.at(problem.code, report.message(problem.code), problem.position);
      return;
    case 'yaml-alias-bomb':
      report.at(problem.code, report.message(problem.code, { limit: problem.limit }), undefined);
  }
}

interface Seen {
  readonly file: string;
  readonly line: number;
}

/**
 * Compiles custom rule files (YAML texts) into rules that run like built-in ones. Never throws:
 * every problem (syntax, schema, unknown field or operator, unsafe pattern, duplicate or
 * reserved id) is a located diagnostic, and a rule with a problem is left out.
 */
export function compileCustomRules(
  sources: readonly CustomRuleSourceFile[],
  t: Translator,
  options: CompileOptions = {},
): CustomRulesResult {
  const reserved = new Set(options.reservedIds ?? []);
  const seen = new Map<string, Seen>();
  const rules: Rule[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) {
    const report = new FileReport(source.file, source.text, t);
    const parsed = parseYaml(source.text, options.limits ?? DEFAULT_YAML_LIMITS);
    for (const problem of parsed.problems) yamlProblem(report, problem);
    if (parsed.problems.length === 0 && parsed.value !== undefined && parsed.value !== null) {
      rules.push(...compileFile(parsed.value, report, reserved, seen));
    }
    diagnostics.push(...report.diagnostics);
  }
  return { rules, diagnostics: diagnostics.sort(compareDiagnostics) };
}

function compileFile(
  value: unknown,
  report: FileReport,
  reserved: ReadonlySet<string>,
  seen: Map<string, Seen>,
): Rule[] {
  if (!isRecord(value)) {
    report.at('not-a-rule-file', report.message('not-a-rule-file'), { line: 1, column: 1 });
    return [];
  }
  const file = ruleFileSchema.safeParse(value);
  if (!file.success) {
    reportSchema(report, file.error.issues, value, [], (path) => keysAt(ruleFileSchema, path));
    if (!Array.isArray(value.rules)) return [];
  }
  const list = Array.isArray(value.rules) ? (value.rules as unknown[]) : [];
  const rules: Rule[] = [];
  list.forEach((raw, index) => {
    const rule = compileRule(raw, index, report, reserved, seen);
    if (rule !== undefined) rules.push(rule);
  });
  return rules;
}

function reportSchema(
  report: FileReport,
  issues: Parameters<typeof schemaProblems>[1],
  root: unknown,
  base: DocPath,
  known: (path: readonly PropertyKey[]) => readonly string[],
  id?: string,
): void {
  for (const problem of schemaProblems(report.t, issues, root, base, known)) {
    report.atPath(
      problem.code,
      report.t(problem.key, problem.params),
      problem.path,
      problem.atKey,
      id,
    );
  }
}

function compileRule(
  raw: unknown,
  index: number,
  report: FileReport,
  reserved: ReadonlySet<string>,
  seen: Map<string, Seen>,
): Rule | undefined {
  const base: DocPath = ['rules', index];
  const before = report.diagnostics.length;
  const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
  const checked = customRuleSchema.safeParse(raw);
  if (!checked.success) {
    reportSchema(
      report,
      checked.error.issues,
      raw,
      base,
      (path) => keysAt(customRuleSchema, path),
      id,
    );
  }
  if (id !== undefined) checkId(id, base, report, reserved, seen);
  const select = isRecord(raw) ? raw.select : undefined;
  if (!isRecord(raw) || typeof select !== 'string' || !(select in SELECTABLE)) return undefined;
  const root: ValueType = { type: 'ref', kinds: [SELECTABLE[select as keyof typeof SELECTABLE]] };
  const parser = new ConditionParser(report.t.locale);
  const condition =
    raw.where === undefined ? undefined : parser.parseWhere(raw.where, [...base, 'where'], root);
  for (const problem of parser.problems) {
    report.atPath(problem.code, problem.message, problem.path, problem.atKey, id);
  }
  const detail = checkDetail(raw.detail, base, report, parser, root, id);
  const related = checkRelated(raw.related, base, report, parser, root, id);
  if (!checked.success || condition === undefined || report.diagnostics.length > before)
    return undefined;
  return customRule(checked.data, condition, detail, related);
}

function checkId(
  id: string,
  base: DocPath,
  report: FileReport,
  reserved: ReadonlySet<string>,
  seen: Map<string, Seen>,
): void {
  const path = [...base, 'id'];
  if (reserved.has(id)) {
    report.atPath('reserved-rule-id', report.message('reserved-rule-id', { id }), path, false, id);
    return;
  }
  const previous = seen.get(id);
  const position = report.locator.valueAt(path);
  if (previous !== undefined) {
    report.atPath(
      'duplicate-rule-id',
      report.message('duplicate-rule-id', { id, other: `${previous.file}:${previous.line}` }),
      path,
      false,
      id,
    );
    return;
  }
  seen.set(id, { file: report.file, line: position.line });
}

/** Placeholders of the detail texts, checked as paths of the selected entity. */
function checkDetail(
  detail: unknown,
  base: DocPath,
  report: FileReport,
  parser: ConditionParser,
  root: ValueType,
  id: string | undefined,
): ReadonlyMap<string, TypedPath> {
  const paths = new Map<string, TypedPath>();
  if (!isRecord(detail)) return paths;
  for (const locale of ['en', 'fr'] as const) {
    const template = detail[locale];
    if (typeof template !== 'string') continue;
    for (const match of template.matchAll(PLACEHOLDER)) {
      const text = match[1] ?? '';
      const typed = typePath(text, root);
      if (typed.ok) {
        paths.set(text, typed.value);
      } else {
        const problem = parser.describePathProblem(text, typed.error);
        report.atPath(
          'unknown-placeholder',
          report.message('unknown-placeholder', { placeholder: text, problem }),
          [...base, 'detail', locale],
          false,
          id,
        );
      }
    }
  }
  return paths;
}

function checkRelated(
  related: unknown,
  base: DocPath,
  report: FileReport,
  parser: ConditionParser,
  root: ValueType,
  id: string | undefined,
): readonly TypedPath[] {
  if (!Array.isArray(related)) return [];
  const paths: TypedPath[] = [];
  related.forEach((text, index) => {
    if (typeof text !== 'string') return;
    const at = [...base, 'related', index];
    const typed = typePath(text, root);
    if (!typed.ok) {
      report.atPath(typed.error.code, parser.describePathProblem(text, typed.error), at, false, id);
    } else if (typed.value.item.type !== 'ref') {
      report.atPath(
        'related-not-reference',
        report.message('related-not-reference', { path: text }),
        at,
        false,
        id,
      );
    } else {
      paths.push(typed.value);
    }
  });
  return paths;
}
