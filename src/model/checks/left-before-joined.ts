import type { CheckHit, ModelCheck } from './check.js';

export const leftBeforeJoined: ModelCheck = {
  id: 'left-before-joined',
  severity: 'error',
  message: 'diag.left-before-joined',
  description: 'An identity left before it joined.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const identity of graph.model.identities) {
      if (
        identity.joined !== undefined &&
        identity.left !== undefined &&
        identity.left < identity.joined
      ) {
        hits.push({
          entity: identity.id,
          path: ['left'],
          params: { left: identity.left, joined: identity.joined },
        });
      }
    }
    return hits;
  },
};
