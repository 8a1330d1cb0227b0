import {
  EMBEDDED_DEVICE_KINDS,
  MEDICAL_DEVICE_KINDS,
  type AssetKind,
  type ZoneKind,
} from '../../domain/model/index.js';
import { hit, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { impactLevel, list, named, protocolPort, zoneKindText } from './support-exposure.js';
import {
  effectiveZoneKind,
  filteringDevices,
  isWithinZone,
  zoneOf,
} from '../../model/predicates.js';

/** Zones of people and servers, where embedded devices do not belong. */
const WRONG_ZONE_KINDS: readonly ZoneKind[] = ['user', 'wifi', 'guest-wifi', 'server', 'admin'];

/** Printers are embedded devices too, but sit among the workstations they serve nearly everywhere. */
const DEVICE_KINDS: readonly AssetKind[] = EMBEDDED_DEVICE_KINDS.filter(
  (kind) => kind !== 'printer',
);

export const embeddedDeviceOutsideDeviceZone: Rule = {
  id: 'embedded-device-outside-device-zone',
  family: 'segmentation',
  title: text(
    'Medical, IoT or payment device outside a device zone',
    'Équipement médical, connecté ou de paiement hors d’une zone d’équipements',
  ),
  description: text(
    'A medical device, imaging modality, payment terminal, camera or other connected object sits in a user, Wi-Fi, server or administration zone instead of a device zone (biomedical, IoT or industrial).',
    'Un dispositif médical, une modalité d’imagerie, un terminal de paiement, une caméra ou un autre objet connecté se trouve dans une zone utilisateurs, Wi-Fi, serveurs ou d’administration au lieu d’une zone d’équipements (biomédicale, objets connectés ou industrielle).',
  ),
  rationale: text(
    'Embedded devices run vendor firmware that is seldom patched, take no security agent and often keep default or vendor credentials: among workstations or servers, they are both an easy target for anything compromised next to them and a foothold that nothing watches. For medical devices, the ANSSI and the health sector’s PGSSI-S ask for a biomedical network separated from the office network; PCI DSS asks for payment terminals to be segmented.',
    'Les équipements embarqués exécutent un micrologiciel de constructeur rarement mis à jour, n’acceptent pas d’agent de sécurité et gardent souvent des identifiants par défaut ou du constructeur : au milieu des postes ou des serveurs, ils sont à la fois une cible facile pour tout ce qui est compromis à côté et une tête de pont que rien ne surveille. Pour les dispositifs médicaux, l’ANSSI et la PGSSI-S du secteur santé demandent un réseau biomédical séparé du réseau bureautique ; PCI DSS demande de segmenter les terminaux de paiement.',
  ),
  remediation: text(
    'Move the device into a dedicated zone (biomedical VLAN, IoT VLAN, payment VLAN) behind a firewall, and allow only the flows it needs (to its PACS, its management server, its payment processor).',
    'Déplacer l’équipement dans une zone dédiée (VLAN biomédical, VLAN objets connectés, VLAN paiement) derrière un pare-feu, et n’autoriser que les flux dont il a besoin (vers son PACS, son serveur de gestion, son processeur de paiement).',
  ),
  falsePositives: text(
    'Printers are left out: they sit among the workstations in most organisations. A device isolated by a private VLAN or port-level access lists inside the zone is still reported: accept the finding with that justification, or model its own zone.',
    'Les imprimantes sont écartées : elles sont au milieu des postes dans la plupart des organisations. Un équipement isolé par un VLAN privé ou des listes d’accès par port au sein de la zone est tout de même signalé : accepter le constat avec cette justification, ou modéliser sa propre zone.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:19', 'hygiene:4'],
    iso27002: ['8.22', '8.20'],
    cwe: ['CWE-653', 'CWE-1188'],
    attack: ['T1210', 'T1078.001', 'M1030'],
  },
  evaluate({ graph, model, needs }) {
    const hits: RuleHit[] = [];
    for (const asset of model.assets) {
      if (!DEVICE_KINDS.includes(asset.kind)) continue;
      const zone = zoneOf(graph, asset.id);
      const kind = effectiveZoneKind(graph, asset.id);
      if (zone === undefined || kind === undefined || !WRONG_ZONE_KINDS.includes(kind)) continue;
      const flows = [...graph.flowsTo(asset.id), ...graph.flowsFrom(asset.id)].filter(
        (flow) =>
          isWithinZone(graph, flow.from, zone.id) &&
          isWithinZone(graph, flow.to, zone.id) &&
          filteringDevices(graph, flow).length === 0,
      );
      const medical = MEDICAL_DEVICE_KINDS.includes(asset.kind);
      const reached = (fr: boolean): string =>
        flows.length === 0
          ? ''
          : fr
            ? ` ; échange sans filtrage par ${list(flows.map((f) => `${f.id} (${protocolPort(f)})`))}`
            : `; exchanges without filtering by ${list(flows.map((f) => `${f.id} (${protocolPort(f)})`))}`;
      hits.push(
        hit(
          asset.id,
          text(
            `${named(graph, asset.id)} (${asset.kind}) sits in ${zoneKindText(kind, false)} ${zone.id} instead of a ${medical ? 'biomedical' : 'device'} zone${reached(false)}.`,
            `${named(graph, asset.id)} (${asset.kind}) est placé dans la ${zoneKindText(kind, true)} ${zone.id} au lieu d’une zone ${medical ? 'biomédicale' : 'd’équipements'}${reached(true)}.`,
          ),
          {
            related: [zone.id, ...flows.map((f) => f.id)],
            // the device and what it supports (patient care, payments) are at stake
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
