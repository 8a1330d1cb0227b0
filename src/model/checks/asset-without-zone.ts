import type { AssetKind } from '../../domain/model/index.js';
import type { CheckHit, ModelCheck } from './check.js';

const LOCATIONLESS: readonly AssetKind[] = ['saas', 'cloud-service', 'mobile'];

export const assetWithoutZone: ModelCheck = {
  id: 'asset-without-zone',
  severity: 'warning',
  message: 'diag.asset-without-zone',
  description:
    'An asset is in no zone and runs on no host: its exposure and segmentation cannot be judged.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const asset of graph.model.assets) {
      if (
        asset.zone === undefined &&
        asset.hostedOn === undefined &&
        !LOCATIONLESS.includes(asset.kind)
      ) {
        hits.push({ entity: asset.id, path: [], params: { kind: asset.kind } });
      }
    }
    return hits;
  },
};
