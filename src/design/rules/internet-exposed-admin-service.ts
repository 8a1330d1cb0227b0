import { isInternet } from '../analyses/internet-exposure.js';
import { hasMfa, isActive, REMOTE_ADMIN_PROTOCOLS } from '../../domain/model/index.js';
import { hit, type Level, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import {
  authenticationText,
  describeExposure,
  groupBy,
  list,
  named,
  unique,
} from './support-exposure.js';
import { isRestrictedToKnownSources, lowerWhen, publicationNotes } from './support-internet.js';
import { isAssetKind } from '../../model/predicates.js';

/** Administration protocols, plus the web consoles of administration interfaces. */
const isAdministration = (protocol: string, adminInterface: boolean): boolean =>
  adminInterface || (REMOTE_ADMIN_PROTOCOLS as readonly string[]).includes(protocol);

const STRONG_AUTHENTICATION: readonly (string | undefined)[] = ['mfa', 'certificate', 'key'];

export const internetExposedAdminService: Rule = {
  id: 'internet-exposed-admin-service',
  family: 'internet-exposure',
  title: text(
    'Administration service reachable from the Internet',
    'Service d’administration joignable depuis Internet',
  ),
  description: text(
    'An asset accepts an administration protocol (RDP, SSH, VNC, WinRM, Telnet, SNMP) or exposes an administration interface to the Internet, outside any VPN.',
    'Un actif accepte un protocole d’administration (RDP, SSH, VNC, WinRM, Telnet, SNMP) ou expose une interface d’administration à Internet, hors de tout VPN.',
  ),
  rationale: text(
    'Remote desktop, SSH and management consoles published on the Internet are scanned within minutes and are the first entry point of ransomware operators: password spraying, stolen credentials and unpatched vulnerabilities give direct interactive control of the system.',
    'Les bureaux à distance, SSH et consoles d’administration publiés sur Internet sont balayés en quelques minutes et constituent la première porte d’entrée des opérateurs de rançongiciels : pulvérisation de mots de passe, identifiants volés et vulnérabilités non corrigées donnent directement la main sur le système.',
  ),
  remediation: text(
    'Remove the port forwarding or the Internet exposure; reach the service only through the organisation’s VPN with multi-factor authentication, from administration workstations; if an exposure must remain, restrict it to known source addresses and require strong authentication.',
    'Supprimer la redirection de port ou l’exposition à Internet ; n’accéder au service qu’au travers du VPN de l’organisation avec authentification multifacteur, depuis des postes d’administration ; si une exposition doit subsister, la restreindre à des adresses sources connues et exiger une authentification forte.',
  ),
  falsePositives: text(
    'A flow declared from the Internet that actually terminates on a VPN is reported if the VPN gateway is not in its `via`: add it there. Strong authentication (keys, certificates, MFA) and flows accepting only listed sources (`allowedSources`) each lower the likelihood; a restriction to known addresses does not remove the finding, especially without MFA.',
    'Un flux déclaré depuis Internet qui aboutit en réalité dans un VPN est signalé si la passerelle VPN ne figure pas dans son `via` : l’y ajouter. Une authentification forte (clés, certificats, MFA) et des flux n’acceptant que des sources listées (`allowedSources`) abaissent chacun la vraisemblance ; la restriction à des adresses connues ne supprime pas le constat, surtout sans MFA.',
  ),
  likelihood: 4,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:23', 'admin:R24', 'interco:R4'],
    iso27002: ['8.20', '8.22'],
    cwe: ['CWE-284'],
    attack: ['T1133', 'T1021', 'M1035'],
  },
  evaluate({ graph, model, analyses, today }) {
    const exposures = analyses.internetExposure.exposures.filter(
      (exposure) =>
        isAdministration(exposure.protocol, exposure.adminInterface) &&
        !(exposure.flow?.via ?? []).some((id) => isAssetKind(graph, id, ['vpn-gateway'])),
    );
    const hits: RuleHit[] = [];
    for (const [target, group] of groupBy(exposures, (e) => e.target)) {
      // people who log in from the Internet with rights on the asset, or a remote access through it
      const users = model.identities.filter(
        (identity) =>
          isActive(identity, today) &&
          (identity.remoteAccess?.via === target ||
            ((identity.loginFrom ?? []).some((from) => isInternet(graph, from)) &&
              (identity.rights ?? []).some((right) => right.on === target))),
      );
      const usersWithoutMfa = users.filter((identity) => !hasMfa(graph, identity));
      const strong =
        group.every((e) => STRONG_AUTHENTICATION.includes(e.authentication)) &&
        usersWithoutMfa.length === 0;
      // known sources only: lower, never gone (a partner's address is taken over too)
      const likelihood: Level = lowerWhen(strong ? 3 : 4, isRestrictedToKnownSources(group));
      const how = (fr: boolean): string =>
        list(
          group.map((e) => {
            const through = e.flow?.via?.length ? e.flow.via : undefined;
            const via =
              through === undefined
                ? ''
                : fr
                  ? ` via ${list(through)}`
                  : ` through ${list(through)}`;
            const auth =
              e.authentication === undefined ? '' : `, ${authenticationText(e.authentication, fr)}`;
            const tls = e.encryption === undefined ? '' : `, ${e.encryption}`;
            return `${describeExposure(e, fr)}${via}${auth}${tls}`;
          }),
        );
      const who = (fr: boolean): string =>
        usersWithoutMfa.length === 0
          ? ''
          : fr
            ? ` ; utilisé sans MFA par ${list(usersWithoutMfa.map((i) => i.id))}`
            : `; used without MFA by ${list(usersWithoutMfa.map((i) => i.id))}`;
      hits.push(
        hit(
          target,
          text(
            `${named(graph, target)} can be administered from the Internet: ${how(false)}${who(false)}${publicationNotes(group, false)}.`,
            `${named(graph, target)} est administrable depuis Internet : ${how(true)}${who(true)}${publicationNotes(group, true)}.`,
          ),
          {
            likelihood,
            related: unique([
              ...group.flatMap((e) => (e.flow ? [e.flow.id, ...(e.flow.via ?? [])] : [])),
              ...users.map((i) => i.id),
            ]),
          },
        ),
      );
    }
    return hits;
  },
};
