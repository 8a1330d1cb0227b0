/**
 * Ransomware from an entry point (an asset, usually a workstation): what the attacker controls
 * or can write to from it is encrypted, with the backups it reaches.
 *
 * Reach. The attack graph of the model (`buildAttackGraph` with `findThreatSources`) is built
 * once per graph and date (kept for the next scenarios on the same graph) and walked
 * breadth-first from the entry asset's node over its digraph (CSR), every edge of non-zero
 * probability: flows, administration interfaces, credentials stolen where identities log in and
 * used where they open something, remote-support sessions, hosts over their guests. Every reached
 * node is a place the attacker stands and goes on from (a foothold through a flow too). One walk,
 * O(nodes + edges); nothing else of the whole graph is computed (the directories are listed only
 * when an asset beyond the entry point is controlled, the backup exposures only when a backup's
 * storage is reached, the domain-joined assets only when a directory is controlled).
 *
 * Control. An asset is controlled when it is the entry point, when an edge giving administrator
 * control reaches it — an administration interface (`admin-interface`), a remote-access or
 * remote-support session (`remote-access`), a valid account (`valid-account`) from a right of
 * level `admin` — or when it runs on a controlled host (`hostedOn`, transitively: a guest's disk
 * is a file of its host). `via` names the element of the last step: the identity whose admin
 * right was used, the administration interface's asset, the host, the directory.
 *
 * What is encrypted (`lost`, cause `encrypted`):
 * - controlled assets with a general-purpose OS or storage (`ENCRYPTED_KINDS`): servers, virtual
 *   machines, hypervisors, directories, databases and applications, file, mail and backup
 *   servers, NAS/storage, workstations and laptops, SCADA and historians; and any asset running on
 *   a controlled host, whatever its kind;
 * - file shares written with the compromised identities' own rights (identities logging in on the
 *   entry point or reached): a file server or a storage/NAS that a right of level `user` or
 *   `admin` opens from where the attacker stands (`valid-account` of a `user` right) — mapped
 *   shares encrypted over SMB/NFS with the victim's rights, the commonest damage;
 * - the domain: when a directory (`directoriesOf`) is controlled (an admin right on it, its host,
 *   its administration interface), every asset joined to it (`authentication.method`
 *   `directory`) with a general-purpose OS is encrypted (`via`: the directory), and the walk goes
 *   on from them.
 * A flow alone (exploiting a service) or a `read` right gives a foothold, not encryption.
 *
 * Not encrypted:
 * - controlled network gear (firewall, switch, router, Wi-Fi, VPN, proxy…), printers, phones,
 *   PLCs, HMIs and other OT field devices and embedded devices: no general-purpose OS to encrypt;
 *   they are listed to check and reconfigure (`missing`, code `to-check`: compare with the saved
 *   configuration, change their administrator passwords), not rebuilt, so they do not weigh on
 *   the RTOs;
 * - SaaS and cloud services: a provider's service is not encrypted by a ransomware; when one is
 *   controlled (an admin right on it, its admin console), the tenant is compromised (`missing`,
 *   code `tenant-compromise`), a scenario of its own.
 *
 * Backups:
 * - offline copies survive; an immutable copy (not a replica, not a snapshot on the storage it
 *   protects — `isIsolatedCopy`) survives too, but when the attacker controls its storage (its
 *   target, the target's hosts, the backup servers writing to it) with the assumption that its
 *   immutability resists an administrator of that storage (compliance mode, retention lock);
 * - a replication or synchronisation is lost only if its source is encrypted (an asset it
 *   protects, or a data set stored on one): it copies the encryption; otherwise it survives;
 * - a snapshot on the storage it protects is lost only if that storage is encrypted;
 * - any other backup is lost when its storage is encrypted and, when the entry point is in an
 *   office, Wi-Fi or remote-access zone (`ATTACKER_ZONE_KINDS`), when the walk reaches its storage
 *   (a foothold is enough) and the backup assessment finds it exposed to that office
 *   (`assessBackups` exposure, worded by `describeExposure`) — the backup page's verdict, for
 *   what this ransomware reaches; the assessment runs only when such a backup exists.
 * The data of encrypted assets is gone (their data sets need a surviving copy).
 */
import { CLOUD_SERVICE_KINDS, type AssetKind } from '../../domain/model/index.js';
import { findThreatSources } from '../../design/attack/sources.js';
import { buildAttackGraph, type AttackGraph } from '../../design/attack/attack-graph.js';
import {
  isIsolatedCopy,
  isReplica,
  isSnapshotOnSameStorage,
} from '../../design/analyses/backup-coverage.js';
import { text, type LocalizedText } from '../../design/text.js';
import { isInZoneKind, label } from '../../model/predicates.js';
import {
  assessBackups,
  ATTACKER_ZONE_KINDS,
  describeExposure,
  type BackupExposure,
} from '../backups/assess.js';
import type { ModelGraph } from '../../model/graph.js';
import { directoriesOf } from './directory.js';
import { backupStorage, nameList } from './evaluate.js';
import type { LostAsset, MissingItem, ScenarioAssumption, ScenarioDefinition } from './types.js';

/**
 * The attack graph of a graph for a date, built once: a `ModelGraph` is frozen, so the saved
 * scenarios and every re-run on the same graph reuse it.
 */
const attackCache = new WeakMap<ModelGraph, Map<string, AttackGraph>>();
function attackGraphOf(graph: ModelGraph, today: string | undefined): AttackGraph {
  let byDate = attackCache.get(graph);
  if (byDate === undefined) {
    byDate = new Map();
    attackCache.set(graph, byDate);
  }
  const key = today ?? '';
  let attack = byDate.get(key);
  if (attack === undefined) {
    attack = buildAttackGraph(
      graph,
      findThreatSources(graph),
      today === undefined ? {} : { today },
    );
    byDate.set(key, attack);
  }
  return attack;
}

/** The backup exposures to the office zones, once per graph (the date plays no part in them). */
const exposureCache = new WeakMap<ModelGraph, ReadonlyMap<string, BackupExposure>>();
function exposuresOf(graph: ModelGraph): ReadonlyMap<string, BackupExposure> {
  let exposures = exposureCache.get(graph);
  if (exposures === undefined) {
    exposures = new Map(
      assessBackups(graph, { today: '1970-01-01' }).backups.map((b) => [b.backup, b]),
    );
    exposureCache.set(graph, exposures);
  }
  return exposures;
}

/** The directories of a graph, once per graph. */
const directoryCache = new WeakMap<ModelGraph, ReadonlySet<string>>();
function directorySet(graph: ModelGraph): ReadonlySet<string> {
  let found = directoryCache.get(graph);
  if (found === undefined) {
    found = new Set(directoriesOf(graph));
    directoryCache.set(graph, found);
  }
  return found;
}

/** Assets with a general-purpose OS or storage: what a ransomware encrypts (see the header). */
export const ENCRYPTED_KINDS: ReadonlySet<AssetKind> = new Set<AssetKind>([
  'server',
  'virtual-machine',
  'hypervisor',
  'directory',
  'siem',
  'log-collector',
  'backup-server',
  'storage',
  'database',
  'file-server',
  'mail-server',
  'application',
  'web-application',
  'service',
  'workstation',
  'laptop',
  'admin-workstation',
  'engineering-workstation',
  'scada',
  'historian',
]);

/** File shares: written with a user's own rights, they are encrypted with them. */
const SHARE_KINDS: ReadonlySet<AssetKind> = new Set<AssetKind>(['file-server', 'storage']);

/** Edge kinds that give administrator control of the asset they reach. */
const ADMIN_EDGES: ReadonlySet<string> = new Set(['admin-interface', 'remote-access']);

/** What a ransomware started on an entry point reaches (see the header). */
export interface RansomwareReach {
  /** Assets under the attacker's administrator control, with the element of the last step. */
  readonly controlled: ReadonlyMap<string, string | undefined>;
  /** File shares written with a compromised identity's own rights, with the identity. */
  readonly written: ReadonlyMap<string, string | undefined>;
  /** Encrypted assets (general-purpose OS or storage), with the element of the last step. */
  readonly encrypted: ReadonlyMap<string, string | undefined>;
  /** Controlled assets that cannot be encrypted: network gear, printers, OT field devices. */
  readonly toCheck: readonly string[];
  /** Controlled SaaS and cloud services: tenants compromised. */
  readonly tenants: readonly string[];
  /** Directories controlled: the domain is the attacker's. */
  readonly domains: readonly string[];
  /** Whether the walk reached an asset at all (a foothold is enough). */
  readonly reached: (id: string) => boolean;
}

/**
 * What a ransomware started on `entry` controls, writes and encrypts: one breadth-first walk of
 * the attack graph, resumed from the domain-joined assets when a directory falls.
 */
export function ransomwareReach(
  graph: ModelGraph,
  attack: AttackGraph,
  entry: string,
): RansomwareReach {
  const controlled = new Map<string, string | undefined>();
  const written = new Map<string, string | undefined>();
  const encrypted = new Map<string, string | undefined>();
  const toCheck: string[] = [];
  const tenants: string[] = [];
  const domains: string[] = [];
  const start = attack.indexOf.get(entry);
  const { digraph, nodes, edges } = attack;
  const seen = new Uint8Array(digraph.nodeCount);
  const reached = (id: string): boolean => seen[attack.indexOf.get(id) ?? -1] === 1;
  if (start === undefined)
    return { controlled, written, encrypted, toCheck, tenants, domains, reached };
  const queue = new Int32Array(digraph.nodeCount);
  let head = 0;
  let tail = 0;
  const visit = (v: number): void => {
    if (seen[v] === 0) {
      seen[v] = 1;
      queue[tail++] = v;
    }
  };
  const order: string[] = [];
  const control = (id: string, via: string | undefined): void => {
    if (controlled.has(id)) return;
    controlled.set(id, via);
    order.push(id);
  };
  const walk = (): void => {
    while (head < tail) {
      const v = queue[head++] as number;
      const end = digraph.outStart[v + 1] as number;
      for (let i = digraph.outStart[v] as number; i < end; i += 1) {
        const e = digraph.outEdges[i] as number;
        const edge = edges[e];
        if (edge === undefined || !(edge.probability > 0)) continue;
        const w = edge.to;
        const target = nodes[w];
        if (target?.kind === 'asset' && !controlled.has(target.entity)) {
          const from = nodes[v];
          if (
            ADMIN_EDGES.has(edge.kind) ||
            (edge.kind === 'valid-account' && from?.level === 'admin')
          )
            // the identity of a right, the hub's element (interface, remote access)
            control(target.entity, from?.entity);
          else if (
            edge.kind === 'valid-account' &&
            from?.level === 'user' &&
            !written.has(target.entity) &&
            SHARE_KINDS.has(graph.asset(target.entity)?.kind ?? 'other')
          )
            written.set(target.entity, from.entity);
        }
        visit(w);
      }
    }
  };
  let directories: ReadonlySet<string> | undefined;
  const isDirectory = (id: string): boolean => {
    // listed only once something beyond the entry point is controlled
    if (directories === undefined && order.length > 1) directories = directorySet(graph);
    return directories?.has(id) ?? graph.asset(id)?.kind === 'directory';
  };
  control(entry, undefined);
  visit(start);
  let classified = 0;
  for (;;) {
    walk();
    for (; classified < order.length; classified += 1) {
      const id = order[classified] as string;
      // guests of a controlled host: their disks are files of the host
      for (const guest of graph.hostedBy(id)) control(guest, id);
      const asset = graph.asset(id);
      if (asset === undefined) continue;
      if (CLOUD_SERVICE_KINDS.includes(asset.kind)) tenants.push(id);
      else if (
        ENCRYPTED_KINDS.has(asset.kind) ||
        (asset.hostedOn !== undefined && controlled.has(asset.hostedOn))
      )
        encrypted.set(id, controlled.get(id));
      else toCheck.push(id);
      if (isDirectory(id)) domains.push(id);
    }
    for (const [id, via] of written) if (!encrypted.has(id)) encrypted.set(id, via);
    if (domains.length === 0) break;
    // the domain falls: every asset joined to it with a general-purpose OS, and the walk goes
    // on from them (once: the next directories add no joined asset)
    const domain = domains[0] as string;
    let added = false;
    for (const asset of graph.model.assets) {
      if (
        asset.authentication?.method !== 'directory' ||
        controlled.has(asset.id) ||
        !ENCRYPTED_KINDS.has(asset.kind)
      )
        continue;
      control(asset.id, domain);
      const node = attack.indexOf.get(asset.id);
      if (node !== undefined) visit(node);
      added = true;
    }
    if (!added) break;
  }
  toCheck.sort();
  tenants.sort();
  domains.sort();
  return { controlled, written, encrypted, toCheck, tenants, domains, reached };
}

/** The assets a ransomware started on `entry` encrypts, with the element of the last step. */
export function encryptedFrom(
  graph: ModelGraph,
  attack: AttackGraph,
  entry: string,
): ReadonlyMap<string, string | undefined> {
  return ransomwareReach(graph, attack, entry).encrypted;
}

export const ransomware: ScenarioDefinition = {
  kind: 'ransomware',
  title: text('Ransomware', 'Rançongiciel'),
  models: text(
    'A ransomware starts on an asset: the servers, storage and workstations the attack graph reaches from it with administrator control or writes with stolen user rights are encrypted, with the backups it reaches; network and industrial devices are to be checked, cloud tenants reported compromised.',
    'Un rançongiciel démarre sur un actif : les serveurs, stockages et postes que le graphe d’attaque atteint depuis lui avec des droits d’administration, ou écrit avec des droits d’utilisateur volés, sont chiffrés, avec les sauvegardes qu’il atteint ; les équipements réseau et industriels sont à vérifier, les locataires cloud signalés compromis.',
  ),
  target: 'required',
  targetWord: text('asset (entry point)', 'actif (point d’entrée)'),
  titleOf: (target, name) =>
    text(`Ransomware from ${name(target ?? '')}`, `Rançongiciel depuis ${name(target ?? '')}`),
  strike(graph, target, options) {
    if (target === undefined || graph.asset(target) === undefined)
      return {
        error: text(
          `ransomware: ${target ?? '(none)'} is not an asset of the model (the entry point).`,
          `ransomware : ${target ?? '(aucun)'} n'est pas un actif du modèle (le point d'entrée).`,
        ),
      };
    const attack = attackGraphOf(graph, options.today);
    const reach = ransomwareReach(graph, attack, target);
    const lost: LostAsset[] = [...reach.encrypted]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([asset, via]) => ({
        asset,
        cause: 'encrypted',
        ...(via === undefined || via === asset ? {} : { via }),
      }));
    const destroyed = new Set(reach.encrypted.keys());
    const touched = (id: string): boolean =>
      destroyed.has(id) || (graph.data(id)?.storedOn ?? []).some((a) => destroyed.has(a));
    const administered = (id: string): boolean => reach.controlled.has(id) || destroyed.has(id);
    const assumptions: ScenarioAssumption[] = [
      {
        subject: target,
        message: text(
          `Encrypted: the entry point, the servers, storage and workstations the attack graph reaches from ${label(graph, target)} with administrator control (administration interface, admin account, host, remote session), the file shares the stolen accounts can write, and every domain-joined computer once a directory is controlled.`,
          `Chiffrés : le point d’entrée, les serveurs, stockages et postes que le graphe d’attaque atteint depuis ${label(graph, target)} avec des droits d’administration (interface d’administration, compte administrateur, hôte, session distante), les partages de fichiers où les comptes volés peuvent écrire, et tout ordinateur joint au domaine dès qu’un annuaire est pris.`,
        ),
      },
    ];
    const lostBackups = new Map<string, LocalizedText>();
    const survivingReasons = new Map<string, LocalizedText>();
    const undecided: string[] = [];
    for (const backup of graph.model.backups) {
      const protects = backup.protects.filter((id) => graph.has(id));
      const isolated =
        protects.length > 0 && protects.every((id) => isIsolatedCopy(graph, backup, id));
      if (isolated) {
        const held =
          backup.offline === true ? [] : backupStorage(graph, backup).filter(administered);
        if (held.length === 0) {
          survivingReasons.set(
            backup.id,
            backup.offline === true
              ? text(
                  'Offline copy: the ransomware cannot reach it.',
                  'Copie hors ligne : le rançongiciel ne peut pas l’atteindre.',
                )
              : text(
                  'Immutable copy on storage the attacker does not administer.',
                  'Copie immuable sur un stockage que l’attaquant n’administre pas.',
                ),
          );
          continue;
        }
        const names = held.map((id) => label(graph, id)).join(', ');
        survivingReasons.set(
          backup.id,
          text(
            `Immutable copy: survives if its immutability resists an administrator of ${names}.`,
            `Copie immuable : subsiste si son immuabilité résiste à un administrateur de ${names}.`,
          ),
        );
        assumptions.push({
          subject: backup.id,
          message: text(
            `${label(graph, backup.id)}: immutability assumed to resist an administrator of ${names} (compliance mode / retention lock).`,
            `${label(graph, backup.id)} : immuabilité supposée résister à un administrateur de ${names} (mode conformité / verrou de rétention).`,
          ),
        });
        continue;
      }
      if (isReplica(backup)) {
        // it copies its source: lost only when the source is encrypted
        if (protects.some(touched))
          lostBackups.set(
            backup.id,
            text(
              'A replication of encrypted data: it copies the encryption.',
              'Une réplication de données chiffrées : elle recopie le chiffrement.',
            ),
          );
        else
          survivingReasons.set(
            backup.id,
            text(
              'A replication of data the ransomware does not encrypt.',
              'Une réplication de données que le rançongiciel ne chiffre pas.',
            ),
          );
        continue;
      }
      const sameStorage = protects.filter((id) => isSnapshotOnSameStorage(graph, backup, id));
      if (sameStorage.length > 0) {
        if (sameStorage.some(touched))
          lostBackups.set(
            backup.id,
            text(
              'A snapshot on the encrypted storage it protects.',
              'Un instantané sur le stockage chiffré qu’il protège.',
            ),
          );
        else
          survivingReasons.set(
            backup.id,
            text(
              'A snapshot on storage the ransomware does not encrypt.',
              'Un instantané sur un stockage que le rançongiciel ne chiffre pas.',
            ),
          );
        continue;
      }
      const storage = backupStorage(graph, backup).filter((id) => destroyed.has(id));
      if (storage.length > 0) {
        const names = storage.map((id) => label(graph, id)).join(', ');
        lostBackups.set(
          backup.id,
          text(`Its storage is encrypted: ${names}.`, `Son stockage est chiffré : ${names}.`),
        );
      } else undecided.push(backup.id);
    }
    // the office's exposure, for the backups whose storage the walk reaches (computed only then)
    const fromOffice = isInZoneKind(graph, target, ATTACKER_ZONE_KINDS);
    const candidates = fromOffice
      ? undecided.filter((id) => {
          const backup = graph.backup(id);
          return backup !== undefined && backupStorage(graph, backup).some(reach.reached);
        })
      : [];
    const exposure = candidates.length > 0 ? exposuresOf(graph) : undefined;
    const inReach = new Set(candidates);
    for (const id of undecided) {
      const exposed = inReach.has(id) ? exposure?.get(id) : undefined;
      if (exposed?.exposed === true) {
        const why = describeExposure(graph, exposed.reasons);
        lostBackups.set(
          id,
          text(
            `Exposed to the office zones the ransomware starts from: ${why.en}.`,
            `Exposée aux zones bureautiques d’où part le rançongiciel : ${why.fr}.`,
          ),
        );
      } else
        survivingReasons.set(
          id,
          text('Not reached by the ransomware.', 'Non atteinte par le rançongiciel.'),
        );
    }

    const missing: MissingItem[] = [];
    if (reach.tenants.length > 0) {
      const names = nameList(graph, reach.tenants);
      missing.push({
        code: 'tenant-compromise',
        severity: 'critical',
        subjects: reach.tenants,
        message: text(
          `Tenant compromise: the attacker reaches administrator control of ${names.en}. A ransomware does not encrypt a provider's service, but its data can be deleted or stolen: revoke sessions and tokens, reset the administrator accounts, check retention and audit logs (a tenant takeover scenario of its own).`,
          `Compromission du locataire : l’attaquant obtient le contrôle administrateur de ${names.fr}. Un rançongiciel ne chiffre pas le service d’un fournisseur, mais ses données peuvent être supprimées ou volées : révoquer sessions et jetons, réinitialiser les comptes administrateurs, vérifier la rétention et les journaux d’audit (un scénario de prise de contrôle du locataire à part entière).`,
        ),
      });
    }
    if (reach.toCheck.length > 0) {
      const names = nameList(graph, reach.toCheck);
      missing.push({
        code: 'to-check',
        severity: 'medium',
        subjects: reach.toCheck,
        message: text(
          `To check and reconfigure: ${names.en}. The attacker holds their administration but they run no general-purpose OS to encrypt: compare their configuration with the saved one and change their administrator passwords (a short check, not a rebuild).`,
          `À vérifier et reconfigurer : ${names.fr}. L’attaquant tient leur administration mais ils n’ont pas de système d’exploitation généraliste à chiffrer : comparer leur configuration à celle sauvegardée et changer leurs mots de passe d’administration (une vérification courte, pas une reconstruction).`,
        ),
      });
    }
    return { lost, destroyed, lostBackups, survivingReasons, missing, assumptions };
  },
};
