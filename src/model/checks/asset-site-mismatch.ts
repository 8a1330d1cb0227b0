import type { CheckHit, ModelCheck } from './check.js';

export const assetSiteMismatch: ModelCheck = {
  id: 'asset-site-mismatch',
  severity: 'error',
  message: 'diag.asset-site-mismatch',
  description: 'An asset declares a site other than the site of its zone.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const asset of graph.model.assets) {
      if (asset.site === undefined || asset.zone === undefined) continue;
      const zoneSite = graph.siteOfZone(asset.zone);
      if (zoneSite !== undefined && zoneSite !== asset.site && graph.site(asset.site)) {
        hits.push({
          entity: asset.id,
          path: ['site'],
          params: { site: asset.site, zone: asset.zone, zoneSite },
        });
      }
    }
    return hits;
  },
};
