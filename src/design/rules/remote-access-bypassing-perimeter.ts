import { type Flow, isActive, PERIMETER_KINDS } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, impactOver, list, withImpact } from './support-access.js';
import { isExternal, isInZoneKind, label, zoneOf } from '../../model/predicates.js';

const isPerimeter = (graph: ModelGraph, id: string): boolean => {
  const kind = graph.asset(id)?.kind;
  return kind !== undefined && PERIMETER_KINDS.includes(kind);
};

const isInternet = (graph: ModelGraph, id: string): boolean =>
  isInZoneKind(graph, id, ['internet']);

/** The internal end of a flow with the Internet that crosses no firewall or VPN gateway. */
function bypassingEnd(graph: ModelGraph, flow: Flow): string | undefined {
  if ((flow.via ?? []).some((device) => isPerimeter(graph, device))) return undefined;
  const ends = [flow.from, flow.to];
  const outside = ends.find((end) => isInternet(graph, end));
  const inside = ends.find((end) => end !== outside);
  if (outside === undefined || inside === undefined) return undefined;
  if (isExternal(graph, inside) || isPerimeter(graph, inside)) return undefined;
  return inside;
}

export const remoteAccessBypassingPerimeter: Rule = {
  id: 'remote-access-bypassing-perimeter',
  family: 'third-party',
  title: text(
    'Remote access that bypasses the perimeter firewall',
    'Accès distant qui contourne le pare-feu périmétrique',
  ),
  description: text(
    'A remote access (of a third party or a user) enters through an internal device, typically a vendor’s 4G router or modem, instead of the organisation’s firewall or VPN gateway: the device has its own link to the Internet or is reachable from it.',
    'Un accès distant (d’un tiers ou d’un utilisateur) entre par un équipement interne, typiquement un routeur 4G ou un modem de prestataire, au lieu du pare-feu ou de la passerelle VPN de l’organisation : l’équipement a son propre lien vers Internet ou est joignable depuis Internet.',
  ),
  rationale: text(
    'Such a link makes the filtering, authentication and logging of the Internet gateway useless: whoever compromises the device or its remote platform lands directly in the internal zone, often an industrial one, and nothing records it.',
    'Un tel lien rend inopérants le filtrage, l’authentification et la journalisation de la passerelle Internet : qui compromet l’équipement ou sa plateforme distante arrive directement dans la zone interne, souvent industrielle, sans que rien ne l’enregistre.',
  ),
  remediation: text(
    'Remove the direct link (SIM card, modem, direct route) and route remote access through the organisation’s VPN gateway and firewall, into a dedicated zone with a bastion; if the device must stay, place it behind a firewall in its own zone and power it on only during interventions.',
    'Supprimer le lien direct (carte SIM, modem, route directe) et faire passer l’accès distant par la passerelle VPN et le pare-feu de l’organisation, vers une zone dédiée avec un bastion ; si l’équipement doit rester, le placer derrière un pare-feu dans sa propre zone et ne l’alimenter que pendant les interventions.',
  ),
  falsePositives: text(
    'A remote access that terminates on a router which is in fact the site’s filtering Internet box is reported: model the box as a firewall. Unfiltered Internet flows without a declared remote access are left to the Internet-exposure rules.',
    'Un accès distant qui aboutit sur un routeur qui est en fait la box Internet filtrante du site est signalé : modéliser la box comme pare-feu. Les flux Internet non filtrés sans accès distant déclaré relèvent des règles d’exposition Internet.',
  ),
  likelihood: 4,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:22', 'interco:R4', 'admin:R62'],
    iso27002: ['8.20', '8.22', '5.19'],
    attack: ['T1133', 'T1199', 'M1030'],
  },
  evaluate(context) {
    const { graph, model, today } = context;
    const entries = new Map<string, string[]>();
    for (const identity of model.identities) {
      const via = identity.remoteAccess?.via;
      if (via === undefined || !isActive(identity, today)) continue;
      if (graph.asset(via) === undefined || isPerimeter(graph, via) || isExternal(graph, via))
        continue;
      entries.set(via, [...(entries.get(via) ?? []), identity.id]);
    }
    return [...entries.entries()].flatMap(([id, identities]) => {
      const flows = model.flows
        .filter((flow) => bypassingEnd(graph, flow) === id)
        .map((flow) => flow.id);
      const fromInternet = (graph.asset(id)?.adminInterfaces ?? []).some((admin) =>
        (admin.from ?? []).some((from) => isInternet(graph, from)),
      );
      const router = graph.asset(id)?.kind === 'router';
      if (flows.length === 0 && !fromInternet && !router) return [];
      const zone = zoneOf(graph, id);
      const name = `${label(graph, id)} (${id}${zone === undefined ? '' : `, ${zone.id}`})`;
      const enParts = [
        `is the remote-access entry of ${list(identities)} inside the network`,
        flows.length > 0 ? `exchanges with the Internet without firewall (${list(flows)})` : '',
        fromInternet ? 'has an administration interface reachable from the Internet' : '',
      ].filter((part) => part !== '');
      const frParts = [
        `sert d’entrée à l’accès distant de ${list(identities)} à l’intérieur du réseau`,
        flows.length > 0 ? `communique avec Internet sans pare-feu (${list(flows)})` : '',
        fromInternet ? 'a une interface d’administration joignable depuis Internet' : '',
      ].filter((part) => part !== '');
      const related = existing(graph, [
        ...identities,
        ...flows,
        ...(zone === undefined ? [] : [zone.id]),
      ]);
      return [
        hit(
          id,
          text(`${name} ${enParts.join(', ')}.`, `${name} ${frParts.join(', ')}.`),
          withImpact(impactOver(context, [id, ...related], remoteAccessBypassingPerimeter.impact), {
            related,
          }),
        ),
      ];
    });
  },
};
