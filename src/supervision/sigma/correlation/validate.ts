/**
 * Checks correlation definitions before the engine runs them: every problem is reported (never
 * only the first), and a definition with an error is disabled rather than guessed at. Also
 * resolves chaining (a correlation that refers to another) and rejects reference cycles.
 */
import type { SigmaDiagnostic, SigmaText } from '../types.js';
import { compileCondition } from './condition.js';
import type { CompiledCondition } from './condition.js';
import { CONDITION_OPERATORS, CORRELATION_TYPES } from './types.js';
import type { CorrelationCondition, CorrelationDefinition } from './types.js';

/** A definition that passed validation, with what the engine precomputes for it. */
export interface ValidDefinition {
  readonly def: CorrelationDefinition;
  readonly condition: CompiledCondition;
  /** Value field(s) before aliasing; empty for event_count and temporal types. */
  readonly valueFields: readonly string[];
  readonly percentile: number;
  /** The names other correlations can use to refer to this one (id, name). */
  readonly refs: readonly string[];
}

export interface ValidationResult {
  readonly valid: readonly ValidDefinition[];
  readonly diagnostics: readonly SigmaDiagnostic[];
}

const VALUE_TYPES = new Set(['value_count', 'value_sum', 'value_avg', 'value_percentile']);

function diagnostic(def: CorrelationDefinition, code: string, path: string, message: SigmaText) {
  const where = def.source;
  return {
    code,
    severity: 'error' as const,
    message,
    file: where?.file ?? '',
    line: where?.line ?? 0,
    column: where?.column ?? 0,
    path,
  };
}

function label(def: CorrelationDefinition): string {
  return typeof def.title === 'string' && def.title !== '' ? def.title : (def.id ?? '?');
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Problems of one definition taken alone. */
function checkDefinition(def: CorrelationDefinition): SigmaDiagnostic[] {
  const out: SigmaDiagnostic[] = [];
  const name = label(def);
  const type: unknown = def.type;
  if (!(CORRELATION_TYPES as readonly unknown[]).includes(type)) {
    out.push(
      diagnostic(def, 'correlation-type-unknown', 'correlation.type', {
        en: `Correlation "${name}": unknown type "${String(type)}" (expected one of ${CORRELATION_TYPES.join(', ')}).`,
        fr: `Corrélation « ${name} » : type « ${String(type)} » inconnu (attendu : ${CORRELATION_TYPES.join(', ')}).`,
      }),
    );
  }
  if (!isStringList(def.rules) || def.rules.length === 0) {
    out.push(
      diagnostic(def, 'correlation-rules-empty', 'correlation.rules', {
        en: `Correlation "${name}": "rules" must list at least one rule id or name.`,
        fr: `Corrélation « ${name} » : « rules » doit citer au moins un identifiant ou nom de règle.`,
      }),
    );
  }
  if (!isStringList(def.groupBy)) {
    out.push(
      diagnostic(def, 'correlation-group-by-invalid', 'correlation.group-by', {
        en: `Correlation "${name}": "group-by" must be a list of field names.`,
        fr: `Corrélation « ${name} » : « group-by » doit être une liste de noms de champs.`,
      }),
    );
  }
  if (
    typeof def.timespanMs !== 'number' ||
    !Number.isFinite(def.timespanMs) ||
    def.timespanMs <= 0
  ) {
    out.push(
      diagnostic(def, 'correlation-timespan-invalid', 'correlation.timespan', {
        en: `Correlation "${name}": the timespan must be a positive duration such as 5m or 1h.`,
        fr: `Corrélation « ${name} » : la fenêtre (timespan) doit être une durée positive, par ex. 5m ou 1h.`,
      }),
    );
  }
  if (def.aliases !== undefined && !isAliasMap(def.aliases)) {
    out.push(
      diagnostic(def, 'correlation-alias-invalid', 'correlation.aliases', {
        en: `Correlation "${name}": "aliases" must map each alias to {rule: field name}.`,
        fr: `Corrélation « ${name} » : « aliases » doit associer chaque alias à {règle: nom de champ}.`,
      }),
    );
  }
  out.push(...checkCondition(def, name));
  return out;
}

function isAliasMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (mapping: unknown) =>
      typeof mapping === 'object' &&
      mapping !== null &&
      !Array.isArray(mapping) &&
      Object.values(mapping).every((field) => typeof field === 'string'),
  );
}

function checkCondition(def: CorrelationDefinition, name: string): SigmaDiagnostic[] {
  const out: SigmaDiagnostic[] = [];
  const given: unknown = def.condition;
  const condition = given === undefined ? {} : given;
  if (typeof condition !== 'object' || condition === null) {
    return [
      diagnostic(def, 'correlation-condition-missing', 'correlation.condition', {
        en: `Correlation "${name}": the condition must be a map such as {gte: 10}.`,
        fr: `Corrélation « ${name} » : la condition doit être une table comme {gte: 10}.`,
      }),
    ];
  }
  const c = condition as Record<string, unknown>;
  let operators = 0;
  for (const op of CONDITION_OPERATORS) {
    const v = c[op];
    if (v === undefined) continue;
    operators++;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      out.push(
        diagnostic(def, 'correlation-condition-value-invalid', `correlation.condition.${op}`, {
          en: `Correlation "${name}": "${op}" must be a number.`,
          fr: `Corrélation « ${name} » : « ${op} » doit être un nombre.`,
        }),
      );
    }
  }
  const isTemporal = def.type === 'temporal' || def.type === 'temporal_ordered';
  if (operators === 0 && !isTemporal) {
    out.push(
      diagnostic(def, 'correlation-condition-missing', 'correlation.condition', {
        en: `Correlation "${name}": the condition needs an operator (gt, gte, lt, lte, eq or neq).`,
        fr: `Corrélation « ${name} » : la condition exige un opérateur (gt, gte, lt, lte, eq ou neq).`,
      }),
    );
  }
  const field = c['field'];
  const fields = typeof field === 'string' ? [field] : isStringList(field) ? field : undefined;
  if (
    VALUE_TYPES.has(def.type) &&
    (fields === undefined || fields.length === 0 || fields.includes(''))
  ) {
    out.push(
      diagnostic(def, 'correlation-field-missing', 'correlation.condition.field', {
        en: `Correlation "${name}": type ${def.type} needs "field" in its condition.`,
        fr: `Corrélation « ${name} » : le type ${def.type} exige « field » dans sa condition.`,
      }),
    );
  } else if (Array.isArray(field) && def.type !== 'value_count') {
    out.push(
      diagnostic(def, 'correlation-field-list-unsupported', 'correlation.condition.field', {
        en: `Correlation "${name}": a list of fields is only meaningful for value_count.`,
        fr: `Corrélation « ${name} » : une liste de champs n'a de sens que pour value_count.`,
      }),
    );
  }
  const p = c['percentile'];
  if (p !== undefined && (typeof p !== 'number' || !(p >= 0 && p <= 100))) {
    out.push(
      diagnostic(def, 'correlation-percentile-invalid', 'correlation.condition.percentile', {
        en: `Correlation "${name}": "percentile" must be a number from 0 to 100.`,
        fr: `Corrélation « ${name} » : « percentile » doit être un nombre de 0 à 100.`,
      }),
    );
  }
  return out;
}

function refsOf(def: CorrelationDefinition): string[] {
  const refs: string[] = [];
  if (typeof def.id === 'string' && def.id !== '') refs.push(def.id);
  if (typeof def.name === 'string' && def.name !== '' && def.name !== def.id) refs.push(def.name);
  return refs;
}

/** Validates every definition; returns the enabled ones in input order. */
export function validateDefinitions(defs: readonly CorrelationDefinition[]): ValidationResult {
  const diagnostics: SigmaDiagnostic[] = [];
  const ok: boolean[] = defs.map((def) => {
    if (typeof def !== 'object' || (def as unknown) === null) {
      diagnostics.push(
        diagnostic({} as CorrelationDefinition, 'correlation-invalid', 'correlation', {
          en: 'A correlation definition is not a map.',
          fr: "Une définition de corrélation n'est pas une table.",
        }),
      );
      return false;
    }
    const problems = checkDefinition(def);
    diagnostics.push(...problems);
    return problems.length === 0;
  });
  // A reference must name one correlation only.
  const owner = new Map<string, number>();
  defs.forEach((def, i) => {
    if (ok[i] !== true) return;
    for (const ref of refsOf(def)) {
      if (owner.has(ref)) {
        ok[i] = false;
        diagnostics.push(
          diagnostic(def, 'correlation-duplicate-reference', 'id', {
            en: `Correlation "${label(def)}": the id or name "${ref}" is already used by another correlation.`,
            fr: `Corrélation « ${label(def)} » : l'identifiant ou le nom « ${ref} » est déjà pris par une autre corrélation.`,
          }),
        );
      } else owner.set(ref, i);
    }
  });
  for (const i of findCycles(defs, owner)) {
    const def = defs[i] as CorrelationDefinition;
    ok[i] = false;
    diagnostics.push(
      diagnostic(def, 'correlation-cycle', 'correlation.rules', {
        en: `Correlation "${label(def)}" refers to itself through a chain of correlations.`,
        fr: `La corrélation « ${label(def)} » se cite elle-même par une chaîne de corrélations.`,
      }),
    );
  }
  const valid: ValidDefinition[] = [];
  defs.forEach((def, i) => {
    if (ok[i] !== true) return;
    const condition = (def.condition as CorrelationCondition | undefined) ?? {};
    const field = condition.field;
    valid.push({
      def,
      condition: compileCondition(def.type, condition, def.rules.length),
      valueFields: field === undefined ? [] : typeof field === 'string' ? [field] : field,
      percentile: condition.percentile ?? 50,
      refs: refsOf(def),
    });
  });
  return { valid, diagnostics };
}

/** Indices of the definitions that lie on a reference cycle. */
function findCycles(defs: readonly CorrelationDefinition[], owner: Map<string, number>): number[] {
  const state = new Array<number>(defs.length).fill(0); // 0 new, 1 on stack, 2 done
  const onCycle = new Set<number>();
  const stack: number[] = [];
  const visit = (i: number): void => {
    state[i] = 1;
    stack.push(i);
    const rules = defs[i]?.rules;
    for (const ref of isStringList(rules) ? rules : []) {
      const j = owner.get(ref);
      if (j === undefined) continue;
      if (state[j] === 1) {
        for (let k = stack.lastIndexOf(j); k < stack.length; k++) onCycle.add(stack[k] as number);
      } else if (state[j] === 0) visit(j);
    }
    stack.pop();
    state[i] = 2;
  };
  for (let i = 0; i < defs.length; i++) if (state[i] === 0) visit(i);
  return [...onCycle].sort((a, b) => a - b);
}
