import type { CheckHit, ModelCheck } from './check.js';

export const redundantWithItself: ModelCheck = {
  id: 'redundant-with-itself',
  severity: 'error',
  message: 'diag.redundant-with-itself',
  description: 'An asset is declared redundant with itself.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const asset of graph.model.assets) {
      const index = asset.redundancy?.with?.indexOf(asset.id) ?? -1;
      if (index >= 0)
        hits.push({ entity: asset.id, path: ['redundancy', 'with', index], params: {} });
    }
    return hits;
  },
};
