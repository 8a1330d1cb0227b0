import type { CheckHit, ModelCheck } from './check.js';

export const decisionUnknownSubject: ModelCheck = {
  id: 'decision-unknown-subject',
  severity: 'warning',
  message: 'diag.decision-unknown-subject',
  description:
    'A risk decision is about a finding whose subject is neither an entity of the model nor `organisation`.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const decision of graph.model.decisions) {
      const subject = decision.finding.split('@')[1] ?? '';
      if (!graph.has(subject))
        hits.push({ entity: decision.id, path: ['finding'], params: { subject } });
    }
    return hits;
  },
};
