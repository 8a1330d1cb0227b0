import type { Asset, AssetKind, Process } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { hit, type Level, type Rule, type RuleHit } from '../rule.js';
import { text, type LocalizedText } from '../text.js';
import { durationText, list, minutesOf } from './support-resilience.js';
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

const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * Time to repair or replace an asset when the model does not declare `repairTime`: an assumption
 * shown in the finding. Software and virtual machines are rebuilt and restored on another host
 * (8 h); network and security appliances are swapped from a supplier's stock (1 day); physical
 * servers and storage wait for a part under next-business-day support and are rebuilt (2 days);
 * industrial supervision and medical equipment need the vendor's technician (3 and 5 days).
 */
export const DEFAULT_REPAIR_MINUTES: Readonly<Partial<Record<AssetKind, number>>> = {
  'virtual-machine': 8 * HOUR,
  application: 8 * HOUR,
  'web-application': 8 * HOUR,
  service: 8 * HOUR,
  database: 8 * HOUR,
  directory: 8 * HOUR,
  firewall: DAY,
  router: DAY,
  switch: DAY,
  'vpn-gateway': DAY,
  'wifi-controller': DAY,
  proxy: DAY,
  'reverse-proxy': DAY,
  'load-balancer': DAY,
  ids: DAY,
  scada: 3 * DAY,
  historian: 3 * DAY,
  'ot-gateway': 3 * DAY,
  'medical-device': 5 * DAY,
  'imaging-modality': 5 * DAY,
};

/** Default for kinds not listed above: a physical server waiting for a part, then rebuilt. */
const DEFAULT_REPAIR_OTHER = 2 * DAY;

/** How long the asset is down after a failure, and whether the model says so or we assume it. */
function repairOf(asset: Asset): { readonly minutes: number; readonly declared: boolean } {
  const declared = minutesOf(asset.repairTime);
  if (declared !== undefined) return { minutes: declared, declared: true };
  return { minutes: DEFAULT_REPAIR_MINUTES[asset.kind] ?? DEFAULT_REPAIR_OTHER, declared: false };
}

/** Worst first: the repair exceeds the MTPD (or the RTO of a critical process), the RTO, fits. */
type Verdict = 'critical' | 'exceeds-rto' | 'unknown-rto' | 'within-rto';
const VERDICT_RANK: Readonly<Record<Verdict, number>> = {
  critical: 0,
  'exceeds-rto': 1,
  'unknown-rto': 2,
  'within-rto': 3,
};

/** Likelihood and impact per verdict (severity = their product): critical, high, rule default, low. */
const VERDICT_LEVELS: Readonly<
  Record<Exclude<Verdict, 'unknown-rto'>, { likelihood: Level; impact: Level }>
> = {
  critical: { likelihood: 4, impact: 4 },
  'exceeds-rto': { likelihood: 3, impact: 3 },
  'within-rto': { likelihood: 1, impact: 3 },
};

function verdictOf(process: Process, repair: number): Verdict {
  const rto = minutesOf(process.rto);
  const mtpd = minutesOf(process.mtpd);
  if (mtpd !== undefined && repair > mtpd) return 'critical';
  if (rto === undefined) return 'unknown-rto';
  if (repair <= rto) return 'within-rto';
  return process.needs?.availability === 4 ? 'critical' : 'exceeds-rto';
}

/** The repair time against the most demanding process, for the finding's text and severity. */
function weigh(
  graph: ModelGraph,
  asset: Asset,
  processIds: readonly string[],
): { readonly detail: LocalizedText; readonly options: Partial<RuleHit> } {
  const repair = repairOf(asset);
  const processes = processIds
    .map((id) => graph.process(id))
    .filter((p): p is Process => p !== undefined)
    .map((process) => ({ process, verdict: verdictOf(process, repair.minutes) }))
    .sort(
      (a, b) =>
        VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] ||
        (minutesOf(a.process.rto) ?? Infinity) - (minutesOf(b.process.rto) ?? Infinity) ||
        (a.process.id < b.process.id ? -1 : 1),
    );
  const worst = processes[0];
  const time = durationText(repair.minutes);
  const kind = asset.kind;
  const source = repair.declared
    ? { en: 'declared', fr: 'déclarée' }
    : {
        en: `assumed for kind ${kind}: declare repairTime`,
        fr: `supposée pour le type ${kind} : déclarer repairTime`,
      };
  const head = {
    en: ` Repair or replacement: ${time.en} (${source.en})`,
    fr: ` Réparation ou remplacement : ${time.fr} (${source.fr})`,
  };
  if (worst === undefined || worst.verdict === 'unknown-rto')
    return {
      detail: text(
        `${head.en}; no RTO stated to weigh it against.`,
        `${head.fr} ; aucun RTO indiqué pour la comparer.`,
      ),
      options: {},
    };
  const { process, verdict } = worst;
  const rto = durationText(minutesOf(process.rto) ?? 0);
  const mtpdMinutes = minutesOf(process.mtpd);
  const name = label(graph, process.id);
  const detail =
    verdict === 'within-rto'
      ? text(
          `${head.en}, within the RTO of ${rto.en} of ${name}.`,
          `${head.fr}, dans le RTO de ${rto.fr} de ${name}.`,
        )
      : mtpdMinutes !== undefined && repair.minutes > mtpdMinutes
        ? text(
            `${head.en}, beyond the maximum tolerable period of disruption of ${durationText(mtpdMinutes).en} of ${name}.`,
            `${head.fr}, au-delà de la durée maximale d’interruption admissible (MTPD) de ${durationText(mtpdMinutes).fr} de ${name}.`,
          )
        : text(
            `${head.en}, beyond the RTO of ${rto.en} of ${name}${verdict === 'critical' ? ', a critical process' : ''}.`,
            `${head.fr}, au-delà du RTO de ${rto.fr} de ${name}${verdict === 'critical' ? ', processus critique' : ''}.`,
          );
  return { detail, options: VERDICT_LEVELS[verdict] };
}

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
    'A process whose availability need is 3 or more rests on an asset (directly, through the data it uses, or as the host of such an asset) that has no redundancy. The severity weighs the asset’s repair time (declared, else a default per kind) against the RTO and MTPD of the most demanding process: beyond the RTO it is high, beyond the MTPD or for a critical process critical, within the RTO low.',
    'Un processus dont le besoin de disponibilité vaut 3 ou plus repose sur un actif (directement, par les données qu’il utilise, ou comme hôte d’un tel actif) sans aucune redondance. La gravité compare le délai de réparation de l’actif (déclaré, sinon une valeur par défaut selon son type) au RTO et à la durée maximale d’interruption admissible (MTPD) du processus le plus exigeant : au-delà du RTO elle est élevée, au-delà de la MTPD ou pour un processus critique critique, dans le RTO faible.',
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
    'A virtual machine on a failover cluster is treated as redundant unless its mode is none; a spare kept in stock counts as cold-standby: declare it. A maintenance contract with a guaranteed time to repair shortens the outage: declare it as repairTime rather than relying on the default.',
    'Une machine virtuelle sur une grappe à bascule est considérée comme redondée sauf mode none ; un matériel de rechange en stock vaut cold-standby : le déclarer. Un contrat de maintenance avec garantie de temps de rétablissement raccourcit l’arrêt : le déclarer dans repairTime plutôt que de s’en remettre à la valeur par défaut.',
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
      const weighed = weigh(graph, asset, processes);
      return [
        hit(
          id,
          text(
            `${label(graph, id)} has no redundancy${mode === undefined ? ' declared' : ' (mode none)'}; processes relying on it${hosted.length > 0 ? ` through ${list(hosted)}` : ''}: ${list(processes)}.${weighed.detail.en}`,
            `${label(graph, id)} n’a aucune redondance${mode === undefined ? ' déclarée' : ' (mode none)'} ; processus qui en dépendent${hosted.length > 0 ? ` via ${list(hosted)}` : ''} : ${list(processes)}.${weighed.detail.fr}`,
          ),
          { ...weighed.options, related: [...processes, ...hosted] },
        ),
      ];
    });
  },
};
