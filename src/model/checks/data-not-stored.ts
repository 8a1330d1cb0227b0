import type { CheckHit, ModelCheck } from './check.js';

export const dataNotStored: ModelCheck = {
  id: 'data-not-stored',
  severity: 'warning',
  message: 'diag.data-not-stored',
  description: 'A data set is stored on no asset: its needs cannot propagate to anything.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const data of graph.model.data) {
      if ((data.storedOn ?? []).length === 0) hits.push({ entity: data.id, path: [], params: {} });
    }
    return hits;
  },
};
