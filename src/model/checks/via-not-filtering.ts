import { FLOW_RELAY_KINDS } from '../../domain/model/index.js';
import type { CheckHit, ModelCheck } from './check.js';

export const viaNotFiltering: ModelCheck = {
  id: 'via-not-filtering',
  severity: 'warning',
  message: 'diag.via-not-filtering',
  description: 'A flow is said to cross an asset that cannot filter or relay it.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const flow of graph.model.flows) {
      (flow.via ?? []).forEach((id, index) => {
        const kind = graph.asset(id)?.kind;
        if (kind !== undefined && !FLOW_RELAY_KINDS.includes(kind)) {
          hits.push({ entity: flow.id, path: ['via', index], params: { id, kind } });
        }
      });
    }
    return hits;
  },
};
