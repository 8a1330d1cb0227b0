import type { CheckHit, ModelCheck } from './check.js';

export const processWithoutAssets: ModelCheck = {
  id: 'process-without-assets',
  severity: 'warning',
  message: 'diag.process-without-assets',
  description:
    'A business process rests on no asset (directly, through its data or through the processes it depends on).',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const process of graph.model.processes) {
      if (graph.supportOf(process.id).assets.length === 0) {
        hits.push({ entity: process.id, path: [], params: {} });
      }
    }
    return hits;
  },
};
