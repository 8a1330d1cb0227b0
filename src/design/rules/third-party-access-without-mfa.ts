import {
  effectiveAdminTargets,
  hasMfa,
  type Identity,
  isActive,
  nameOf,
} from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, impactOver, isThirdParty, withImpact } from './support-access.js';
import { remoteSupportBrokers } from './support-remote-support.js';
import { isInZoneKind } from '../../model/predicates.js';

/**
 * How the third party gets in from outside, and with what authentication; `undefined` if it does
 * not. A way in through a remote-support broker it uses (`brokers`) is left to
 * vendor-remote-support-uncontrolled: one channel, one finding.
 */
function remoteEntry(
  graph: ModelGraph,
  identity: Identity,
  brokers: ReadonlySet<string>,
): { readonly via: string; readonly authentication: string; readonly strong: boolean } | undefined {
  const access = identity.remoteAccess;
  if (access !== undefined && !brokers.has(access.via)) {
    const gatewayMfa = graph.asset(access.via)?.authentication?.mfa === true;
    const declared = access.authentication;
    const strong =
      declared === undefined ? hasMfa(graph, identity) || gatewayMfa : declared === 'mfa';
    return { via: access.via, authentication: declared ?? '?', strong };
  }
  const remote = (identity.loginFrom ?? []).find(
    (place) => !brokers.has(place) && isInZoneKind(graph, place, ['remote-access', 'internet']),
  );
  if (remote === undefined) return undefined;
  return { via: remote, authentication: '?', strong: hasMfa(graph, identity) };
}

export const thirdPartyAccessWithoutMfa: Rule = {
  id: 'third-party-access-without-mfa',
  family: 'third-party',
  title: text(
    'Third-party remote access without multi-factor authentication',
    'Accès distant d’un tiers sans authentification multifacteur',
  ),
  description: text(
    'A third party reaches the information system from outside with a single authentication factor (a password, usually known by several of its technicians).',
    'Un tiers accède au système d’information depuis l’extérieur avec un seul facteur d’authentification (un mot de passe, souvent connu de plusieurs de ses techniciens).',
  ),
  rationale: text(
    'The provider’s passwords are outside the organisation’s control: reused, phished or stolen from the provider, they open the remote access to anyone; a second factor is the main barrier against this supply-chain route.',
    'Les mots de passe du prestataire échappent à la maîtrise de l’organisation : réutilisés, hameçonnés ou volés chez le prestataire, ils ouvrent l’accès distant à quiconque ; un second facteur est la principale barrière sur ce chemin d’attaque par la chaîne d’approvisionnement.',
  ),
  remediation: text(
    'Require multi-factor authentication (or a certificate on a hardware token) for every third-party remote access, with one named account per technician, terminated on the organisation’s VPN gateway rather than on the provider’s own device.',
    'Exiger une authentification multifacteur (ou un certificat sur support matériel) pour tout accès distant d’un tiers, avec un compte nominatif par technicien, terminé sur la passerelle VPN de l’organisation plutôt que sur un équipement du prestataire.',
  ),
  falsePositives: text(
    'Access by a certificate held on a smart card or hardware token is strong authentication: model it with `authentication: mfa` or accept the finding.',
    'Un accès par certificat conservé sur carte à puce ou jeton matériel est une authentification forte : le modéliser avec `authentication: mfa` ou accepter le constat.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:13', 'admin:R67'],
    iso27002: ['5.21', '8.5'],
    cwe: ['CWE-308'],
    attack: ['T1133', 'T1199', 'M1032'],
  },
  evaluate(context) {
    const { graph, model, today } = context;
    const brokers = remoteSupportBrokers(model);
    return model.identities
      .filter((identity) => isThirdParty(identity) && isActive(identity, today))
      .flatMap((identity) => {
        const entry = remoteEntry(graph, identity, brokers.get(identity.id) ?? new Set());
        if (entry === undefined || entry.strong) return [];
        const rights = (identity.rights ?? []).map((right) => right.on);
        const related = existing(graph, [entry.via, ...rights]);
        const company = identity.company === undefined ? '' : ` (${identity.company})`;
        const auth = entry.authentication === '?' ? '' : ` (${entry.authentication})`;
        return [
          hit(
            identity.id,
            text(
              `${nameOf(identity)}${company}: access from outside via ${entry.via} with a single authentication factor${auth}${identity.shared === true ? ', login shared by several technicians' : ''}.`,
              `${nameOf(identity)}${company} : accès depuis l’extérieur par ${entry.via} avec un seul facteur d’authentification${auth}${identity.shared === true ? ', identifiant commun à plusieurs techniciens' : ''}.`,
            ),
            withImpact(
              impactOver(
                context,
                [...related, ...effectiveAdminTargets(graph, identity)],
                thirdPartyAccessWithoutMfa.impact,
              ),
              { related },
            ),
          ),
        ];
      });
  },
};
