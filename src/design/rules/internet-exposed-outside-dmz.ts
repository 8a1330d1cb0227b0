import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import {
  describeExposure,
  groupBy,
  list,
  named,
  unique,
  zoneKindText,
} from './support-exposure.js';
import { isRestrictedToKnownSources, lowerWhen, publicationNotes } from './support-internet.js';
import { isAssetKind, isInZoneKind, zoneOf } from '../../model/predicates.js';

export const internetExposedOutsideDmz: Rule = {
  id: 'internet-exposed-outside-dmz',
  family: 'internet-exposure',
  title: text(
    'Internet-facing service outside a DMZ',
    'Service exposé sur Internet hors d’une DMZ',
  ),
  description: text(
    'A flow from the Internet, a port forward or a static NAT included, reaches an asset that sits in an internal zone (servers, users, administration, OT…) instead of a DMZ.',
    'Un flux venant d’Internet, redirection de port ou NAT statique compris, atteint un actif situé dans une zone interne (serveurs, utilisateurs, administration, OT…) au lieu d’une DMZ.',
  ),
  rationale: text(
    'A service visible from the Internet will sooner or later be attacked; when it sits in an internal zone, its compromise lands the attacker directly among the internal systems, with no second firewall to cross.',
    'Un service visible depuis Internet finira par être attaqué ; s’il est placé dans une zone interne, sa compromission amène directement l’attaquant au milieu des systèmes internes, sans second pare-feu à franchir.',
  ),
  remediation: text(
    'Publish the service from a DMZ, behind a reverse proxy or relay, with a controlled firewall between the DMZ and the internal network; or withdraw the publication and give access through the VPN.',
    'Publier le service depuis une DMZ, derrière un reverse proxy ou un relais, avec un pare-feu maîtrisé entre la DMZ et le réseau interne ; ou retirer la publication et donner l’accès par le VPN.',
  ),
  falsePositives: text(
    'Perimeter firewalls and routers are the border and are not reported. Cloud-hosted assets are not reported either: their exposure is judged by the other Internet rules. When every flow reaching the asset accepts only listed sources (`allowedSources`), the finding stays but with a lower likelihood: only those addresses, or whoever takes them over, reach it.',
    'Les pare-feux et routeurs périmétriques forment la frontière et ne sont pas signalés. Les actifs hébergés dans le nuage non plus : leur exposition relève des autres règles Internet. Quand tous les flux qui atteignent l’actif n’acceptent que des sources listées (`allowedSources`), le constat demeure avec une vraisemblance moindre : seules ces adresses, ou qui s’en empare, l’atteignent.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:23', 'interco:R3', 'interco:R7'],
    iso27002: ['8.20', '8.22'],
    cwe: ['CWE-668'],
    attack: ['T1190', 'M1030'],
  },
  evaluate({ graph, analyses }) {
    const exposures = analyses.internetExposure.exposures.filter(
      (e) =>
        e.flow !== undefined &&
        !isAssetKind(graph, e.target, ['firewall', 'router']) &&
        !isInZoneKind(graph, e.target, ['dmz', 'cloud', 'internet']),
    );
    return [...groupBy(exposures, (e) => e.target)].map(([target, group]) => {
      const zone = zoneOf(graph, target);
      const where = (fr: boolean): string =>
        zone === undefined ? '?' : `${zone.id} (${zoneKindText(zone.kind, fr)})`;
      return hit(
        target,
        text(
          `${named(graph, target)} is reached from the Internet by ${list(group.map((e) => describeExposure(e, false)))} but sits in ${where(false)}, not in a DMZ${publicationNotes(group, false)}.`,
          `${named(graph, target)} est atteint depuis Internet par ${list(group.map((e) => describeExposure(e, true)))} mais se trouve dans ${where(true)}, pas dans une DMZ${publicationNotes(group, true)}.`,
        ),
        {
          likelihood: lowerWhen(3, isRestrictedToKnownSources(group)),
          related: unique([
            ...group.flatMap((e) => (e.flow ? [e.flow.id] : [])),
            ...(zone ? [zone.id] : []),
          ]),
        },
      );
    });
  },
};
