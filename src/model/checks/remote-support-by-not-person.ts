import type { CheckHit, ModelCheck } from './check.js';

/** Identity kinds that stand for someone who can open a remote-support session. */
const CONNECTING_KINDS: readonly string[] = ['person', 'third-party'];

export const remoteSupportByNotPerson: ModelCheck = {
  id: 'remote-support-by-not-person',
  severity: 'warning',
  message: 'diag.remote-support-by-not-person',
  description:
    'A remote-support entry names, as who connects, an identity that is a group or a service account rather than a person or a third party.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const asset of graph.model.assets) {
      (asset.remoteSupport ?? []).forEach((entry, index) => {
        if (entry.by === undefined) return;
        const identity = graph.identity(entry.by);
        if (identity !== undefined && !CONNECTING_KINDS.includes(identity.kind)) {
          hits.push({
            entity: asset.id,
            path: ['remoteSupport', index, 'by'],
            params: { id: entry.by, kind: identity.kind },
          });
        }
      });
    }
    return hits;
  },
};
