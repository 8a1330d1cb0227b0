import type { CheckHit, ModelCheck } from './check.js';

export const remoteSupportBrokerIsSelf: ModelCheck = {
  id: 'remote-support-broker-is-self',
  severity: 'error',
  message: 'diag.remote-support-broker-is-self',
  description:
    'A remote-support entry names the device itself as its broker (the broker is the tool’s relay or the vendor’s portal the device connects out to).',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const asset of graph.model.assets) {
      (asset.remoteSupport ?? []).forEach((entry, index) => {
        if (entry.broker === asset.id)
          hits.push({
            entity: asset.id,
            path: ['remoteSupport', index, 'broker'],
            params: { tool: entry.tool },
          });
      });
    }
    return hits;
  },
};
