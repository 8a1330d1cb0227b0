import { adminTargets, hasMfa, isActive, isPrivileged, nameOf } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';

export const adminWithoutMfa: Rule = {
  id: 'admin-without-mfa',
  family: 'identities',
  title: text(
    'Privileged identity without multi-factor authentication',
    'Identité à privilèges sans authentification multifacteur',
  ),
  description: text(
    'A privileged identity (administrator, privileged group member, privileged service or third-party account) authenticates with a single factor.',
    'Une identité à privilèges (administrateur, membre d’un groupe à privilèges, compte de service ou de tiers à privilèges) s’authentifie avec un seul facteur.',
  ),
  rationale: text(
    'A stolen or guessed administrator password gives an attacker control of the systems it administers; a second factor stops most credential theft and password spraying.',
    'Un mot de passe d’administrateur volé ou deviné donne à un attaquant la maîtrise des systèmes administrés ; un second facteur bloque l’essentiel des vols d’identifiants et des attaques par pulvérisation.',
  ),
  remediation: text(
    'Require multi-factor authentication for every privileged account, starting with those usable from outside the administration zone; for service accounts, remove interactive logon and restrict where they can be used.',
    'Exiger une authentification multifacteur pour tout compte à privilèges, en commençant par ceux utilisables hors de la zone d’administration ; pour les comptes de service, interdire l’ouverture de session interactive et restreindre leurs points d’usage.',
  ),
  falsePositives: text(
    'Service accounts that cannot log on interactively are reported too: accept the finding with that justification.',
    'Les comptes de service sans ouverture de session interactive sont aussi signalés : accepter le constat avec cette justification.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:13', 'admin:R24'],
    iso27002: ['8.5'],
    cwe: ['CWE-308'],
    attack: ['M1032', 'T1078'],
  },
  evaluate({ graph, model, today }) {
    return model.identities
      .filter((identity) => identity.kind !== 'group' && isActive(identity, today))
      .filter((identity) => isPrivileged(graph, identity) && !hasMfa(graph, identity))
      .map((identity) => {
        const administered = adminTargets(identity);
        return hit(
          identity.id,
          text(
            `${nameOf(identity)} is privileged and has no MFA${administered.length > 0 ? `; administers ${administered.join(', ')}` : ''}.`,
            `${nameOf(identity)} a des privilèges sans MFA${administered.length > 0 ? ` ; administre ${administered.join(', ')}` : ''}.`,
          ),
          { related: [...(identity.memberOf ?? []), ...administered] },
        );
      });
  },
};
