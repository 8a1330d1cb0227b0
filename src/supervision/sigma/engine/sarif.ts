import type { SigmaLocale } from '../types.js';
import type { Detection } from './detection.js';
import type { PreparedRules } from './hunt.js';

const LEVELS: Readonly<Record<string, 'error' | 'warning' | 'note'>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  informational: 'note',
};

/** Detections as a SARIF 2.1.0 log: the rules that fired as reporting descriptors. */
export function detectionsToSarif(
  detections: readonly Detection[],
  prepared: PreparedRules,
  version: string,
  locale: SigmaLocale,
): Record<string, unknown> {
  const fired = [...new Set(detections.map((d) => d.ruleId))].sort();
  const byId = new Map(prepared.rules.map((r) => [r.ruleId, r]));
  const index = new Map(fired.map((id, position) => [id, position]));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Vigie Sigma',
            version,
            rules: fired.map((id) => {
              const rule = byId.get(id)?.rule;
              const detection = detections.find((d) => d.ruleId === id);
              return {
                id,
                shortDescription: { text: rule?.meta.title ?? detection?.title ?? id },
                ...(rule?.meta.description === undefined
                  ? {}
                  : { fullDescription: { text: rule.meta.description } }),
                properties: { tags: detection?.tags ?? [], author: detection?.author ?? null },
              };
            }),
          },
        },
        language: locale,
        results: detections.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: index.get(d.ruleId) ?? -1,
          level: LEVELS[d.level] ?? 'warning',
          message: { text: `${d.title} (${d.author ?? '?'})` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file },
                region: { startLine: Math.max(1, d.line) },
              },
            },
          ],
          ...(d.group === undefined
            ? {}
            : { properties: { group: d.group, lines: d.lines ?? [] } }),
        })),
      },
    ],
  };
}
