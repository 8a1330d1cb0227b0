import { NEED_CRITERIA } from '../../domain/model/index.js';
import type { CheckHit, ModelCheck } from './check.js';

export const needsMissing: ModelCheck = {
  id: 'needs-missing',
  severity: 'info',
  message: 'diag.needs-missing',
  description: 'A data set or business process does not state all four DICP needs.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const entity of [...graph.model.data, ...graph.model.processes]) {
      const missing = NEED_CRITERIA.filter((criterion) => entity.needs?.[criterion] === undefined);
      if (missing.length > 0)
        hits.push({ entity: entity.id, path: [], params: { missing: missing.join(', ') } });
    }
    return hits;
  },
};
