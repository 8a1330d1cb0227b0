import type { Entity } from '../../domain/model/index.js';
import { hit, type Rule, type RuleContext, type RuleHit } from '../rule.js';
import type { LocalizedText } from '../text.js';
import { evaluateCondition, type Condition } from './condition.js';
import { SELECTABLE } from './fields.js';
import { EntityValue, readPath, type TypedPath } from './path.js';
import type { CustomRuleSource } from './rule-file-schema.js';

/** `{path}` placeholders of a detail template. */
export const PLACEHOLDER =
  /\{([A-Za-z][A-Za-z0-9]*(?:\[\])?(?:\.[A-Za-z][A-Za-z0-9]*(?:\[\])?)*)\}/g;

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Fills a detail template with the values its paths yield for one entity. */
function render(
  template: string,
  start: EntityValue,
  paths: ReadonlyMap<string, TypedPath>,
  context: RuleContext,
): string {
  return template.replace(PLACEHOLDER, (whole, text: string) => {
    const path = paths.get(text);
    if (path === undefined) return whole;
    const values = readPath(start, path, context)
      .map(show)
      .filter((v) => v !== '');
    // a nameless entity is called by its id
    if (values.length === 0 && text === 'name') return start.entity.id;
    return values.length === 0 ? '—' : [...new Set(values)].join(', ');
  });
}

/** Builds the rule object of a compiled custom rule: same interface as a built-in rule. */
export function customRule(
  source: CustomRuleSource,
  condition: Condition,
  detailPaths: ReadonlyMap<string, TypedPath>,
  related: readonly TypedPath[],
): Rule {
  const kind = SELECTABLE[source.select];
  const detail: LocalizedText = source.detail;
  return {
    id: source.id,
    family: source.family,
    title: source.title,
    description: source.description,
    rationale: source.rationale,
    remediation: source.remediation,
    ...(source.falsePositives === undefined ? {} : { falsePositives: source.falsePositives }),
    likelihood: source.likelihood as 1 | 2 | 3 | 4,
    impact: source.impact,
    references: {
      anssi: source.references.anssi,
      ...(source.references.iso27002 === undefined ? {} : { iso27002: source.references.iso27002 }),
      ...(source.references.cwe === undefined ? {} : { cwe: source.references.cwe }),
      ...(source.references.attack === undefined ? {} : { attack: source.references.attack }),
    },
    evaluate(context: RuleContext): readonly RuleHit[] {
      const entities = context.model[source.select] as readonly Entity[];
      const hits: RuleHit[] = [];
      for (const entity of entities) {
        const start = new EntityValue(kind, entity);
        if (!evaluateCondition(condition, start, context)) continue;
        const others = related
          .flatMap((path) => readPath(start, path, context))
          .filter(
            (id): id is string =>
              typeof id === 'string' && id !== entity.id && context.graph.has(id),
          );
        hits.push(
          hit(
            entity.id,
            {
              en: render(detail.en, start, detailPaths, context),
              fr: render(detail.fr, start, detailPaths, context),
            },
            others.length === 0 ? {} : { related: [...new Set(others)] },
          ),
        );
      }
      return hits;
    },
  };
}
