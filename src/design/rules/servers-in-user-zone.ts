import { SERVER_KINDS, USER_ZONE_KINDS } from '../../domain/model/index.js';
import { hit, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { impactLevel, list, named, protocolPort, zoneKindText } from './support-exposure.js';
import { filteringDevices, isWithinZone, zoneOf } from '../../model/predicates.js';

export const serversInUserZone: Rule = {
  id: 'servers-in-user-zone',
  family: 'segmentation',
  title: text(
    'Server in a user zone (flat network)',
    'Serveur dans une zone utilisateurs (réseau à plat)',
  ),
  description: text(
    'A server, file server, database, directory or other service sits in a user or Wi-Fi zone, among the workstations, instead of a server zone.',
    'Un serveur, serveur de fichiers, base de données, annuaire ou autre service se trouve dans une zone utilisateurs ou Wi-Fi, au milieu des postes, au lieu d’une zone de serveurs.',
  ),
  rationale: text(
    'Workstations are the most exposed systems (mail, Web, removable media); on the same network segment, any compromised workstation reaches the server on every port with nothing to filter or log the traffic, and ransomware encrypts its shares first.',
    'Les postes de travail sont les systèmes les plus exposés (messagerie, Web, supports amovibles) ; sur le même segment, tout poste compromis atteint le serveur sur tous ses ports sans rien pour filtrer ni tracer le trafic, et un rançongiciel chiffre ses partages en premier.',
  ),
  remediation: text(
    'Move the server into a server zone (dedicated VLAN) and let the workstations reach it only through a filtering device, on the ports they need.',
    'Déplacer le serveur dans une zone de serveurs (VLAN dédié) et ne laisser les postes l’atteindre qu’au travers d’un équipement filtrant, sur les seuls ports nécessaires.',
  ),
  falsePositives: text(
    'A server isolated by private VLANs or host firewalls inside the zone is still reported: accept the finding with that justification, or model it in its own zone.',
    'Un serveur isolé par des VLAN privés ou des pare-feux locaux au sein de la zone est tout de même signalé : accepter le constat avec cette justification, ou le modéliser dans sa propre zone.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:19', 'hygiene:4'],
    iso27002: ['8.22'],
    cwe: ['CWE-653'],
    attack: ['T1021.002', 'M1030'],
  },
  evaluate({ graph, model, needs }) {
    const hits: RuleHit[] = [];
    for (const asset of model.assets) {
      if (!SERVER_KINDS.includes(asset.kind)) continue;
      const zone = zoneOf(graph, asset.id);
      if (zone === undefined || !USER_ZONE_KINDS.includes(zone.kind)) continue;
      const flows = graph
        .flowsTo(asset.id)
        .filter(
          (flow) =>
            isWithinZone(graph, flow.from, zone.id) && filteringDevices(graph, flow).length === 0,
        );
      const reached = (fr: boolean): string =>
        flows.length === 0
          ? ''
          : fr
            ? ` ; atteint sans filtrage par ${list(flows.map((f) => `${f.id} (${protocolPort(f)})`))}`
            : `; reached without filtering by ${list(flows.map((f) => `${f.id} (${protocolPort(f)})`))}`;
      hits.push(
        hit(
          asset.id,
          text(
            `${named(graph, asset.id)} sits in ${zoneKindText(zone.kind, false)} ${zone.id}, among the workstations${reached(false)}.`,
            `${named(graph, asset.id)} est placé dans la ${zoneKindText(zone.kind, true)} ${zone.id}, au milieu des postes${reached(true)}.`,
          ),
          {
            related: [zone.id, ...flows.map((f) => f.id)],
            // the server is at stake, not everything else its zone holds
            impact: impactLevel(
              needs.max([asset.id], ['confidentiality', 'integrity', 'availability']),
            ),
          },
        ),
      );
    }
    return hits;
  },
};
