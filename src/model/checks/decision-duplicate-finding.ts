import type { CheckHit, ModelCheck } from './check.js';

export const decisionDuplicateFinding: ModelCheck = {
  id: 'decision-duplicate-finding',
  severity: 'error',
  message: 'diag.decision-duplicate-finding',
  description: 'Two risk decisions are about the same finding: which one applies is ambiguous.',
  run(graph) {
    const hits: CheckHit[] = [];
    const seen = new Map<string, string>();
    for (const decision of graph.model.decisions) {
      const first = seen.get(decision.finding);
      if (first === undefined) seen.set(decision.finding, decision.id);
      else
        hits.push({
          entity: decision.id,
          path: ['finding'],
          params: { finding: decision.finding, other: first },
        });
    }
    return hits;
  },
};
