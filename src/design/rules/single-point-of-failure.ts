import type { Asset, AssetKind } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { list } from './support-resilience.js';
import { label } from '../../model/predicates.js';

/** Kinds not reported: endpoints, field devices and services whose redundancy is the provider’s. */
const EXCLUDED_KINDS: readonly AssetKind[] = [
  'workstation',
  'laptop',
  'admin-workstation',
  'engineering-workstation',
  'mobile',
  'printer',
  'iot',
  'camera',
  'plc',
  'hmi',
  'rtu',
  'safety-system',
  'saas',
  'cloud-service',
];

const isRedundant = (asset: Asset): boolean =>
  asset.redundancy !== undefined && asset.redundancy.mode !== 'none';

/**
 * True when the asset has no failover: its own redundancy is missing or `none`, and (for a
 * virtual machine without a declared mode) no host under it fails over either.
 */
function isSinglePoint(graph: ModelGraph, asset: Asset): boolean {
  if (isRedundant(asset) || (asset.count ?? 1) > 1) return false;
  if (asset.redundancy?.mode === 'none') return true;
  const hosts = graph.hostsOf(asset.id).map((id) => graph.asset(id));
  return !hosts.some((host) => host !== undefined && isRedundant(host));
}

export const singlePointOfFailure: Rule = {
  id: 'single-point-of-failure',
  family: 'backups-resilience',
  title: text(
    'Critical process resting on a single point of failure',
    'Processus critique reposant sur un point unique de défaillance',
  ),
  description: text(
    'A process whose availability need is 3 or more rests on an asset (directly, through the data it uses, or as the host of such an asset) that has no redundancy.',
    'Un processus dont le besoin de disponibilité vaut 3 ou plus repose sur un actif (directement, par les données qu’il utilise, ou comme hôte d’un tel actif) sans aucune redondance.',
  ),
  rationale: text(
    'One hardware fault, one corrupted disk or one ransomware infection on that asset stops the whole process for the time of a full rebuild, often beyond its RTO.',
    'Une seule panne matérielle, un disque corrompu ou une infection par rançongiciel sur cet actif arrête tout le processus le temps d’une reconstruction complète, souvent au-delà de son RTO.',
  ),
  remediation: text(
    'Add a standby (cold spare, cluster, replica on another host) sized for the RTO, or document and test a degraded mode that keeps the process running without the asset.',
    'Ajouter un secours (matériel de rechange, grappe, réplique sur un autre hôte) dimensionné pour le RTO, ou documenter et tester un mode dégradé qui maintient le processus sans l’actif.',
  ),
  falsePositives: text(
    'A virtual machine on a failover cluster is treated as redundant unless its mode is none; a spare kept in stock counts as cold-standby: declare it.',
    'Une machine virtuelle sur une grappe à bascule est considérée comme redondée sauf mode none ; un matériel de rechange en stock vaut cold-standby : le déclarer.',
  ),
  likelihood: 2,
  impact: ['availability'],
  references: {
    anssi: ['hygiene:37', 'interco:R17'],
    iso27002: ['8.14', '5.30'],
    attack: ['M1053'],
  },
  evaluate({ model, graph }) {
    const processesOf = new Map<string, Set<string>>();
    const via = new Map<string, Set<string>>();
    const add = (map: Map<string, Set<string>>, key: string, value: string): void => {
      const set = map.get(key) ?? new Set<string>();
      set.add(value);
      map.set(key, set);
    };
    for (const process of model.processes) {
      if ((process.needs?.availability ?? 0) < 3) continue;
      const direct = new Set(process.assets ?? []);
      for (const set of process.data ?? [])
        for (const asset of graph.data(set)?.storedOn ?? []) direct.add(asset);
      for (const assetId of direct) {
        for (const id of [assetId, ...graph.hostsOf(assetId)]) {
          add(processesOf, id, process.id);
          if (id !== assetId) add(via, id, assetId);
        }
      }
    }
    return [...processesOf.keys()].sort().flatMap((id) => {
      const asset = graph.asset(id);
      if (asset === undefined || EXCLUDED_KINDS.includes(asset.kind)) return [];
      if (!isSinglePoint(graph, asset)) return [];
      const processes = [...(processesOf.get(id) ?? [])].sort();
      const hosted = [...(via.get(id) ?? [])].sort();
      const mode = asset.redundancy?.mode === 'none' ? 'none' : undefined;
      return [
        hit(
          id,
          text(
            `${label(graph, id)} has no redundancy${mode === undefined ? ' declared' : ' (mode none)'}; processes relying on it${hosted.length > 0 ? ` through ${list(hosted)}` : ''}: ${list(processes)}.`,
            `${label(graph, id)} n’a aucune redondance${mode === undefined ? ' déclarée' : ' (mode none)'} ; processus qui en dépendent${hosted.length > 0 ? ` via ${list(hosted)}` : ''} : ${list(processes)}.`,
          ),
          { related: [...processes, ...hosted] },
        ),
      ];
    });
  },
};
