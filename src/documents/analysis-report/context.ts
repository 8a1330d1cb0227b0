/**
 * What every section of the analysis report reads, computed once from the document input:
 * findings split by status and grouped by severity and rule, the exposure of each crown jewel,
 * the resolved wording, and small inline helpers. Pure.
 */
import { compareIds } from '../../domain/compare.js';
import type { AttackPath } from '../../design/attack/analyze-paths.js';
import type { AttackTarget } from '../../design/attack/targets.js';
import { SEVERITIES, type Finding, type FindingSeverity } from '../../design/findings.js';
import type { Rule } from '../../design/rule.js';
import { label } from '../../model/predicates.js';
import type { DocumentInput } from '../../presentation/input.js';
import { code, type Inline, type DocumentLocale } from '../model.js';
import { resolve, TEXTS, type Resolved } from './texts.js';

/** Open findings of one rule at one severity: one subsection of the findings chapter. */
export interface FindingGroup {
  /** Section id: `findings-<severity>-<ruleId>`. */
  readonly id: string;
  readonly severity: FindingSeverity;
  readonly ruleId: string;
  readonly rule: Rule | undefined;
  /** In report order (most severe score first, then id). */
  readonly findings: readonly Finding[];
}

/** A crown jewel with the paths that reach it. */
export interface TargetExposure {
  readonly target: AttackTarget;
  /** Most likely first. */
  readonly paths: readonly AttackPath[];
  /** Number of distinct threat sources among its paths. */
  readonly sources: number;
}

export interface ReportContext {
  readonly input: DocumentInput;
  readonly locale: DocumentLocale;
  readonly t: Resolved<typeof TEXTS>;
  readonly rules: ReadonlyMap<string, Rule>;
  /** Findings still open (reopened ones included), in the input's order (most severe first). */
  readonly open: readonly Finding[];
  /** Findings covered by a decision in force (accepted, mitigated, false positive). */
  readonly decided: readonly Finding[];
  /** Open findings whose decision is past its review date. */
  readonly reopened: readonly Finding[];
  readonly groups: Readonly<Record<FindingSeverity, readonly FindingGroup[]>>;
  /** Section id of the group each open finding is detailed in. */
  readonly sectionOf: ReadonlyMap<string, string>;
  /** Crown jewels reached by at least one path first (most likely first), then the others. */
  readonly exposure: readonly TargetExposure[];
  /** Display name of a model entity (its name, else its id). */
  readonly name: (id: string) => string;
  /** Name of the threat source of this id. */
  readonly sourceName: (id: string) => string;
}

export const targetSectionId = (target: string): string => `attack-target-${target}`;

export const findingSectionId = (severity: FindingSeverity, ruleId: string): string =>
  `findings-${severity}-${ruleId}`;

function groupFindings(
  open: readonly Finding[],
  rules: ReadonlyMap<string, Rule>,
): Record<FindingSeverity, FindingGroup[]> {
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [s, new Map<string, Finding[]>()]),
  ) as Record<FindingSeverity, Map<string, Finding[]>>;
  for (const finding of open) {
    const groups = bySeverity[finding.severity];
    const list = groups.get(finding.ruleId);
    if (list === undefined) groups.set(finding.ruleId, [finding]);
    else list.push(finding);
  }
  const result = {} as Record<FindingSeverity, FindingGroup[]>;
  for (const severity of SEVERITIES) {
    // groups in the order of their most severe finding (the input is sorted), then rule id
    result[severity] = [...bySeverity[severity]].map(([ruleId, findings]) => ({
      id: findingSectionId(severity, ruleId),
      severity,
      ruleId,
      rule: rules.get(ruleId),
      findings,
    }));
    result[severity].sort((a, b) => {
      const [fa, fb] = [a.findings[0], b.findings[0]];
      const score =
        (fb?.likelihood ?? 0) * (fb?.impact ?? 0) - (fa?.likelihood ?? 0) * (fa?.impact ?? 0);
      return score || b.findings.length - a.findings.length || compareIds(a.ruleId, b.ruleId);
    });
  }
  return result;
}

function exposureOf(input: DocumentInput): TargetExposure[] {
  const attack = input.attack;
  if (attack === undefined) return [];
  const byTarget = new Map<string, AttackPath[]>();
  for (const path of attack.paths) {
    const list = byTarget.get(path.target);
    if (list === undefined) byTarget.set(path.target, [path]);
    else list.push(path);
  }
  const result = attack.targets.map((target) => {
    const paths = byTarget.get(target.id) ?? [];
    return { target, paths, sources: new Set(paths.map((p) => p.source)).size };
  });
  return result.sort(
    (a, b) =>
      (b.paths[0]?.score ?? -1) - (a.paths[0]?.score ?? -1) ||
      b.target.value - a.target.value ||
      compareIds(a.target.id, b.target.id),
  );
}

export function buildContext(input: DocumentInput): ReportContext {
  const locale = input.locale;
  const rules = new Map(input.rules.map((rule) => [rule.id, rule]));
  const open = input.findings.filter((f) => f.status === 'open');
  const groups = groupFindings(open, rules);
  const sectionOf = new Map<string, string>();
  for (const severity of SEVERITIES)
    for (const group of groups[severity])
      for (const finding of group.findings) sectionOf.set(finding.id, group.id);
  const sourceNames = new Map(
    (input.attack?.sources ?? []).map((source) => [source.id, source.label[locale]]),
  );
  return {
    input,
    locale,
    t: resolve(TEXTS, locale),
    rules,
    open,
    decided: input.findings.filter((f) => f.status !== 'open'),
    reopened: open.filter((f) => f.decision?.expired === true),
    groups,
    sectionOf,
    exposure: exposureOf(input),
    name: (id) => label(input.graph, id),
    sourceName: (id) => sourceNames.get(id) ?? id,
  };
}

/**
 * A text from the analyses (rule metadata, finding details) as inlines: spans between backticks,
 * Markdown's way of marking identifiers in those texts, become code runs.
 */
export function richText(value: string): Inline[] {
  if (!value.includes('`')) return [value];
  const result: Inline[] = [];
  const pattern = /`([^`\n]+)`/g;
  let last = 0;
  for (let match = pattern.exec(value); match !== null; match = pattern.exec(value)) {
    if (match.index > last) result.push(value.slice(last, match.index));
    result.push(code(match[1] ?? ''));
    last = match.index + match[0].length;
  }
  if (last < value.length) result.push(value.slice(last));
  return result;
}

/** `critical` → `Critical`. */
export const capitalised = (value: string): string =>
  value.charAt(0).toUpperCase() + value.slice(1);

/** `a, b, c` as code runs separated by commas, at most `limit` of them then `and n more`. */
export function codeList(
  ids: readonly string[],
  more: (n: number) => string,
  limit = 12,
): Inline[] {
  const shown = ids.slice(0, limit);
  const result: Inline[] = shown.flatMap((id, i) => (i === 0 ? [code(id)] : [', ', code(id)]));
  if (ids.length > limit) result.push(` ${more(ids.length - limit)}`);
  return result;
}

/** `Name (id)` with the id as code, or just the id when the entity has no name. */
export function named(context: ReportContext, id: string): Inline[] {
  const name = context.name(id);
  return name === id ? [code(id)] : [`${name} (`, code(id), ')'];
}
