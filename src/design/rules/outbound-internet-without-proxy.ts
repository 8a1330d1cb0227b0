import type { ZoneKind } from '../../domain/model/index.js';
import { hit, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import {
  endpointNeed,
  impactLevel,
  named,
  protocolPort,
  zoneKindText,
} from './support-exposure.js';
import { effectiveZoneKind, isAssetKind, isOutside } from '../../model/predicates.js';

const WEB = new Set(['http', 'https']);
/** Zones where people browse, and OT, which should never browse. */
const SOURCE_KINDS: readonly ZoneKind[] = ['user', 'wifi', 'admin', 'remote-access', 'ot'];
const GATEWAYS = ['proxy', 'reverse-proxy', 'firewall', 'vpn-gateway'] as const;

export const outboundInternetWithoutProxy: Rule = {
  id: 'outbound-internet-without-proxy',
  family: 'internet-exposure',
  title: text(
    'Web access to the Internet without a filtering proxy',
    'Accès Web vers Internet sans proxy filtrant',
  ),
  description: text(
    'Workstations (user, Wi-Fi, administration or OT zones) reach the Internet or cloud services over HTTP/HTTPS without going through a proxy.',
    'Des postes (zones utilisateurs, Wi-Fi, administration ou OT) atteignent Internet ou des services en nuage en HTTP/HTTPS sans passer par un proxy.',
  ),
  rationale: text(
    'Without a proxy, browsing escapes URL and malware filtering, authentication and logging of Web access: malicious downloads, phishing pages and command-and-control channels go unseen, and an investigation has no trace to follow.',
    'Sans proxy, la navigation échappe au filtrage des URL et des contenus malveillants, à l’authentification et à la journalisation des accès Web : téléchargements malveillants, pages d’hameçonnage et canaux de commande et de contrôle passent inaperçus, et une investigation n’a aucune trace à suivre.',
  ),
  remediation: text(
    'Route Web traffic through the organisation’s filtering proxy (explicit mode, authenticated, logged) and block direct outbound HTTP/HTTPS at the firewall; for a remote site, use the central proxy through the site-to-site tunnel or a local proxy with the same policy.',
    'Faire passer le trafic Web par le proxy filtrant de l’organisation (mode explicite, authentifié, journalisé) et bloquer au pare-feu les sorties HTTP/HTTPS directes ; pour un site distant, utiliser le proxy central par le tunnel inter-sites ou un proxy local appliquant la même politique.',
  ),
  falsePositives: text(
    'Servers reaching a fixed provider API through a firewall are not reported (only people’s zones and OT). A proxy that is crossed but not declared in the flow’s `via` is reported: declare it.',
    'Les serveurs qui joignent une API de fournisseur déterminée au travers d’un pare-feu ne sont pas signalés (seules les zones de personnes et l’OT le sont). Un proxy traversé mais absent du `via` du flux est signalé : le déclarer.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:22', 'interco:R22', 'interco:R30'],
    iso27002: ['8.23', '8.20'],
    cwe: ['CWE-923'],
    attack: ['T1071.001', 'T1189', 'M1021'],
  },
  evaluate({ graph, model, needs }) {
    const hits: RuleHit[] = [];
    for (const flow of model.flows) {
      if (!WEB.has(flow.protocol) || !isOutside(graph, flow.to) || isOutside(graph, flow.from))
        continue;
      const kind = effectiveZoneKind(graph, flow.from);
      if (kind === undefined || !SOURCE_KINDS.includes(kind)) continue;
      if (isAssetKind(graph, flow.from, GATEWAYS)) continue;
      if ((flow.via ?? []).some((id) => isAssetKind(graph, id, ['proxy']))) continue;
      // what is at stake is the source, not the data the flow carries
      const need = endpointNeed(
        graph,
        needs,
        [flow.from],
        ['confidentiality', 'integrity', 'availability'],
      );
      const impact = impactLevel(need);
      const through = (flow.via ?? []).join(', ');
      hits.push(
        hit(
          flow.id,
          text(
            `${flow.id} (${protocolPort(flow)}) goes from ${named(graph, flow.from)} (${zoneKindText(kind, false)}) to ${named(graph, flow.to)} ${through === '' ? 'directly' : `through ${through} only`}, without a proxy.`,
            `${flow.id} (${protocolPort(flow)}) va de ${named(graph, flow.from)} (${zoneKindText(kind, true)}) vers ${named(graph, flow.to)} ${through === '' ? 'en direct' : `par ${through} seulement`}, sans proxy.`,
          ),
          {
            related: [flow.from, flow.to, ...(flow.via ?? [])],
            impact,
            likelihood: kind === 'ot' ? 4 : 3,
          },
        ),
      );
    }
    return hits;
  },
};
