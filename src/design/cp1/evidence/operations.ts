import {
  declaresLogSources,
  isFlowEncrypted,
  LOGGING_EXPECTED_KINDS,
  type Backup,
} from '../../../domain/model/index.js';
import { analysesOf } from '../../analyses/index.js';
import { text } from '../../text.js';
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
    'Servers and workstations declared without EDR or antivirus',
    'Serveurs et postes déclarés sans EDR ni antivirus',
  ),
  ({ model }, e) => {
    const bare = model.assets.filter(
      (a) => (a.edr === false && a.antivirus !== true) || (a.antivirus === false && a.edr !== true),
    );
    return bare.length === 0
      ? []
      : [
          e.contradicts(
            bare.map((a) => a.id),
            `declared without EDR or antivirus: ${ids(bare.map((a) => a.id))}`,
            `déclarés sans EDR ni antivirus : ${ids(bare.map((a) => a.id))}`,
          ),
        ];
  },
);

export const sensitiveOverInternet = defineEvidenceCheck(
  'sensitive-over-internet',
  18,
  text(
    'Confidential data crossing the Internet unencrypted',
    'Données confidentielles traversant Internet en clair',
  ),
  ({ graph, model, needs }, e) => {
    const flows = model.flows.filter(
      (f) =>
        (isOutside(graph, f.from) || isOutside(graph, f.to)) &&
        !isFlowEncrypted(f) &&
        needs.max(f.data ?? [], ['confidentiality']) >= 3,
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
);

export const portableEncryption = defineEvidenceCheck(
  'portable-encryption',
  31,
  text('Encryption of laptops and mobiles', 'Chiffrement des portables et mobiles'),
  ({ model }, e) => {
    const portable = model.assets.filter((a) => a.kind === 'laptop' || a.kind === 'mobile');
    const clear = portable.filter((a) => a.encryptedStorage === false);
    const encrypted = portable.filter((a) => a.encryptedStorage === true);
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
);

export const unsupportedSystems = defineEvidenceCheck(
  'unsupported-systems',
  35,
  text(
    'Systems and software past their end of support',
    'Systèmes et logiciels dont le support a pris fin',
  ),
  ({ model, today }, e) =>
    model.assets.flatMap((asset) =>
      [...(asset.os ? [asset.os] : []), ...(asset.software ?? [])]
        .filter((s) => s.supportEnd !== undefined && s.supportEnd < today)
        .map((s) =>
          e.contradicts(
            [asset.id],
            `${asset.id} runs ${s.name}${s.version === undefined ? '' : ` ${s.version}`}, out of support since ${s.supportEnd ?? ''}`,
            `${asset.id} utilise ${s.name}${s.version === undefined ? '' : ` ${s.version}`}, hors support depuis le ${s.supportEnd ?? ''}`,
          ),
        ),
    ),
);

export const unloggedComponents = defineEvidenceCheck(
  'unlogged-components',
  36,
  text(
    'Important components that send no logs',
    'Composants importants qui n’envoient aucun journal',
  ),
  ({ model }, e) => {
    const important = model.assets.filter((a) => LOGGING_EXPECTED_KINDS.includes(a.kind));
    const silent = important.filter((a) => !declaresLogSources(a));
    const central = important.filter(
      (a) => declaresLogSources(a) && a.logging?.sendsTo !== undefined,
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
);

const isSafeCopy = (backup: Backup): boolean =>
  backup.offline === true || backup.immutable === true;

export const backupPolicy = defineEvidenceCheck(
  'backup-policy',
  37,
  text(
    'Critical assets and data without a backup, or only with online copies; restore tests',
    'Actifs et données critiques sans sauvegarde ou avec des copies en ligne seulement ; tests de restauration',
  ),
  ({ graph, model, needs }, e) => {
    const result: Evidence[] = [];
    const { coverage } = analysesOf(graph).backupCoverage;
    /** Copies of an asset, or of a data set and of the assets it is stored on. */
    const copiesOf = (id: string): readonly Backup[] => coverage.get(id)?.backups ?? [];
    const isCritical = (id: string): boolean => needs.max([id], ['availability', 'integrity']) >= 3;
    const criticalData = model.data.filter((d) => isCritical(d.id)).map((d) => d.id);
    const none = criticalData.filter((id) => copiesOf(id).length === 0);
    if (none.length > 0)
      result.push(
        e.contradicts(
          none,
          `critical data with no backup of it or of where it is stored: ${ids(none)}`,
          `données critiques sans sauvegarde, ni d’elles ni de leur support : ${ids(none)}`,
        ),
      );
    const critical = [...criticalData, ...model.assets.map((a) => a.id).filter(isCritical)];
    const onlineOnly = critical.filter((id) => {
      const backups = copiesOf(id);
      return backups.length > 0 && !backups.some(isSafeCopy);
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
      (b) => b.lastRestoreTest === undefined || b.lastRestoreTest.result === 'failure',
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
      (b) => isSafeCopy(b) && b.lastRestoreTest?.result === 'success',
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
);
