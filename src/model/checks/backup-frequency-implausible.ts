import { durationMinutes } from '../../domain/duration.js';
import type { CheckHit, ModelCheck } from './check.js';

/** A backup less often than once a year is a typo (`1y` for `1w`?), and a year is 365 days. */
const YEAR_MINUTES = 365 * 24 * 60;

/** More copies than this is a typo: a hundred versions already cover years of dailies' months. */
export const MAX_BACKUP_COPIES = 100;

/**
 * A backup frequency of zero (every instant: no backup or snapshot does that; a replication or a
 * synchronisation declared with its method is continuous, and 0 is right for it) or over a year,
 * or more than {@link MAX_BACKUP_COPIES} copies: each would make the RPO and 3-2-1 verdicts
 * meaningless. Reported at the field, as a warning: files written before this check still load.
 */
export const backupFrequencyImplausible: ModelCheck = {
  id: 'backup-frequency-implausible',
  severity: 'warning',
  message: 'diag.backup-frequency-implausible',
  description:
    'A backup frequency of zero or over a year, or more than a hundred copies of a backup.',
  run(graph) {
    const hits: CheckHit[] = [];
    const backups = [...graph.model.backups].sort((a, b) =>
      a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    for (const backup of backups) {
      const frequency = backup.frequency;
      if (frequency !== undefined) {
        const minutes = durationMinutes(frequency);
        const continuous = backup.method === 'replication' || backup.method === 'sync';
        if ((minutes === 0 && !continuous) || minutes > YEAR_MINUTES)
          hits.push({
            entity: backup.id,
            path: ['frequency'],
            params: { field: 'frequency', value: frequency },
          });
      }
      if (backup.copies !== undefined && backup.copies > MAX_BACKUP_COPIES)
        hits.push({
          entity: backup.id,
          path: ['copies'],
          params: { field: 'copies', value: String(backup.copies) },
        });
    }
    return hits;
  },
};
