import { isInternet } from '../analyses/internet-exposure.js';
import { hit, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { named, protocolPort } from './support-exposure.js';
import { filteringDevices, isAssetKind, isOtEndpoint, isOutside } from '../../model/predicates.js';

export const internetFlowWithoutFiltering: Rule = {
  id: 'internet-flow-without-filtering',
  family: 'internet-exposure',
  title: text(
    'Internet connection that bypasses the filtering gateway',
    'Connexion Internet qui contourne la passerelle filtrante',
  ),
  description: text(
    'A flow between the Internet and an internal asset or zone crosses no firewall, VPN gateway or proxy (nothing filtering in its `via`).',
    'Un flux entre Internet et un actif ou une zone interne ne traverse aucun pare-feu, passerelle VPN ou proxy (aucun équipement filtrant dans son `via`).',
  ),
  rationale: text(
    'A secure Internet gateway only protects if it cannot be bypassed: a direct link (4G box, second ISP router, unfiltered route) opens the internal network to the Internet with none of the filtering, logging and detection of the gateway.',
    'Une passerelle Internet sécurisée ne protège que si elle est incontournable : un lien direct (boîtier 4G, second routeur d’opérateur, route non filtrée) ouvre le réseau interne à Internet sans aucun des filtrages, journaux et détections de la passerelle.',
  ),
  remediation: text(
    'Route the flow through the organisation’s firewall (and proxy for the Web), or remove the direct link; declare the devices crossed in the flow’s `via`.',
    'Faire passer le flux par le pare-feu de l’organisation (et par le proxy pour le Web), ou supprimer le lien direct ; déclarer les équipements traversés dans le `via` du flux.',
  ),
  falsePositives: text(
    'A flow whose `via` was simply not filled in is reported: declare the firewall it crosses. Flows initiated by a firewall itself and flows to or from OT assets (reported by ot-internet-connection) are left out.',
    'Un flux dont le `via` n’a simplement pas été renseigné est signalé : déclarer le pare-feu traversé. Les flux initiés par un pare-feu lui-même et ceux qui touchent des actifs OT (signalés par ot-internet-connection) sont écartés.',
  ),
  likelihood: 4,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:22', 'interco:R2', 'interco:R4'],
    iso27002: ['8.20', '8.21'],
    cwe: ['CWE-923'],
    attack: ['T1133', 'M1037'],
  },
  evaluate({ graph, model }) {
    const hits: RuleHit[] = [];
    for (const flow of model.flows) {
      const inbound = isInternet(graph, flow.from);
      const outbound = isInternet(graph, flow.to);
      if (inbound === outbound) continue;
      const internal = inbound ? flow.to : flow.from;
      if (isOutside(graph, internal) || isOtEndpoint(graph, internal)) continue;
      if (isAssetKind(graph, internal, ['firewall'])) continue;
      if (filteringDevices(graph, flow).length > 0) continue;
      const via = (flow.via ?? []).length > 0 ? (flow.via ?? []).join(', ') : undefined;
      const crossed = (fr: boolean): string =>
        via === undefined
          ? fr
            ? 'sans traverser aucun équipement'
            : 'crossing no device'
          : fr
            ? `en ne traversant que ${via}, qui ne filtre pas`
            : `crossing only ${via}, which does not filter`;
      hits.push(
        hit(
          flow.id,
          inbound
            ? text(
                `${flow.id} (${protocolPort(flow)}) goes from the Internet to ${named(graph, internal)} ${crossed(false)}.`,
                `${flow.id} (${protocolPort(flow)}) va d’Internet vers ${named(graph, internal)} ${crossed(true)}.`,
              )
            : text(
                `${flow.id} (${protocolPort(flow)}) goes from ${named(graph, internal)} to the Internet ${crossed(false)}.`,
                `${flow.id} (${protocolPort(flow)}) va de ${named(graph, internal)} vers Internet ${crossed(true)}.`,
              ),
          { related: [internal, ...(flow.via ?? [])], likelihood: inbound ? 4 : 3 },
        ),
      );
    }
    return hits;
  },
};
