import type { CheckHit, ModelCheck } from './check.js';

export const recoveryObjectivesMissing: ModelCheck = {
  id: 'recovery-objectives-missing',
  severity: 'warning',
  message: 'diag.recovery-objectives-missing',
  description: 'A business process has no RTO or no RPO: continuity planning cannot use it.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const process of graph.model.processes) {
      const missing = (['rto', 'rpo'] as const).filter((key) => process[key] === undefined);
      if (missing.length > 0) {
        hits.push({ entity: process.id, path: [], params: { missing: missing.join(', ') } });
      }
    }
    return hits;
  },
};
