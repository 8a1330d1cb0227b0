import { networkWithin, parseNetwork } from '../../domain/net.js';
import type { CheckHit, ModelCheck } from './check.js';

export const subnetOutsideParent: ModelCheck = {
  id: 'subnet-outside-parent',
  severity: 'warning',
  message: 'diag.subnet-outside-parent',
  description: "A nested zone's subnet lies outside every subnet of its enclosing zone.",
  run(graph) {
    const hits: CheckHit[] = [];
    for (const zone of graph.model.zones) {
      if (zone.parent === undefined) continue;
      const parentNets = (graph.zone(zone.parent)?.subnets ?? [])
        .map(parseNetwork)
        .filter((n) => n !== undefined);
      if (parentNets.length === 0) continue;
      (zone.subnets ?? []).forEach((subnet, index) => {
        const network = parseNetwork(subnet);
        if (network !== undefined && !parentNets.some((outer) => networkWithin(network, outer))) {
          hits.push({
            entity: zone.id,
            path: ['subnets', index],
            params: { subnet, parent: zone.parent ?? '' },
          });
        }
      });
    }
    return hits;
  },
};
