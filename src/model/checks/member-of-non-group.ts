import type { CheckHit, ModelCheck } from './check.js';

export const memberOfNonGroup: ModelCheck = {
  id: 'member-of-non-group',
  severity: 'error',
  message: 'diag.member-of-non-group',
  description: 'An identity is a member of an identity that is not a group.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const identity of graph.model.identities) {
      (identity.memberOf ?? []).forEach((id, index) => {
        const target = graph.identity(id);
        if (target !== undefined && target.kind !== 'group') {
          hits.push({
            entity: identity.id,
            path: ['memberOf', index],
            params: { id, kind: target.kind },
          });
        }
      });
    }
    return hits;
  },
};
