import type { CheckHit, ModelCheck } from './check.js';

export const reviewBeforeDecision: ModelCheck = {
  id: 'review-before-decision',
  severity: 'error',
  message: 'diag.review-before-decision',
  description: 'A risk decision is due for review before the date it was taken.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const decision of graph.model.decisions) {
      if (
        decision.date !== undefined &&
        decision.reviewDate !== undefined &&
        decision.reviewDate < decision.date
      ) {
        hits.push({
          entity: decision.id,
          path: ['reviewDate'],
          params: { reviewDate: decision.reviewDate, date: decision.date },
        });
      }
    }
    return hits;
  },
};
