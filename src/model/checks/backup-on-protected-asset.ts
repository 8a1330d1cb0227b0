import type { CheckHit, ModelCheck } from './check.js';

export const backupOnProtectedAsset: ModelCheck = {
  id: 'backup-on-protected-asset',
  severity: 'warning',
  message: 'diag.backup-on-protected-asset',
  description:
    'A backup is stored on an asset it protects (or on one of that asset’s hosts): losing the asset loses its backup.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const backup of graph.model.backups) {
      if (backup.target === undefined) continue;
      const targetChain = new Set([backup.target, ...graph.hostsOf(backup.target)]);
      const protectedAssets = new Set<string>();
      for (const id of backup.protects) {
        if (graph.asset(id) !== undefined) protectedAssets.add(id);
        for (const storage of graph.data(id)?.storedOn ?? []) protectedAssets.add(storage);
      }
      for (const id of protectedAssets) {
        const chain = [id, ...graph.hostsOf(id)];
        if (chain.some((asset) => targetChain.has(asset))) {
          hits.push({
            entity: backup.id,
            path: ['target'],
            params: { target: backup.target, asset: id },
          });
          break;
        }
      }
    }
    return hits;
  },
};
