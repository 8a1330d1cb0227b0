import { parseAddress } from '../../domain/net.js';
import type { CheckHit, ModelCheck } from './check.js';

export const duplicateAddress: ModelCheck = {
  id: 'duplicate-address',
  severity: 'warning',
  message: 'diag.duplicate-address',
  description: 'Two assets declare the same IP address.',
  run(graph) {
    const hits: CheckHit[] = [];
    const owners = new Map<string, string>();
    for (const asset of graph.model.assets) {
      (asset.addresses ?? []).forEach((address, index) => {
        const parsed = parseAddress(address);
        const key = parsed === undefined ? address : `${parsed.family}:${parsed.value}`;
        const owner = owners.get(key);
        if (owner === undefined) owners.set(key, asset.id);
        else if (owner !== asset.id) {
          hits.push({
            entity: asset.id,
            path: ['addresses', index],
            params: { address, other: owner },
          });
        }
      });
    }
    return hits;
  },
};
