import { durationMinutes } from '../../domain/duration.js';
import type { Asset } from '../../domain/model/index.js';
import type { CheckHit, ModelCheck } from './check.js';

/** A recovery or a repair that takes more than a year is a typo (`1y` for `1w`?). */
const YEAR_MINUTES = 365 * 24 * 60;

/** Kinds whose recovery is the supplier's by default (as `src/continuity/recovery-time.ts`). */
const SUPPLIER_KINDS: readonly string[] = [
  'saas',
  'cloud-service',
  'medical-device',
  'imaging-modality',
];

/** True when the asset is restored or rebuilt: declared, else not redundant nor a supplier's. */
function isWorked(asset: Asset): boolean {
  const declared = asset.recovery?.method;
  if (declared !== undefined) return declared === 'restore' || declared === 'rebuild';
  const mode = asset.redundancy?.mode;
  if (mode !== undefined && mode !== 'none' && mode !== 'cold-standby') return false;
  return !SUPPLIER_KINDS.includes(asset.kind);
}

export const recoveryDurationImplausible: ModelCheck = {
  id: 'recovery-duration-implausible',
  severity: 'error',
  message: 'diag.recovery-duration-implausible',
  description:
    'An asset recovery duration or repair time over a year, or a zero duration to restore or rebuild it.',
  run(graph) {
    const hits: CheckHit[] = [];
    for (const asset of graph.model.assets) {
      const duration = asset.recovery?.duration;
      if (duration !== undefined) {
        const minutes = durationMinutes(duration);
        const zeroWork = minutes === 0 && isWorked(asset);
        if (minutes > YEAR_MINUTES || zeroWork)
          hits.push({
            entity: asset.id,
            path: ['recovery', 'duration'],
            params: { field: 'recovery.duration', value: duration },
          });
      }
      const repair = asset.repairTime;
      if (repair !== undefined && durationMinutes(repair) > YEAR_MINUTES)
        hits.push({
          entity: asset.id,
          path: ['repairTime'],
          params: { field: 'repairTime', value: repair },
        });
    }
    return hits;
  },
};
