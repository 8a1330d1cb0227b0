import { STATEFUL_KINDS } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { list } from './support-resilience.js';
import { dataStoredOn, label } from '../../model/predicates.js';

export const unprotectedCriticalAsset: Rule = {
  id: 'unprotected-critical-asset',
  family: 'backups-resilience',
  title: text(
    'Critical asset covered by no backup',
    'Actif critique couvert par aucune sauvegarde',
  ),
  description: text(
    'A server, application, database, cloud service or supervision asset whose availability or integrity need is 3 or more (inherited from the processes and data it supports) is protected by no backup, neither directly nor through the data sets stored on it.',
    'Un serveur, une application, une base de données, un service en nuage ou un actif de supervision dont le besoin de disponibilité ou d’intégrité vaut 3 ou plus (hérité des processus et des données qu’il supporte) n’est protégé par aucune sauvegarde, ni directement ni au travers des données qu’il stocke.',
  ),
  rationale: text(
    'A ransomware attack, a failed update or a hardware fault on such an asset stops or corrupts an important process with nothing to restore from.',
    'Un rançongiciel, une mise à jour ratée ou une panne matérielle sur un tel actif arrête ou corrompt un processus important sans rien à restaurer.',
  ),
  remediation: text(
    'Add the asset (system, configuration and data) to a backup policy that meets its RPO, with an offline or immutable copy; for SaaS, use an export or a third-party backup of the tenant.',
    'Intégrer l’actif (système, configuration et données) à une politique de sauvegarde respectant son RPO, avec une copie hors ligne ou immuable ; pour un SaaS, prévoir un export ou une sauvegarde tierce du locataire.',
  ),
  falsePositives: text(
    'Stateless assets that are rebuilt from a template or an installation script: accept the finding and describe the rebuild procedure. Backup repositories (the target of a backup) are left to the rules on copies (offline, immutable, on another site).',
    'Actifs sans état reconstruits à partir d’un modèle ou d’un script d’installation : accepter le constat en décrivant la procédure de reconstruction. Les dépôts de sauvegarde (cible d’une sauvegarde) relèvent des règles sur les copies (hors ligne, immuable, autre site).',
  ),
  likelihood: 3,
  impact: ['availability', 'integrity'],
  references: {
    anssi: ['hygiene:37'],
    iso27002: ['8.13'],
    attack: ['T1486', 'T1485', 'M1053'],
  },
  evaluate({ model, graph, needs }) {
    // a backup repository is judged by the rules on its copies (offline, immutable, other site)
    const backupTargets = new Set(model.backups.flatMap((backup) => backup.target ?? []));
    return model.assets
      .filter((asset) => STATEFUL_KINDS.includes(asset.kind))
      .filter((asset) => !backupTargets.has(asset.id))
      .filter((asset) => needs.max([asset.id], ['availability', 'integrity']) >= 3)
      .filter((asset) => graph.backupsOf(asset.id).length === 0)
      .filter((asset) =>
        dataStoredOn(graph, asset.id).every((data) => graph.backupsOf(data.id).length === 0),
      )
      .map((asset) => {
        const need = needs.of(asset.id);
        const source =
          need.availability.level >= need.integrity.level ? need.availability : need.integrity;
        const stored = dataStoredOn(graph, asset.id).map((data) => data.id);
        return hit(
          asset.id,
          text(
            `${label(graph, asset.id)} has no backup (availability ${String(need.availability.level)}, integrity ${String(need.integrity.level)}${source.source === undefined ? '' : `, from ${source.source}`})${stored.length > 0 ? `; data stored: ${list(stored)}` : ''}.`,
            `${label(graph, asset.id)} n’a aucune sauvegarde (disponibilité ${String(need.availability.level)}, intégrité ${String(need.integrity.level)}${source.source === undefined ? '' : `, hérités de ${source.source}`})${stored.length > 0 ? ` ; données stockées : ${list(stored)}` : ''}.`,
          ),
          { related: stored },
        );
      });
  },
};
