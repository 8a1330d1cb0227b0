import { hasMfa, isActive, nameOf } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, impactOver, list, withImpact } from './support-access.js';
import { isExternal, isInZoneKind } from '../../model/predicates.js';

export const loginFromInternetWithoutVpn: Rule = {
  id: 'login-from-internet-without-vpn',
  family: 'identities',
  title: text(
    'Direct login to internal systems from the Internet',
    'Connexion directe aux systèmes internes depuis Internet',
  ),
  description: text(
    'An identity logs in from the Internet (not through the remote-access zone of a VPN) and holds rights on internal assets: those assets accept connections from the Internet.',
    'Une identité se connecte depuis Internet (et non par la zone d’accès distant d’un VPN) et a des droits sur des actifs internes : ces actifs acceptent des connexions venues d’Internet.',
  ),
  rationale: text(
    'Internal services published for nomadic users are scanned and attacked continuously (password spraying, exploitation of RDP or web vulnerabilities); a VPN with MFA in front of them removes that exposure.',
    'Les services internes publiés pour les nomades sont balayés et attaqués en permanence (pulvérisation de mots de passe, exploitation des vulnérabilités RDP ou web) ; un VPN avec MFA devant eux supprime cette exposition.',
  ),
  remediation: text(
    'Make remote users go through the VPN gateway with multi-factor authentication, then remove the direct publication of internal services (port forwarding, public RDP or web access).',
    'Faire passer les nomades par la passerelle VPN avec authentification multifacteur, puis supprimer la publication directe des services internes (redirection de port, accès RDP ou web public).',
  ),
  falsePositives: text(
    'Logins from the Internet to SaaS or DMZ services are not reported; an internal service published behind a reverse proxy with MFA can be accepted with that justification.',
    'Les connexions depuis Internet vers des services SaaS ou en DMZ ne sont pas signalées ; un service interne publié derrière un reverse proxy avec MFA peut être accepté avec cette justification.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:32', 'interco:R4'],
    iso27002: ['6.7', '8.20'],
    attack: ['T1133', 'T1110.003', 'M1035'],
  },
  evaluate(context) {
    const { graph, model, today } = context;
    return model.identities
      .filter((identity) => isActive(identity, today))
      .flatMap((identity) => {
        const fromInternet = (identity.loginFrom ?? []).filter((place) =>
          isInZoneKind(graph, place, ['internet']),
        );
        if (fromInternet.length === 0) return [];
        const internal = (identity.rights ?? [])
          .map((right) => right.on)
          .filter(
            (id) =>
              (graph.asset(id) !== undefined || graph.zone(id) !== undefined) &&
              !isExternal(graph, id),
          );
        if (internal.length === 0) return [];
        const publications = model.flows.filter(
          (flow) => internal.includes(flow.to) && isInZoneKind(graph, flow.from, ['internet']),
        );
        const published = publications.map((flow) => flow.id);
        // logins to one published asset are a facet of that asset's exposure: one root cause
        const exposed = [...new Set(publications.map((flow) => flow.to))];
        // the identity's MFA only protects these logins if the targets ask for it
        const mfa =
          hasMfa(graph, identity) &&
          internal.every((id) => graph.asset(id)?.authentication?.mfa !== false);
        const flows = published.length > 0 ? ` (${list(published)})` : '';
        return [
          hit(
            identity.id,
            text(
              `${nameOf(identity)}: logins from ${list(fromInternet)} without VPN${mfa ? '' : ' nor MFA'} to ${list(internal)}${flows}.`,
              `${nameOf(identity)} : connexions depuis ${list(fromInternet)} sans VPN${mfa ? '' : ' ni MFA'} vers ${list(internal)}${flows}.`,
            ),
            withImpact(impactOver(context, internal, loginFromInternetWithoutVpn.impact), {
              related: existing(graph, [...internal, ...published]),
              likelihood: mfa ? 2 : 3,
              ...(exposed.length === 1 && exposed[0] !== undefined
                ? { rootCause: exposed[0] }
                : {}),
            }),
          ),
        ];
      });
  },
};
