import type { Asset } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { durationText, minutesOf } from './support-resilience.js';
import { label } from '../../model/predicates.js';

const MONTH = 43_200;
const YEAR = 525_600;

/** The longest retention along the chain asset → collector → …, with where it is kept. */
function effectiveRetention(
  graph: ModelGraph,
  asset: Asset,
): { minutes: number; retention: string; keptOn: string } | undefined {
  let best: { minutes: number; retention: string; keptOn: string } | undefined;
  const seen = new Set<string>();
  for (let current: Asset | undefined = asset; current !== undefined;) {
    if (seen.has(current.id)) break;
    seen.add(current.id);
    const retention = current.logging?.retention;
    const minutes = minutesOf(retention);
    if (
      retention !== undefined &&
      minutes !== undefined &&
      (best === undefined || minutes > best.minutes)
    )
      best = { minutes, retention, keptOn: current.id };
    const next: string | undefined = current.logging?.sendsTo;
    current = next === undefined ? undefined : graph.asset(next);
  }
  return best;
}

export const logRetentionTooShort: Rule = {
  id: 'log-retention-too-short',
  family: 'logging',
  title: text('Logs kept less than a year', 'Journaux conservés moins d’un an'),
  description: text(
    'The logs of an asset are kept less than one year, counting the longest retention along its collection chain (the asset, then the collectors it sends to).',
    'Les journaux d’un actif sont conservés moins d’un an, en retenant la plus longue durée le long de sa chaîne de collecte (l’actif, puis les collecteurs auxquels il les envoie).',
  ),
  rationale: text(
    'Intrusions are often discovered months after they began; the ANSSI hygiene guide asks that security events be kept at least one year (and the CNIL recommends six months to one year for access logs). Shorter, the start of the attack is lost.',
    'Les intrusions sont souvent découvertes des mois après leur début ; le guide d’hygiène de l’ANSSI demande de conserver les évènements de sécurité au moins un an (et la CNIL recommande six mois à un an pour les journaux d’accès). En deçà, le début de l’attaque est perdu.',
  ),
  remediation: text(
    'Keep security logs at least one year on the central collector (archive older indices on cheaper storage), within the limits of the applicable regulation.',
    'Conserver les journaux de sécurité au moins un an sur le collecteur central (archiver les index anciens sur un stockage moins coûteux), dans les limites de la réglementation applicable.',
  ),
  falsePositives: text(
    'A longer retention on a collector not declared in the model (sendsTo): complete the model. A retention limited on purpose by regulation: accept the finding.',
    'Conservation plus longue sur un collecteur non déclaré dans le modèle (sendsTo) : compléter le modèle. Durée limitée volontairement par la réglementation : accepter le constat.',
  ),
  likelihood: 1,
  impact: ['proof'],
  references: {
    anssi: ['hygiene:36', 'logging:R25'],
    iso27002: ['8.15'],
    cwe: ['CWE-779'],
    attack: ['M1029'],
  },
  evaluate({ model, graph }) {
    return model.assets.flatMap((asset) => {
      if (asset.logging === undefined) return [];
      const kept = effectiveRetention(graph, asset);
      if (kept === undefined || kept.minutes >= YEAR) return [];
      const where = kept.keptOn === asset.id ? '' : ` (on ${label(graph, kept.keptOn)})`;
      const ou = kept.keptOn === asset.id ? '' : ` (sur ${label(graph, kept.keptOn)})`;
      return [
        hit(
          asset.id,
          text(
            `The logs of ${label(graph, asset.id)} are kept ${durationText(kept.minutes).en} at most${where}, less than one year.`,
            `Les journaux de ${label(graph, asset.id)} sont conservés ${durationText(kept.minutes).fr} au plus${ou}, moins d’un an.`,
          ),
          {
            related: kept.keptOn === asset.id ? [] : [kept.keptOn],
            ...(kept.minutes < 6 * MONTH ? { likelihood: 2 as const } : {}),
          },
        ),
      ];
    });
  },
};
