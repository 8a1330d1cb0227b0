import type { CheckHit, ModelCheck } from './check.js';

export const zoneSiteMismatch: ModelCheck = {
  id: 'zone-site-mismatch',
  severity: 'error',
  message: 'diag.zone-site-mismatch',
  description: 'A nested zone declares a site other than the site of its enclosing zone.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const zone of graph.model.zones) {
      if (zone.site === undefined || zone.parent === undefined) continue;
      const parentSite = graph.siteOfZone(zone.parent);
      if (parentSite !== undefined && parentSite !== zone.site) {
        hits.push({
          entity: zone.id,
          path: ['site'],
          params: { site: zone.site, parent: zone.parent, parentSite },
        });
      }
    }
    return hits;
  },
};
