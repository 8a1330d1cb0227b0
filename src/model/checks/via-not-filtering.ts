import type { AssetKind } from '../../domain/model/index.js';
import type { CheckHit, ModelCheck } from './check.js';

/** Asset kinds that can filter or relay a flow. */
export const FILTERING_KINDS: readonly AssetKind[] = [
  'firewall',
  'router',
  'switch',
  'proxy',
  'reverse-proxy',
  'load-balancer',
  'vpn-gateway',
  'wifi-controller',
  'ids',
  'ot-gateway',
  'mail-server',
];

export const viaNotFiltering: ModelCheck = {
  id: 'via-not-filtering',
  severity: 'warning',
  message: 'diag.via-not-filtering',
  description: 'A flow is said to cross an asset that cannot filter or relay it.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const flow of graph.model.flows) {
      (flow.via ?? []).forEach((id, index) => {
        const kind = graph.asset(id)?.kind;
        if (kind !== undefined && !FILTERING_KINDS.includes(kind)) {
          hits.push({ entity: flow.id, path: ['via', index], params: { id, kind } });
        }
      });
    }
    return hits;
  },
};
