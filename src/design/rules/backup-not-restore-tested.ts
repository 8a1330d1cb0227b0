import { isReplica } from '../analyses/backup-coverage.js';
import { hit, type Rule } from '../rule.js';
import { text, type LocalizedText } from '../text.js';
import { addMonths } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const backupNotRestoreTested: Rule = {
  id: 'backup-not-restore-tested',
  family: 'backups-resilience',
  title: text(
    'Backup without a recent successful restore test',
    'Sauvegarde sans test de restauration récent et réussi',
  ),
  description: text(
    'A backup has never been restored in a test, its last test failed or was partial, or the last test is more than one year old.',
    'Une sauvegarde n’a jamais été restaurée lors d’un test, son dernier test a échoué ou n’a été que partiel, ou il date de plus d’un an.',
  ),
  rationale: text(
    'An untested backup is a hope, not a recovery plan: missing files, lost encryption keys, undocumented procedures and restore times far beyond the RTO are found during the crisis.',
    'Une sauvegarde non testée est un espoir, pas un plan de reprise : fichiers manquants, clés de chiffrement perdues, procédures non documentées et durées de restauration bien au-delà du RTO se découvrent pendant la crise.',
  ),
  remediation: text(
    'Restore the backup in an isolated environment at least once a year (and after every change of the backup chain), check the data and the time taken against the RTO, and record the result.',
    'Restaurer la sauvegarde dans un environnement isolé au moins une fois par an (et après chaque changement de la chaîne de sauvegarde), vérifier les données et la durée au regard du RTO, et consigner le résultat.',
  ),
  falsePositives: text(
    'A test done but not recorded in the model: fill in lastRestoreTest.',
    'Test réalisé mais non consigné dans le modèle : renseigner lastRestoreTest.',
  ),
  likelihood: 3,
  impact: ['availability', 'integrity'],
  references: {
    anssi: ['hygiene:37'],
    iso27002: ['8.13', '5.30'],
    attack: ['M1053'],
  },
  evaluate({ model, graph, today }) {
    const yearAgo = addMonths(today, -12);
    // a replica restores nothing: backup-replication-only reports what only a replica copies
    return model.backups.flatMap((backup) => {
      if (isReplica(backup)) return [];
      const test = backup.lastRestoreTest;
      const name = label(graph, backup.id);
      let detail: LocalizedText;
      let likelihood: 2 | 3 = 3;
      if (test === undefined) {
        detail = text(
          `${name} has never been tested by a restore.`,
          `${name} n’a jamais été testée en restauration.`,
        );
      } else if (test.result === 'failure') {
        detail = text(
          `The last restore test of ${name} (${test.date}) failed.`,
          `Le dernier test de restauration de ${name} (${test.date}) a échoué.`,
        );
      } else if (test.result === 'partial') {
        likelihood = 2;
        detail = text(
          `The last restore test of ${name} (${test.date}) was only partial.`,
          `Le dernier test de restauration de ${name} (${test.date}) n’a été que partiel.`,
        );
      } else if (test.date < yearAgo) {
        likelihood = 2;
        detail = text(
          `The last restore test of ${name} dates from ${test.date}, more than one year ago.`,
          `Le dernier test de restauration de ${name} date du ${test.date}, il y a plus d’un an.`,
        );
      } else {
        return [];
      }
      return [
        hit(backup.id, detail, {
          related: backup.protects.filter((id) => graph.has(id)),
          likelihood,
        }),
      ];
    });
  },
};
