import type { ModelCheck } from './check.js';
import { findCycles } from './cycle.js';

export const hostingCycle: ModelCheck = {
  id: 'hosting-cycle',
  severity: 'error',
  message: 'diag.hosting-cycle',
  description: 'Assets run on each other in a loop (hostedOn).',
  run(graph) {
    const ids = graph.model.assets.map((asset) => asset.id);
    const hosts = (id: string): string[] => {
      const host = graph.asset(id)?.hostedOn;
      return host !== undefined && graph.asset(host) ? [host] : [];
    };
    return findCycles(ids, hosts).map(({ start, cycle }) => ({
      entity: start,
      path: ['hostedOn'],
      params: { cycle },
    }));
  },
};
