import { durationMinutes } from '../../domain/duration.js';
import type { CheckHit, ModelCheck } from './check.js';

export const rtoExceedsMtpd: ModelCheck = {
  id: 'rto-exceeds-mtpd',
  severity: 'error',
  message: 'diag.rto-exceeds-mtpd',
  description:
    'A process must be recovered before the maximum tolerable period of disruption ends: RTO ≤ MTPD.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const process of graph.model.processes) {
      if (process.rto === undefined || process.mtpd === undefined) continue;
      if (durationMinutes(process.rto) > durationMinutes(process.mtpd)) {
        hits.push({
          entity: process.id,
          path: ['rto'],
          params: { rto: process.rto, mtpd: process.mtpd },
        });
      }
    }
    return hits;
  },
};
