import { isInternet } from '../analyses/internet-exposure.js';
import type { Flow } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { hit, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { endpointNeed, impactLevel, list, named, protocolPort } from './support-exposure.js';
import { isAssetKind, isInZoneKind, isOtEndpoint, zoneOf } from '../../model/predicates.js';

const CRITERIA = ['integrity', 'availability', 'confidentiality'] as const;

/** A device that filters for OT: an OT gateway, or a firewall placed in an OT zone. */
function isOtFilter(graph: ModelGraph, id: string): boolean {
  return (
    isAssetKind(graph, id, ['ot-gateway']) ||
    (isAssetKind(graph, id, ['firewall']) && isInZoneKind(graph, id, ['ot']))
  );
}

/** OT firewalls by the zone they sit in, computed once per evaluation. */
function otFirewallsByZone(graph: ModelGraph): Map<string, string[]> {
  const byZone = new Map<string, string[]>();
  for (const asset of graph.model.assets) {
    if (asset.kind !== 'firewall' || asset.zone === undefined) continue;
    if (!isInZoneKind(graph, asset.id, ['ot'])) continue;
    byZone.set(asset.zone, [...(byZone.get(asset.zone) ?? []), asset.id]);
  }
  return byZone;
}

/** OT firewalls that guard the destination's zone (placed in it or in an enclosing OT zone). */
function guards(
  graph: ModelGraph,
  firewalls: ReadonlyMap<string, readonly string[]>,
  destination: string,
): string[] {
  const zone = zoneOf(graph, destination);
  if (zone === undefined) return [];
  return [zone.id, ...graph.zoneAncestors(zone.id)].flatMap((id) => firewalls.get(id) ?? []).sort();
}

export const itToOtFlow: Rule = {
  id: 'it-to-ot-flow',
  family: 'it-ot',
  title: text(
    'Flow from the IT network into the OT network',
    'Flux du réseau informatique vers le réseau industriel',
  ),
  description: text(
    'A flow goes from an IT zone or asset (office LAN, servers, Wi-Fi…) to an OT asset or zone. It is most serious when it does not cross an OT firewall or gateway; through one, it is reported with a lower likelihood unless it ends on an OT gateway.',
    'Un flux va d’une zone ou d’un actif informatique (LAN bureautique, serveurs, Wi-Fi…) vers un actif ou une zone industrielle. Il est le plus grave quand il ne traverse ni pare-feu ni passerelle OT ; au travers de l’un d’eux, il est signalé avec une vraisemblance moindre, sauf s’il aboutit à une passerelle OT.',
  ),
  rationale: text(
    'Industrial protocols (S7, Modbus…) and operator panels have no authentication of their own: whoever reaches them from the office network can stop a line, change a recipe or damage equipment. Office workstations are where attacks start, so IT-to-OT flows must end in an industrial DMZ, through the OT firewall.',
    'Les protocoles industriels (S7, Modbus…) et les pupitres n’ont pas d’authentification propre : qui les atteint depuis le réseau bureautique peut arrêter une ligne, modifier une recette ou endommager un équipement. Les postes bureautiques sont le point de départ des attaques : les flux IT vers OT doivent aboutir dans une DMZ industrielle, au travers du pare-feu OT.',
  ),
  remediation: text(
    'Remove the direct route; make IT-to-OT exchanges go through the OT firewall to a gateway or replica in an industrial DMZ (OPC UA with certificates, historian replica); program PLCs only from the engineering workstation inside OT.',
    'Supprimer la route directe ; faire passer les échanges IT vers OT par le pare-feu OT jusqu’à une passerelle ou une réplique en DMZ industrielle (OPC UA avec certificats, réplique de l’historian) ; ne programmer les automates que depuis le poste d’ingénierie situé dans l’OT.',
  ),
  falsePositives: text(
    'Flows through the OT firewall to an OT asset other than a gateway are reported with a low likelihood: mark them mitigated when the firewall restricts them to a read-only need.',
    'Les flux qui traversent le pare-feu OT vers un actif OT autre qu’une passerelle sont signalés avec une faible vraisemblance : les marquer traités (mitigated) quand le pare-feu les restreint à un besoin en lecture seule.',
  ),
  likelihood: 4,
  impact: ['integrity', 'availability', 'confidentiality'],
  references: {
    anssi: ['hygiene:19', 'admin:R16', 'interco:R6'],
    iso27002: ['8.22', '8.20'],
    cwe: ['CWE-923', 'CWE-306'],
    attack: ['T0886', 'T0843', 'M0930'],
  },
  evaluate({ graph, model, needs }) {
    const hits: RuleHit[] = [];
    const firewalls = otFirewallsByZone(graph);
    const check = (flow: Flow, source: string, target: string): void => {
      if (isOtEndpoint(graph, source) || !isOtEndpoint(graph, target)) return;
      if (isInternet(graph, source)) return; // ot-internet-connection
      const filters = (flow.via ?? []).filter((id) => isOtFilter(graph, id));
      if (filters.length > 0 && isAssetKind(graph, target, ['ot-gateway'])) return;
      const bypassed = filters.length === 0 ? guards(graph, firewalls, target) : [];
      const route = (fr: boolean): string => {
        if (filters.length > 0)
          return fr ? `au travers de ${list(filters)}` : `through ${list(filters)}`;
        if (bypassed.length > 0)
          return fr ? `sans passer par ${list(bypassed)}` : `bypassing ${list(bypassed)}`;
        return fr ? 'sans pare-feu OT' : 'with no OT firewall';
      };
      hits.push(
        hit(
          flow.id,
          text(
            `${flow.id} (${protocolPort(flow)}) goes from ${named(graph, source)} to OT asset ${named(graph, target)} ${route(false)}.`,
            `${flow.id} (${protocolPort(flow)}) va de ${named(graph, source)} vers l’actif OT ${named(graph, target)} ${route(true)}.`,
          ),
          {
            related: [source, target, ...(flow.via ?? []), ...bypassed],
            likelihood: filters.length > 0 ? 2 : 4,
            // a flow to an OT zone puts every asset of the zone at stake
            impact: impactLevel(
              Math.max(
                needs.max([flow.id], CRITERIA),
                endpointNeed(graph, needs, [target], CRITERIA),
              ),
            ),
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
