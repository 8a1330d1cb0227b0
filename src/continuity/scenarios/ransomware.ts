/**
 * Ransomware from an entry point (an asset, usually a workstation): what the attacker reaches from
 * it with administrator control is encrypted, with the backups it reaches.
 *
 * How, precisely:
 * - The attack graph of the model (`buildAttackGraph` with `findThreatSources`) is built once per
 *   graph and date (kept for the next scenarios on the same graph) and walked breadth-first from the entry asset's node over its digraph (CSR), every edge of non-zero
 *   probability: flows, administration interfaces, credentials stolen where identities log in and
 *   used where they open something, remote-support sessions, hosts over their guests. Every
 *   reached node is a place the attacker stands and goes on from (a foothold through a flow too).
 * - An asset is encrypted when it is the entry point or when an edge giving administrator control
 *   reaches it: an administration interface (`admin-interface`), a host over its guest
 *   (`hosting`), a remote-access or remote-support session (`remote-access`), or a valid account
 *   (`valid-account`) from a right of level `admin`. A flow alone (exploiting a service) or a
 *   user or read right gives a foothold, not the control to encrypt the whole system: such assets
 *   are walked through but not counted as encrypted. `via` names the element of the last step: the
 *   identity whose admin right was used, the administration interface's asset, the host.
 * - A backup is lost unless it is an isolated copy (offline or immutable, not a replica, not a
 *   snapshot on the storage it protects — `isIsolatedCopy`): when its storage (target, the
 *   target's hosts, the backup servers writing to it) is encrypted; when it is a replication or a
 *   synchronisation of an encrypted asset or of data on one (it copies the encryption); when it is
 *   a snapshot on an encrypted storage it protects; and, when the entry point is in an office,
 *   Wi-Fi or remote-access zone (`ATTACKER_ZONE_KINDS`), when the backup assessment finds it
 *   exposed to that office (`assessBackups` exposure, worded by `describeExposure`) — the same
 *   verdict as the backup page, so the two never disagree.
 * - The data of encrypted assets is gone (their data sets need a surviving copy).
 */
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
import { backupStorage } from './evaluate.js';
import type { LostAsset, ScenarioDefinition } from './types.js';

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

/** Edge kinds that give administrator control of the asset they reach. */
const ADMIN_EDGES: ReadonlySet<string> = new Set(['admin-interface', 'hosting', 'remote-access']);

/**
 * Assets encrypted by a ransomware started on `entry`, with the element of the step that gave
 * control (none for the entry itself). Breadth-first over the digraph: O(nodes + edges).
 */
export function encryptedFrom(attack: AttackGraph, entry: string): Map<string, string | undefined> {
  const encrypted = new Map<string, string | undefined>();
  const start = attack.indexOf.get(entry);
  if (start === undefined) return encrypted;
  encrypted.set(entry, undefined);
  const { digraph, nodes, edges } = attack;
  const seen = new Uint8Array(digraph.nodeCount);
  const queue = new Int32Array(digraph.nodeCount);
  let head = 0;
  let tail = 0;
  queue[tail++] = start;
  seen[start] = 1;
  while (head < tail) {
    const v = queue[head++] as number;
    const end = digraph.outStart[v + 1] as number;
    for (let i = digraph.outStart[v] as number; i < end; i += 1) {
      const e = digraph.outEdges[i] as number;
      const edge = edges[e];
      if (edge === undefined || !(edge.probability > 0)) continue;
      const w = edge.to;
      const target = nodes[w];
      if (target?.kind === 'asset' && !encrypted.has(target.entity)) {
        const from = nodes[v];
        const admin =
          ADMIN_EDGES.has(edge.kind) || (edge.kind === 'valid-account' && from?.level === 'admin');
        if (admin) {
          // the identity of a right, the host, the hub's element (interface, remote access)
          encrypted.set(target.entity, from?.entity);
        }
      }
      if (seen[w] === 0) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return encrypted;
}

export const ransomware: ScenarioDefinition = {
  kind: 'ransomware',
  title: text('Ransomware', 'Rançongiciel'),
  models: text(
    'A ransomware starts on an asset: everything the attack graph reaches from it with administrator control is encrypted, with the backups it reaches.',
    'Un rançongiciel démarre sur un actif : tout ce que le graphe d’attaque atteint depuis lui avec des droits d’administration est chiffré, avec les sauvegardes qu’il atteint.',
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
    const today = options.today;
    const attack = attackGraphOf(graph, today);
    const encrypted = encryptedFrom(attack, target);
    const lost: LostAsset[] = [...encrypted].map(([asset, via]) => ({
      asset,
      cause: 'encrypted',
      ...(via === undefined || via === asset ? {} : { via }),
    }));
    const destroyed = new Set(encrypted.keys());
    const touched = (id: string): boolean =>
      destroyed.has(id) || (graph.data(id)?.storedOn ?? []).some((a) => destroyed.has(a));
    const fromOffice = isInZoneKind(graph, target, ATTACKER_ZONE_KINDS);
    const exposure = fromOffice ? exposuresOf(graph) : undefined;
    const lostBackups = new Map<string, LocalizedText>();
    const survivingReasons = new Map<string, LocalizedText>();
    for (const backup of graph.model.backups) {
      const protects = backup.protects.filter((id) => graph.has(id));
      const isolated =
        protects.length > 0 && protects.every((id) => isIsolatedCopy(graph, backup, id));
      if (isolated) {
        survivingReasons.set(
          backup.id,
          text(
            'Offline or immutable copy: the ransomware cannot encrypt it.',
            'Copie hors ligne ou immuable : le rançongiciel ne peut pas la chiffrer.',
          ),
        );
        continue;
      }
      const storage = backupStorage(graph, backup).filter((id) => destroyed.has(id));
      const exposed = exposure?.get(backup.id);
      let reason: LocalizedText | undefined;
      if (isReplica(backup) && protects.some(touched))
        reason = text(
          'A replication of encrypted data: it copies the encryption.',
          'Une réplication de données chiffrées : elle recopie le chiffrement.',
        );
      else if (protects.some((id) => touched(id) && isSnapshotOnSameStorage(graph, backup, id)))
        reason = text(
          'A snapshot on the encrypted storage it protects.',
          'Un instantané sur le stockage chiffré qu’il protège.',
        );
      else if (storage.length > 0) {
        const names = storage.map((id) => label(graph, id)).join(', ');
        reason = text(
          `Its storage is encrypted: ${names}.`,
          `Son stockage est chiffré : ${names}.`,
        );
      } else if (exposed?.exposed === true) {
        const why = describeExposure(graph, exposed.reasons);
        reason = text(
          `Exposed to the office zones the ransomware starts from: ${why.en}.`,
          `Exposée aux zones bureautiques d’où part le rançongiciel : ${why.fr}.`,
        );
      }
      if (reason !== undefined) lostBackups.set(backup.id, reason);
      else
        survivingReasons.set(
          backup.id,
          text('Not reached by the ransomware.', 'Non atteinte par le rançongiciel.'),
        );
    }
    return {
      lost,
      destroyed,
      lostBackups,
      survivingReasons,
      assumptions: [
        {
          subject: target,
          message: text(
            `Encrypted: the entry point and what the attack graph reaches from ${label(graph, target)} with administrator control (administration interface, admin account, host, remote session).`,
            `Chiffré : le point d’entrée et ce que le graphe d’attaque atteint depuis ${label(graph, target)} avec des droits d’administration (interface d’administration, compte administrateur, hôte, session distante).`,
          ),
        },
      ],
    };
  },
};
