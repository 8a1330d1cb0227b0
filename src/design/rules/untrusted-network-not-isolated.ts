import { type NeedCriterion } from '../../domain/model/index.js';
import { hit, type Level, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import {
  impactLevel,
  list,
  named,
  protocolPort,
  unique,
  zoneKindText,
} from './support-exposure.js';
import { isDeviceNetwork, isInwardReach, untrustedNetworkOf } from './support-tiers.js';
import { assetsAt, filteringDevices, isWithinZone } from '../../model/predicates.js';

const ALL_CRITERIA: readonly NeedCriterion[] = ['confidentiality', 'integrity', 'availability'];

export const untrustedNetworkNotIsolated: Rule = {
  id: 'untrusted-network-not-isolated',
  family: 'segmentation',
  title: text(
    'IoT or untrusted network reaching the internal network',
    'Réseau d’objets connectés ou non maîtrisé atteignant le réseau interne',
  ),
  description: text(
    'An IoT zone, or a zone declared untrusted (a network the organisation does not control), has flows to internal zones or assets, or is allowed on their administration interfaces. IoT zones talking to other device zones and flows to the Internet are left out.',
    'Une zone d’objets connectés, ou une zone déclarée non maîtrisée (réseau que l’organisation ne contrôle pas), a des flux vers des zones ou actifs internes, ou accède à leurs interfaces d’administration. Les échanges entre zones d’équipements et les flux vers Internet sont écartés.',
  ),
  rationale: text(
    'Connected objects (cameras, building management, sensors) run vendor firmware that is rarely patched, often with default credentials, and untrusted networks are open to people the organisation does not know: a foothold there must lead nowhere else. The more valuable what they reach, the worse the consequence.',
    'Les objets connectés (caméras, gestion technique du bâtiment, capteurs) embarquent un micrologiciel rarement mis à jour, souvent avec des identifiants par défaut, et les réseaux non maîtrisés sont ouverts à des personnes que l’organisation ne connaît pas : une tête de pont là ne doit mener nulle part ailleurs. Plus ce qu’ils atteignent a de valeur, plus la conséquence est grave.',
  ),
  remediation: text(
    'Keep the zone in its own VLAN behind a firewall; allow only the flows the devices need (to their management server, ideally placed in the device zone itself), on their ports, and block everything else towards the internal zones.',
    'Maintenir la zone dans un VLAN dédié derrière un pare-feu ; n’autoriser que les flux nécessaires aux équipements (vers leur serveur de gestion, idéalement placé dans la zone d’équipements elle-même), sur leurs seuls ports, et bloquer tout le reste vers les zones internes.',
  ),
  falsePositives: text(
    'A needed flow to a management server in the server zone (video recorder, building management supervision) is reported, with a lower likelihood when a firewall filters it: accept it with that justification, or move the server into the device zone. Guest Wi-Fi, DMZ, remote-access, partner, Internet and cloud zones are left to their own rules.',
    'Un flux nécessaire vers un serveur de gestion en zone serveurs (enregistreur vidéo, supervision de la GTB) est signalé, avec une vraisemblance moindre quand un pare-feu le filtre : l’accepter avec cette justification, ou déplacer le serveur dans la zone d’équipements. Le Wi-Fi invités, les DMZ, les accès distants, les partenaires, Internet et le nuage relèvent de leurs propres règles.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:19', 'hygiene:20'],
    iso27002: ['8.20', '8.22'],
    cwe: ['CWE-653'],
    attack: ['T1210', 'T1133', 'M1030'],
  },
  evaluate({ graph, model, needs }) {
    const hits: RuleHit[] = [];
    for (const zone of model.zones) {
      // nested zones are part of the outermost untrusted network around them
      if (untrustedNetworkOf(graph, zone.id)?.id !== zone.id) continue;
      const inside = (id: string): boolean => isWithinZone(graph, id, zone.id);
      const devices = isDeviceNetwork(zone);
      const flows = model.flows.filter(
        (flow) => inside(flow.from) && isInwardReach(graph, zone, flow.to),
      );
      const admins = model.assets.filter(
        (asset) =>
          !inside(asset.id) &&
          (asset.adminInterfaces ?? []).some((admin) => (admin.from ?? []).some(inside)),
      );
      if (flows.length === 0 && admins.length === 0) continue;
      const reached = unique([
        ...flows.flatMap((f) => assetsAt(graph, f.to)),
        ...admins.map((a) => a.id),
      ]);
      const unfiltered = flows.some((f) => filteringDevices(graph, f).length === 0);
      const likelihood: Level = !devices || unfiltered || admins.length > 0 ? 3 : 2;
      const parts = (fr: boolean): string[] => [
        ...(flows.length === 0
          ? []
          : [
              `${fr ? 'flux vers l’interne' : 'flows inwards'}: ${list(flows.map((f) => `${f.id} → ${f.to} (${protocolPort(f)})`))}`,
            ]),
        ...(admins.length === 0
          ? []
          : [
              `${fr ? 'interfaces d’administration ouvertes' : 'administration interfaces open'}: ${list(admins.map((a) => a.id))}`,
            ]),
      ];
      const what = (fr: boolean): string =>
        devices ? zoneKindText(zone.kind, fr) : fr ? 'zone non maîtrisée' : 'untrusted zone';
      hits.push(
        hit(
          zone.id,
          text(
            `The ${what(false)} ${named(graph, zone.id)} reaches the internal network: ${parts(false).join('; ')}.`,
            `La ${what(true)} ${named(graph, zone.id)} atteint le réseau interne : ${parts(true)
              .map((p) => p.replace(': ', ' : '))
              .join(' ; ')}.`,
          ),
          {
            likelihood,
            related: unique([...flows.flatMap((f) => [f.id, f.to]), ...admins.map((a) => a.id)]),
            // what is reached is at stake, not the devices of the zone
            impact: impactLevel(needs.max(reached, ALL_CRITERIA)),
          },
        ),
      );
    }
    return hits;
  },
};
