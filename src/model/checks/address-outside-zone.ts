import { networkContains, parseNetwork, type Network } from '../../domain/net.js';
import type { CheckHit, ModelCheck } from './check.js';

export const addressOutsideZone: ModelCheck = {
  id: 'address-outside-zone',
  severity: 'warning',
  message: 'diag.address-outside-zone',
  description: "An asset's address lies in none of its zone's subnets.",
  run(graph) {
    const hits: CheckHit[] = [];
    const networks = new Map<string, Network[]>();
    for (const zone of graph.model.zones) {
      const parsed = (zone.subnets ?? []).map(parseNetwork).filter((n) => n !== undefined);
      if (parsed.length > 0) networks.set(zone.id, parsed);
    }
    for (const asset of graph.model.assets) {
      if (asset.zone === undefined) continue;
      const subnets = networks.get(asset.zone);
      if (subnets === undefined) continue;
      (asset.addresses ?? []).forEach((address, index) => {
        if (!subnets.some((network) => networkContains(network, address))) {
          hits.push({
            entity: asset.id,
            path: ['addresses', index],
            params: {
              address,
              zone: asset.zone ?? '',
              subnets: (graph.zone(asset.zone ?? '')?.subnets ?? []).join(', '),
            },
          });
        }
      });
    }
    return hits;
  },
};
