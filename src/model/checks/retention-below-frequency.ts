import { durationMinutes } from '../../domain/duration.js';
import type { CheckHit, ModelCheck } from './check.js';

export const retentionBelowFrequency: ModelCheck = {
  id: 'retention-below-frequency',
  severity: 'warning',
  message: 'diag.retention-below-frequency',
  description: 'A backup keeps its copies for less time than between two copies: gaps appear.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const backup of graph.model.backups) {
      if (backup.frequency === undefined || backup.retention === undefined) continue;
      if (durationMinutes(backup.retention) < durationMinutes(backup.frequency)) {
        hits.push({
          entity: backup.id,
          path: ['retention'],
          params: { retention: backup.retention, frequency: backup.frequency },
        });
      }
    }
    return hits;
  },
};
