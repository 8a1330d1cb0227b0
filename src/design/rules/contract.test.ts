import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../test/support/model.js';
import { evaluateRules } from '../analyze-rules.js';
import { findingSubject } from '../findings.js';
import { RULE_FAMILIES } from '../rule.js';
import { BUILTIN_RULES } from './index.js';

const ANSSI_REFERENCE =
  /^(hygiene:([1-9]|[1-3][0-9]|4[0-2])|admin:R\d+|interco:R\d+|logging:R\d+)$/;

describe.each(BUILTIN_RULES.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('has complete metadata in both languages', () => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(RULE_FAMILIES).toContain(rule.family);
    for (const field of [rule.title, rule.description, rule.rationale, rule.remediation]) {
      expect(field.en.trim().length).toBeGreaterThan(10);
      expect(field.fr.trim().length).toBeGreaterThan(10);
      expect(field.fr).not.toBe(field.en);
    }
    expect([1, 2, 3, 4]).toContain(rule.likelihood);
    expect(rule.impact.length).toBeGreaterThan(0);
    expect(rule.references.anssi.length).toBeGreaterThan(0);
    for (const reference of rule.references.anssi) expect(reference).toMatch(ANSSI_REFERENCE);
    for (const control of rule.references.iso27002 ?? [])
      expect(control).toMatch(/^[5-8]\.\d{1,2}$/);
    for (const cwe of rule.references.cwe ?? []) expect(cwe).toMatch(/^CWE-\d+$/);
    for (const attack of rule.references.attack ?? [])
      expect(attack).toMatch(/^(T\d{4}(\.\d{3})?|M\d{4})$/);
  });

  it('does not crash on an empty model and finds nothing there', () => {
    const { graph } = modelFrom('organisation: { name: Empty }\n');
    const result = evaluateRules(graph, { rules: [rule], locale: 'en', today: '2026-11-28' });
    expect(result.failures).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('is deterministic, sorted, and names existing entities on the demo', () => {
    const { graph } = exampleModel('forges-de-l-est');
    const run = (): ReturnType<typeof evaluateRules> =>
      evaluateRules(graph, { rules: [rule], locale: 'fr', today: '2026-11-28' });
    const first = run();
    expect(run().findings).toEqual(first.findings);
    expect(first.failures).toEqual([]);
    for (const finding of first.findings) {
      expect(finding.id).toBe(
        `${id}@${findingSubject(finding.subjects[0] ?? '', graph.model.organisation?.id)}`,
      );
      for (const subject of finding.subjects)
        expect(graph.has(subject) || subject === '$organisation').toBe(true);
      expect(finding.detail.length).toBeGreaterThan(5);
    }
  });
});

describe('the rule set', () => {
  it('has unique ids', () => {
    const ids = BUILTIN_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
