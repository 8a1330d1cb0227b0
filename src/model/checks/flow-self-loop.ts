import type { CheckHit, ModelCheck } from './check.js';

export const flowSelfLoop: ModelCheck = {
  id: 'flow-self-loop',
  severity: 'error',
  message: 'diag.flow-self-loop',
  description: 'A flow goes from an endpoint to itself.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const flow of graph.model.flows) {
      if (flow.from === flow.to)
        hits.push({ entity: flow.id, path: ['to'], params: { id: flow.to } });
    }
    return hits;
  },
};
