import { LOG_COLLECTOR_KINDS, type Flow, type ZoneKind } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { hit, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { named, protocolPort, zoneKindText } from './support-exposure.js';
import { effectiveZoneKind, isAssetKind, isInZoneKind } from '../../model/predicates.js';

const INTERNAL_KINDS: readonly ZoneKind[] = [
  'user',
  'server',
  'admin',
  'ot',
  'wifi',
  'remote-access',
];
/** Supervision flows pushed by DMZ servers: still a channel inwards, but a narrow one. */
const SUPERVISION = new Set(['syslog', 'ntp', 'dns', 'snmp']);

/**
 * Log, time and name-resolution flows: by their protocol, or logs sent to a log collector or
 * SIEM whatever the protocol (HTTPS to a SIEM's collector, Beats, a vendor agent).
 */
const isSupervision = (graph: ModelGraph, flow: Flow, target: string): boolean =>
  SUPERVISION.has(flow.protocol) || isAssetKind(graph, target, LOG_COLLECTOR_KINDS);

export const dmzInitiatesInternalFlow: Rule = {
  id: 'dmz-initiates-internal-flow',
  family: 'segmentation',
  title: text(
    'DMZ asset opens connections into the internal network',
    'Actif de DMZ qui ouvre des connexions vers le réseau interne',
  ),
  description: text(
    'A flow starts from a DMZ (or is bidirectional with it) and reaches a server, user, administration or OT zone.',
    'Un flux part d’une DMZ (ou est bidirectionnel avec elle) et atteint une zone de serveurs, d’utilisateurs, d’administration ou OT.',
  ),
  rationale: text(
    'DMZ services face the Internet and are the first to fall; if they may open connections inwards, the attacker who controls them walks through the internal firewall. Flows should go from the more trusted zone to the less trusted one.',
    'Les services de DMZ font face à Internet et tombent les premiers ; s’ils peuvent ouvrir des connexions vers l’intérieur, l’attaquant qui les contrôle franchit le pare-feu interne. Les flux doivent aller de la zone la plus sûre vers la moins sûre.',
  ),
  remediation: text(
    'Reverse the flow (the internal system fetches from the DMZ), or put a relay in the DMZ that the internal side polls; at least, restrict the flow to one destination and port on the internal firewall.',
    'Inverser le flux (le système interne vient chercher en DMZ), ou placer en DMZ un relais interrogé depuis l’intérieur ; à défaut, restreindre le flux à une destination et un port sur le pare-feu interne.',
  ),
  falsePositives: text(
    'VPN gateways are left out: model the traffic they forward from the remote-access zone. Log, time and name-resolution flows are reported with a low likelihood.',
    'Les passerelles VPN sont écartées : modéliser le trafic qu’elles relaient depuis la zone d’accès distant. Les flux de journaux, d’heure et de résolution de noms sont signalés avec une faible vraisemblance.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['interco:R7', 'interco:R3', 'hygiene:23'],
    iso27002: ['8.22', '8.20'],
    cwe: ['CWE-923'],
    attack: ['T1021', 'M1030'],
  },
  evaluate({ graph, model }) {
    const hits: RuleHit[] = [];
    const check = (flow: Flow, source: string, target: string): void => {
      if (!isInZoneKind(graph, source, ['dmz']) || isInZoneKind(graph, target, ['dmz'])) return;
      if (isAssetKind(graph, source, ['vpn-gateway'])) return;
      const kind = effectiveZoneKind(graph, target);
      if (kind === undefined || !INTERNAL_KINDS.includes(kind)) return;
      hits.push(
        hit(
          flow.id,
          text(
            `${flow.id} (${protocolPort(flow)}) lets ${named(graph, source)} in the DMZ open connections to ${named(graph, target)} (${zoneKindText(kind, false)}).`,
            `${flow.id} (${protocolPort(flow)}) permet à ${named(graph, source)}, en DMZ, d’ouvrir des connexions vers ${named(graph, target)} (${zoneKindText(kind, true)}).`,
          ),
          {
            related: [source, target, ...(flow.via ?? [])],
            likelihood: isSupervision(graph, flow, target) ? 2 : 3,
          },
        ),
      );
    };
    for (const flow of model.flows) {
      check(flow, flow.from, flow.to);
      if (flow.bidirectional === true) check(flow, flow.to, flow.from);
    }
    return hits;
  },
};
