import { FILTERING_KINDS, type Flow, type ZoneKind } from '../../domain/model/index.js';
import { hit, type Level, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { groupBy, impactLevel, list, unique } from './support-exposure.js';
import { isInwardReach, untrustedNetworkOf } from './support-tiers.js';
import {
  assetsAt,
  effectiveZoneKind,
  filteringDevices,
  isAssetKind,
  isInZoneKind,
  isOtEndpoint,
  isOutside,
  zoneOf,
} from '../../model/predicates.js';

/** Source zone kinds from which an unfiltered crossing is most dangerous. */
const EXPOSED_SOURCES: readonly ZoneKind[] = ['user', 'wifi', 'remote-access', 'partner'];

interface Crossing {
  readonly flow: Flow;
  readonly sourceZone: string;
  readonly targetZone: string;
  readonly sourceKind: ZoneKind;
}

export const unfilteredZoneCrossing: Rule = {
  id: 'unfiltered-zone-crossing',
  family: 'segmentation',
  title: text(
    'Flows between zones of different trust with no filtering',
    'Flux entre zones de confiance différente sans filtrage',
  ),
  description: text(
    'Flows enter a zone from a zone of another kind (users to servers, Wi-Fi to servers, partners…) without crossing any firewall or filtering gateway: the zones are separated on paper only.',
    'Des flux entrent dans une zone depuis une zone d’une autre nature (utilisateurs vers serveurs, Wi-Fi vers serveurs, partenaires…) sans traverser aucun pare-feu ni passerelle filtrante : les zones ne sont séparées que sur le papier.',
  ),
  rationale: text(
    'Zoning only protects if the traffic between zones is filtered to what is needed: routed VLANs without filtering let a compromised workstation reach every port of every server, which is how attackers move laterally and ransomware spreads.',
    'Le zonage ne protège que si le trafic entre zones est filtré au strict besoin : des VLAN routés sans filtrage laissent un poste compromis atteindre tous les ports de tous les serveurs, ce qui permet aux attaquants de rebondir et aux rançongiciels de se propager.',
  ),
  remediation: text(
    'Filter the traffic between the zones (internal firewall, or at least access lists on the routing device) to the flows in the flow matrix, and declare the filtering device in the flows’ `via`.',
    'Filtrer le trafic entre les zones (pare-feu interne, ou à défaut listes de contrôle d’accès sur l’équipement de routage) selon la matrice des flux, et déclarer l’équipement filtrant dans le `via` des flux.',
  ),
  falsePositives: text(
    'Access lists on a core switch are not visible in the model: if they filter, tag the switch’s flows through a declared firewall or accept the finding. Flows to OT, from guest Wi-Fi, IoT or untrusted zones, from a DMZ or with the Internet are left to their own rules.',
    'Les listes de contrôle d’accès d’un commutateur de cœur ne sont pas visibles dans le modèle : si elles filtrent, accepter le constat avec cette justification. Les flux vers l’OT, depuis le Wi-Fi invités, les zones d’objets connectés ou non maîtrisées, depuis une DMZ ou avec Internet relèvent de leurs propres règles.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:19', 'admin:R19'],
    iso27002: ['8.22', '8.20'],
    cwe: ['CWE-653'],
    attack: ['T1021', 'T1210', 'M1030'],
  },
  evaluate({ graph, model, needs }) {
    const crossings: Crossing[] = [];
    for (const flow of model.flows) {
      const [from, to] = [flow.from, flow.to];
      if (isOutside(graph, from) || isOutside(graph, to) || isOtEndpoint(graph, to)) continue;
      if (isInZoneKind(graph, from, ['guest-wifi', 'dmz'])) continue;
      // IoT and untrusted networks are untrusted-network-not-isolated's, filtered or not
      const untrusted = untrustedNetworkOf(graph, from);
      if (untrusted !== undefined && isInwardReach(graph, untrusted, to)) continue;
      if (isAssetKind(graph, from, FILTERING_KINDS) || isAssetKind(graph, to, FILTERING_KINDS))
        continue;
      if (filteringDevices(graph, flow).length > 0) continue;
      const source = zoneOf(graph, from);
      const target = zoneOf(graph, to);
      if (source === undefined || target === undefined || source.id === target.id) continue;
      // a zone nested in another is part of it, not across a boundary
      if (graph.zoneAncestors(source.id).includes(target.id)) continue;
      if (graph.zoneAncestors(target.id).includes(source.id)) continue;
      const sourceKind = effectiveZoneKind(graph, from);
      const targetKind = effectiveZoneKind(graph, to);
      if (sourceKind === undefined || targetKind === undefined || sourceKind === targetKind)
        continue;
      crossings.push({ flow, sourceZone: source.id, targetZone: target.id, sourceKind });
    }
    const hits: RuleHit[] = [];
    for (const [zone, group] of groupBy(crossings, (c) => c.targetZone)) {
      const bySource = [...groupBy(group, (c) => c.sourceZone)];
      const describe = (fr: boolean): string =>
        bySource
          .map(
            ([source, items]) =>
              `${fr ? 'depuis' : 'from'} ${source} (${list(items.map((c) => c.flow.id))})`,
          )
          .join(fr ? ' ; ' : '; ');
      const likelihood: Level = group.some((c) => EXPOSED_SOURCES.includes(c.sourceKind)) ? 3 : 2;
      hits.push(
        hit(
          zone,
          text(
            `Zone ${zone} is entered without filtering ${describe(false)}.`,
            `La zone ${zone} est atteinte sans filtrage ${describe(true)}.`,
          ),
          {
            likelihood,
            related: unique([
              ...bySource.map(([source]) => source),
              ...group.map((c) => c.flow.id),
              ...group.map((c) => c.flow.to),
            ]),
            impact: impactLevel(
              needs.max(
                group.flatMap((c) => assetsAt(graph, c.flow.to)),
                ['confidentiality', 'integrity', 'availability'],
              ),
            ),
          },
        ),
      );
    }
    return hits;
  },
};
