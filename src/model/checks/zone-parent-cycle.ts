import type { ModelCheck } from './check.js';
import { findCycles } from './cycle.js';

export const zoneParentCycle: ModelCheck = {
  id: 'zone-parent-cycle',
  severity: 'error',
  message: 'diag.zone-parent-cycle',
  description: 'Zones enclose each other in a loop.',
  run(graph) {
    const ids = graph.model.zones.map((zone) => zone.id);
    const parents = (id: string): string[] => {
      const parent = graph.zone(id)?.parent;
      return parent !== undefined && graph.zone(parent) ? [parent] : [];
    };
    return findCycles(ids, parents).map(({ start, cycle }) => ({
      entity: start,
      path: ['parent'],
      params: { cycle },
    }));
  },
};
