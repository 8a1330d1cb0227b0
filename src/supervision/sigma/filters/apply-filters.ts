/**
 * Sigma filters (meta-rules that exclude): each filter names rules by `id` or `name`; an event the
 * filter's condition matches no longer triggers those rules (rule matcher AND NOT filter). A
 * filter only applies to rules whose logsource agrees with its own on every attribute it gives.
 */
import { compileDetection, type CompileOptions } from '../compile/compile-rule.js';
import type { SigmaFilter, SigmaLogsource, SigmaRule } from '../rule/types.js';
import type { SigmaDiagnostic, SigmaEvent } from '../types.js';

/** What `applyFilters` needs of a compiled rule; other properties are kept as they are. */
export interface FilterableRule {
  readonly rule: SigmaRule;
  readonly matcher: (event: SigmaEvent) => boolean;
}

export interface ApplyFiltersResult<T extends FilterableRule> {
  readonly rules: readonly T[];
  readonly diagnostics: readonly SigmaDiagnostic[];
}

function logsourceAgrees(filter: SigmaLogsource, rule: SigmaLogsource): boolean {
  const keys = ['category', 'product', 'service'] as const;
  return keys.every(
    (k) => filter[k] === undefined || filter[k].toLowerCase() === rule[k]?.toLowerCase(),
  );
}

function referenced(filter: SigmaFilter, rule: SigmaRule): boolean {
  return filter.rules.some((r) => r === rule.meta.id || r === rule.meta.name);
}

/** Returns the rules with filters applied (same order; untouched rules are the same objects). */
export function applyFilters<T extends FilterableRule>(
  compiledRules: readonly T[],
  filters: readonly SigmaFilter[],
  options: CompileOptions = {},
): ApplyFiltersResult<T> {
  const diagnostics: SigmaDiagnostic[] = [];
  const compiled = filters.map((filter) => {
    const c = compileDetection(filter.detection, options);
    diagnostics.push(...c.diagnostics);
    return { filter, matcher: c.matcher, used: new Set<string>() };
  });
  const rules = compiledRules.map((entry) => {
    const excluders = compiled.filter((f) => {
      if (!referenced(f.filter, entry.rule)) return false;
      for (const r of f.filter.rules)
        if (r === entry.rule.meta.id || r === entry.rule.meta.name) f.used.add(r);
      return logsourceAgrees(f.filter.logsource, entry.rule.logsource);
    });
    if (excluders.length === 0) return entry;
    const base = entry.matcher;
    const excluded = excluders.map((f) => f.matcher);
    const matcher = (event: SigmaEvent): boolean => {
      if (!base(event)) return false;
      for (const x of excluded) if (x(event)) return false;
      return true;
    };
    return { ...entry, matcher };
  });
  for (const f of compiled) {
    for (const r of f.filter.rules) {
      if (f.used.has(r)) continue;
      const { file, line, column } = f.filter.location;
      diagnostics.push({
        code: 'sigma.filter.unknown-rule',
        severity: 'warning',
        message: {
          en: `The filter "${f.filter.meta.title}" names "${r}", which no loaded rule has as id or name.`,
          fr: `Le filtre « ${f.filter.meta.title} » nomme « ${r} », qui n’est l’id ou le nom d’aucune règle chargée.`,
        },
        file,
        line,
        column,
        path: 'filter.rules',
      });
    }
  }
  return { rules, diagnostics };
}
