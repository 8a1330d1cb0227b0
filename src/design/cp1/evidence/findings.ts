import { BUILTIN_RULES } from '../../rules/index.js';
import { text } from '../../text.js';
import { gapEvidence } from './gaps.js';
import { defineEvidenceCheck, type EvidenceCheck } from './types.js';

/** The hygiene measure numbers a rule references (`hygiene:19` → 19). */
function measuresOf(references: readonly string[]): number[] {
  return references
    .filter((reference) => reference.startsWith('hygiene:'))
    .map((reference) => Number(reference.slice('hygiene:'.length)))
    .filter((n) => Number.isInteger(n));
}

/**
 * One check per hygiene measure that rules reference but no dedicated check covers: the measure
 * is contradicted by the gaps of those rules, so a measure declared implemented is not left so
 * while a rule citing it finds a gap. Rules a dedicated check already names are judged there.
 */
export function findingChecks(dedicated: readonly EvidenceCheck[]): EvidenceCheck[] {
  const covered = new Set(dedicated.map((check) => check.measure));
  const named = new Set(dedicated.flatMap((check) => check.rules.map((rule) => rule.id)));
  const measures = [
    ...new Set(BUILTIN_RULES.flatMap((rule) => measuresOf(rule.references.anssi))),
  ].filter((n) => !covered.has(n));
  return measures
    .sort((a, b) => a - b)
    .flatMap((measure) => {
      const rules = BUILTIN_RULES.filter(
        (rule) => !named.has(rule.id) && measuresOf(rule.references.anssi).includes(measure),
      );
      if (rules.length === 0) return [];
      return [
        defineEvidenceCheck(
          `rule-findings-${measure}`,
          measure,
          text(
            `Findings of the rules citing measure ${measure}: ${rules.map((r) => r.id).join(', ')}`,
            `Constats des règles citant la mesure ${measure} : ${rules.map((r) => r.id).join(', ')}`,
          ),
          (context, e) =>
            gapEvidence(
              context,
              rules,
              e.contradicts,
              text(
                `findings (${rules.map((r) => r.id).join(', ')})`,
                `constats (${rules.map((r) => r.id).join(', ')})`,
              ),
            ),
          { rules },
        ),
      ];
    });
}
