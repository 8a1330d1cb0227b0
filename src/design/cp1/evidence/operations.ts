import {
  declaresLogSources,
  isFlowEncrypted,
  LOGGING_EXPECTED_KINDS,
  type Backup,
} from '../../../domain/model/index.js';
import { isIsolatedCopy } from '../../analyses/backup-coverage.js';
import { analysesOf } from '../../analyses/index.js';
import { assetWithoutLogs } from '../../rules/asset-without-logs.js';
import { backupNoOfflineCopy } from '../../rules/backup-no-offline-copy.js';
import { backupNotRestoreTested } from '../../rules/backup-not-restore-tested.js';
import { backupReplicationOnly } from '../../rules/backup-replication-only.js';
import { noEdr } from '../../rules/no-edr.js';
import { unencryptedSensitiveFlow } from '../../rules/unencrypted-sensitive-flow.js';
import { unprotectedCriticalAsset } from '../../rules/unprotected-critical-asset.js';
import { unsupportedOs } from '../../rules/unsupported-os.js';
import { unsupportedSoftware } from '../../rules/unsupported-software.js';
import { text } from '../../text.js';
import { gapEntities, gapEvidence, gapsItemised } from './gaps.js';
import { defineEvidenceCheck, ids, type Evidence } from './types.js';
import { isOutside } from '../../../model/predicates.js';

export const sensitiveInventory = defineEvidenceCheck(
  'sensitive-inventory',
  4,
  text(
    'Data sets rated with DICP needs and zones mapped with subnets',
    'Jeux de données notés en DICP et zones cartographiées avec leurs sous-réseaux',
  ),
  ({ model }, e) => {
    const rated = model.data.filter((d) => d.needs !== undefined);
    const mapped = model.zones.filter((z) => (z.subnets ?? []).length > 0);
    if (rated.length === 0 || mapped.length === 0) return [];
    return [
      e.supports(
        [...rated.map((d) => d.id)],
        `${rated.length} data sets rated with DICP needs and ${mapped.length} zones with subnets`,
        `${rated.length} jeux de données notés en DICP et ${mapped.length} zones avec sous-réseaux`,
      ),
    ];
  },
);

export const unprotectedHosts = defineEvidenceCheck(
  'unprotected-hosts',
  14,
  text(
    'Servers and workstations without EDR or antivirus',
    'Serveurs et postes sans EDR ni antivirus',
  ),
  (context, e) =>
    gapEvidence(
      context,
      [noEdr],
      e.contradicts,
      text('without EDR or antivirus', 'sans EDR ni antivirus'),
    ),
  { rules: [noEdr] },
);

export const sensitiveOverInternet = defineEvidenceCheck(
  'sensitive-over-internet',
  18,
  text(
    'Confidential data crossing the Internet unencrypted',
    'Données confidentielles traversant Internet en clair',
  ),
  (context, e) => {
    const { graph, model, needs } = context;
    const found = gapEntities(context, [unencryptedSensitiveFlow]);
    const flows = model.flows.filter(
      (f) =>
        (isOutside(graph, f.from) || isOutside(graph, f.to)) &&
        !isFlowEncrypted(f) &&
        needs.max(f.data ?? [], ['confidentiality']) >= 3 &&
        found.has(f.id),
    );
    return flows.length === 0
      ? []
      : [
          e.contradicts(
            flows.map((f) => f.id),
            `confidential data crosses the Internet unencrypted: ${ids(flows.map((f) => f.id))}`,
            `des données confidentielles traversent Internet en clair : ${ids(flows.map((f) => f.id))}`,
          ),
        ];
  },
  { rules: [unencryptedSensitiveFlow] },
);

export const portableEncryption = defineEvidenceCheck(
  'portable-encryption',
  31,
  text('Encryption of laptops and mobiles', 'Chiffrement des portables et mobiles'),
  ({ model }, e) => {
    const portable = model.assets.filter((a) => a.kind === 'laptop' || a.kind === 'mobile');
    const clear = portable.filter((a) => a.encryptedStorage === false);
    const encrypted = portable.filter(
      (a) => a.encryptedStorage === true && e.undisputed([a.id]).length > 0,
    );
    const result: Evidence[] = [];
    if (clear.length > 0)
      result.push(
        e.contradicts(
          clear.map((a) => a.id),
          `portable devices without storage encryption: ${ids(clear.map((a) => a.id))}`,
          `terminaux nomades sans chiffrement du stockage : ${ids(clear.map((a) => a.id))}`,
        ),
      );
    if (encrypted.length > 0)
      result.push(
        e.supports(
          encrypted.map((a) => a.id),
          `encrypted portable devices: ${ids(encrypted.map((a) => a.id))}`,
          `terminaux nomades chiffrés : ${ids(encrypted.map((a) => a.id))}`,
        ),
      );
    return result;
  },
  {
    unjudged: 'no rule judges the storage encryption of laptops and mobiles',
    unrelated: { 'backup-unencrypted': 'the encryption of backups, not of portable devices' },
  },
);

export const unsupportedSystems = defineEvidenceCheck(
  'unsupported-systems',
  35,
  text(
    'Systems and software past their end of support',
    'Systèmes et logiciels dont le support a pris fin',
  ),
  // the rules date support from the model and from the lifecycle table, with their exemptions
  (context, e) => gapsItemised(context, [unsupportedOs, unsupportedSoftware], e.contradicts),
  { rules: [unsupportedOs, unsupportedSoftware] },
);

export const unloggedComponents = defineEvidenceCheck(
  'unlogged-components',
  36,
  text(
    'Important components that send no logs',
    'Composants importants qui n’envoient aucun journal',
  ),
  (context, e) => {
    const { model } = context;
    const found = gapEntities(context, [assetWithoutLogs]);
    const important = model.assets.filter((a) => LOGGING_EXPECTED_KINDS.includes(a.kind));
    const silent = important.filter((a) => !declaresLogSources(a) && found.has(a.id));
    const central = important.filter(
      (a) =>
        declaresLogSources(a) &&
        a.logging?.sendsTo !== undefined &&
        e.undisputed([a.id]).length > 0,
    );
    const result: Evidence[] = [];
    if (silent.length > 0)
      result.push(
        e.contradicts(
          silent.map((a) => a.id),
          `${silent.length} of ${important.length} servers and security devices send no logs: ${ids(silent.map((a) => a.id))}`,
          `${silent.length} serveurs et équipements de sécurité sur ${important.length} n’envoient aucun journal : ${ids(silent.map((a) => a.id))}`,
        ),
      );
    if (central.length > 0)
      result.push(
        e.supports(
          central.map((a) => a.id),
          `${central.length} components send their logs to a collector`,
          `${central.length} composants envoient leurs journaux à un collecteur`,
        ),
      );
    return result;
  },
  { rules: [assetWithoutLogs] },
);

const BACKUP_RULES = [
  unprotectedCriticalAsset,
  backupReplicationOnly,
  backupNoOfflineCopy,
  backupNotRestoreTested,
];

export const backupPolicy = defineEvidenceCheck(
  'backup-policy',
  37,
  text(
    'Critical assets and data without a backup (a replica is none), or only with online copies; restore tests',
    'Actifs et données critiques sans sauvegarde (une réplication n’en est pas une) ou avec des copies en ligne seulement ; tests de restauration',
  ),
  (context, e) => {
    const { graph, model, needs } = context;
    const unprotected = gapEntities(context, [unprotectedCriticalAsset, backupReplicationOnly]);
    const online = gapEntities(context, [backupNoOfflineCopy, backupReplicationOnly]);
    const untestedGaps = gapEntities(context, [backupNotRestoreTested]);
    const result: Evidence[] = [];
    const { coverage } = analysesOf(graph).backupCoverage;
    /** Copies of an asset, or of a data set and of the assets it is stored on. */
    const copiesOf = (id: string): readonly Backup[] => coverage.get(id)?.backups ?? [];
    const isCritical = (id: string): boolean => needs.max([id], ['availability', 'integrity']) >= 3;
    const criticalData = model.data.filter((d) => isCritical(d.id)).map((d) => d.id);
    const critical = [...criticalData, ...model.assets.map((a) => a.id).filter(isCritical)];
    // a replica is no copy (backup-replication-only): what only replicas copy has no backup
    const none = critical.filter((id) => copiesOf(id).length === 0 && unprotected.has(id));
    if (none.length > 0)
      result.push(
        e.contradicts(
          none,
          `critical data or assets with no backup of them or of where they are stored: ${ids(none)}`,
          `données ou actifs critiques sans sauvegarde, ni d’eux ni de leur support : ${ids(none)}`,
        ),
      );
    const onlineOnly = critical.filter((id) => {
      const backups = copiesOf(id);
      return (
        backups.length > 0 && !backups.some((b) => isIsolatedCopy(graph, b, id)) && online.has(id)
      );
    });
    if (onlineOnly.length > 0)
      result.push(
        e.contradicts(
          onlineOnly,
          `critical assets or data backed up only online, with no offline or immutable copy: ${ids(onlineOnly)}`,
          `actifs ou données critiques sauvegardés uniquement en ligne, sans copie hors ligne ni immuable : ${ids(onlineOnly)}`,
        ),
      );
    const untested = model.backups.filter(
      (b) =>
        untestedGaps.has(b.id) &&
        (b.lastRestoreTest === undefined || b.lastRestoreTest.result === 'failure'),
    );
    if (untested.length > 0)
      result.push(
        e.contradicts(
          untested.map((b) => b.id),
          `backups never restore-tested or whose last test failed: ${ids(untested.map((b) => b.id))}`,
          `sauvegardes jamais testées en restauration ou dont le dernier test a échoué : ${ids(untested.map((b) => b.id))}`,
        ),
      );
    const good = model.backups.filter(
      (b) =>
        b.protects.some((id) => isIsolatedCopy(graph, b, id)) &&
        b.lastRestoreTest?.result === 'success' &&
        e.undisputed([b.id]).length > 0,
    );
    if (good.length > 0)
      result.push(
        e.supports(
          good.map((b) => b.id),
          `offline or immutable backups with a successful restore test: ${ids(good.map((b) => b.id))}`,
          `sauvegardes hors ligne ou immuables restaurées avec succès : ${ids(good.map((b) => b.id))}`,
        ),
      );
    return result;
  },
  { rules: BACKUP_RULES },
);
