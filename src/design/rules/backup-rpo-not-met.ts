import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { durationText } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const backupRpoNotMet: Rule = {
  id: 'backup-rpo-not-met',
  family: 'backups-resilience',
  title: text(
    'Backups less frequent than the recovery point objective',
    'Sauvegardes moins fréquentes que la perte de données admissible (RPO)',
  ),
  description: text(
    'The most frequent backup of an asset or data set is older than the RPO of a business process that uses the data it holds. Replications and synchronisations do not count: they copy a deletion or an encryption as faithfully as the data.',
    'La sauvegarde la plus fréquente d’un actif ou d’un jeu de données est plus espacée que le RPO d’un processus métier qui utilise les données qu’il porte. Les réplications et synchronisations ne comptent pas : elles recopient une suppression ou un chiffrement aussi fidèlement que les données.',
  ),
  rationale: text(
    'After a loss, the data restored is as old as the last backup: with a weekly backup and a one-hour RPO, up to a week of work is lost, far beyond what the business accepted.',
    'Après un sinistre, les données restaurées ont l’âge de la dernière sauvegarde : avec une sauvegarde hebdomadaire et un RPO d’une heure, jusqu’à une semaine de travail est perdue, bien au-delà de ce que le métier a accepté.',
  ),
  remediation: text(
    'Back up at least as often as the strictest RPO (transaction-log backups, versioned snapshots kept off the production storage), or revise the RPO with the process owner; a replica alone does not meet it.',
    'Sauvegarder au moins aussi souvent que le RPO le plus strict (sauvegarde des journaux de transactions, instantanés versionnés conservés hors du stockage de production), ou réviser le RPO avec le responsable du processus ; une réplique seule ne le respecte pas.',
  ),
  falsePositives: text(
    'Transaction-log backups kept with their history but not declared: declare them as a backup (method backup) with their frequency. A replication is not one.',
    'Sauvegardes des journaux de transactions conservées avec leur historique mais non déclarées : les déclarer comme sauvegarde (method backup) avec leur fréquence. Une réplication n’en est pas une.',
  ),
  likelihood: 2,
  impact: ['availability', 'integrity'],
  references: {
    anssi: ['hygiene:37'],
    iso27002: ['8.13', '5.30'],
    attack: ['M1053'],
  },
  evaluate({ graph, analyses }) {
    const { backupCoverage } = analyses;
    const recovery = new Map(backupCoverage.processes.map((p) => [p.process, p]));
    return backupCoverage.protectedEntities.flatMap((id) => {
      const best = backupCoverage.coverage.get(id)?.best;
      if (best === undefined) return [];
      // the processes whose data (else assets) this holds, strictest RPO first
      const strict = (backupCoverage.relyingProcesses.get(id) ?? [])
        .map((process) => ({ process, minutes: recovery.get(process)?.rpo }))
        .filter((p): p is { process: string; minutes: number } => p.minutes !== undefined)
        .filter((p) => p.minutes < best.minutes)
        .sort((a, b) => a.minutes - b.minutes || (a.process < b.process ? -1 : 1));
      const worst = strict[0];
      if (worst === undefined) return [];
      const every = durationText(best.minutes);
      const rpo = durationText(worst.minutes);
      return [
        hit(
          id,
          text(
            `${label(graph, id)}: backup interval of ${every.en} at best (${best.backup}), but ${label(graph, worst.process)} accepts losing only ${rpo.en} of data (RPO).`,
            `${label(graph, id)} : intervalle de sauvegarde de ${every.fr} au mieux (${best.backup}), alors que ${label(graph, worst.process)} n’admet qu’une perte de ${rpo.fr} de données (RPO).`,
          ),
          { related: [best.backup, ...strict.map((p) => p.process)] },
        ),
      ];
    });
  },
};
