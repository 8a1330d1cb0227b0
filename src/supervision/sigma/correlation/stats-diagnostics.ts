/** Diagnostics summarising what the correlator had to ignore while running (one per kind). */
import type { SigmaDiagnostic, SigmaText } from '../types.js';
import type { CorrelatorStats } from './types.js';

function warning(code: string, message: SigmaText): SigmaDiagnostic {
  return { code, severity: 'warning', message, file: '', line: 0, column: 0, path: '' };
}

export function counterDiagnostics(stats: CorrelatorStats): SigmaDiagnostic[] {
  const out: SigmaDiagnostic[] = [];
  if (stats.late > 0) {
    out.push(
      warning('correlation-late-detection', {
        en: `${stats.late} detection(s) arrived later than the reorder tolerance allows and were not correlated; raise the tolerance or sort the input by time.`,
        fr: `${stats.late} détection(s) arrivée(s) au-delà de la tolérance de réordonnancement n'ont pas été corrélées ; augmentez la tolérance ou triez l'entrée par date.`,
      }),
    );
  }
  if (stats.badTime > 0) {
    out.push(
      warning('correlation-bad-time', {
        en: `${stats.badTime} detection(s) had no usable event time and were not correlated.`,
        fr: `${stats.badTime} détection(s) sans date d'événement exploitable n'ont pas été corrélées.`,
      }),
    );
  }
  if (stats.forcedReleases > 0) {
    out.push(
      warning('correlation-reorder-buffer-full', {
        en: `The reorder buffer was full: ${stats.forcedReleases} detection(s) were correlated before their turn; results may depend on arrival order.`,
        fr: `Le tampon de réordonnancement était plein : ${stats.forcedReleases} détection(s) ont été corrélées avant leur tour ; le résultat peut dépendre de l'ordre d'arrivée.`,
      }),
    );
  }
  if (stats.groupCapHits > 0) {
    out.push(
      warning('correlation-group-cap', {
        en: `A correlation reached its maximum number of groups: ${stats.groupCapHits} detection(s) in new groups were ignored.`,
        fr: `Une corrélation a atteint son nombre maximal de groupes : ${stats.groupCapHits} détection(s) de nouveaux groupes ont été ignorées.`,
      }),
    );
  }
  return out;
}
