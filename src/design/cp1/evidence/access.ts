import { isActive, isPrivileged } from '../../../domain/model/index.js';
import { adminInterfaceFromUserZone } from '../../rules/admin-interface-from-user-zone.js';
import { adminLoginFromUserZone } from '../../rules/admin-login-from-user-zone.js';
import { adminWithoutMfa } from '../../rules/admin-without-mfa.js';
import { adminWorkstationInternetAccess } from '../../rules/admin-workstation-internet-access.js';
import { leaverStillActive } from '../../rules/leaver-still-active.js';
import { loginFromInternetWithoutVpn } from '../../rules/login-from-internet-without-vpn.js';
import { noAdminZone } from '../../rules/no-admin-zone.js';
import { sharedAccount } from '../../rules/shared-account.js';
import { thirdPartyAccessWithoutMfa } from '../../rules/third-party-access-without-mfa.js';
import { thirdPartyPermanentAccess } from '../../rules/third-party-permanent-access.js';
import { vendorRemoteSupportUncontrolled } from '../../rules/vendor-remote-support-uncontrolled.js';
import { text } from '../../text.js';
import { gapEvidence, gapsItemised } from './gaps.js';
import { defineEvidenceCheck, ids, type Evidence } from './types.js';

const THIRD_PARTY_RULES = [
  thirdPartyPermanentAccess,
  thirdPartyAccessWithoutMfa,
  vendorRemoteSupportUncontrolled,
];

export const outsourcingAccess = defineEvidenceCheck(
  'third-party-access',
  3,
  text(
    'Remote access of third parties: permanent or without MFA',
    'Accès distants des tiers : permanents ou sans MFA',
  ),
  (context, e) => {
    const gaps = gapsItemised(context, THIRD_PARTY_RULES, e.contradicts);
    const flagged = new Set(gaps.flatMap((gap) => gap.entities));
    const supported = context.model.identities.filter(
      (identity) =>
        identity.kind === 'third-party' &&
        isActive(identity, context.today) &&
        identity.remoteAccess !== undefined &&
        !flagged.has(identity.id),
    );
    return [
      ...gaps,
      ...supported.flatMap((identity) =>
        identity.remoteAccess === undefined
          ? []
          : [
              e.supports(
                [identity.id, identity.remoteAccess.via],
                `third party ${identity.id} connects on demand through ${identity.remoteAccess.via} with MFA`,
                `le tiers ${identity.id} se connecte à la demande par ${identity.remoteAccess.via} avec MFA`,
              ),
            ],
      ),
    ];
  },
  {
    rules: THIRD_PARTY_RULES,
    unrelated: {
      'cloud-data-location-unknown': 'where a provider keeps data, not how third parties connect',
      'provider-hds-missing': 'a provider’s certification, not how third parties connect',
      'provider-pci-dss-missing': 'a provider’s certification, not how third parties connect',
      'saas-data-outside-eu': 'where a provider keeps data, not how third parties connect',
    },
  },
);

export const leaversStillActive = defineEvidenceCheck(
  'leavers-still-active',
  6,
  text(
    'People who left but keep rights or group memberships',
    'Personnes parties qui gardent des droits ou des groupes',
  ),
  (context, e) => gapsItemised(context, [leaverStillActive], e.contradicts),
  { rules: [leaverStillActive] },
);

export const sharedAccounts = defineEvidenceCheck(
  'shared-accounts',
  8,
  text('Accounts shared by several people', 'Comptes partagés par plusieurs personnes'),
  (context, e) =>
    gapEvidence(
      context,
      [sharedAccount],
      e.contradicts,
      text('shared accounts', 'comptes partagés'),
    ),
  { rules: [sharedAccount] },
);

const MFA_RULES = [adminWithoutMfa, thirdPartyAccessWithoutMfa];

export const privilegedWithoutMfa = defineEvidenceCheck(
  'privileged-without-mfa',
  13,
  text('Privileged identities without MFA', 'Identités à privilèges sans MFA'),
  (context, e) => {
    const { graph, model, today } = context;
    const gaps = gapEvidence(
      context,
      MFA_RULES,
      e.contradicts,
      text('privileged identities without MFA', 'identités à privilèges sans MFA'),
    );
    if (gaps.length > 0) return gaps;
    // the population admin-without-mfa judges: people and accounts, groups through their members
    const privileged = model.identities.filter(
      (i) => i.kind !== 'group' && isActive(i, today) && isPrivileged(graph, i),
    );
    return privileged.length === 0
      ? []
      : [
          e.supports(
            privileged.map((i) => i.id),
            `all ${privileged.length} privileged identities use MFA`,
            `les ${privileged.length} identités à privilèges utilisent le MFA`,
          ),
        ];
  },
  {
    rules: MFA_RULES,
    unrelated: {
      'saas-without-mfa': 'the MFA a SaaS service asks of everyone, not of privileged accounts',
    },
  },
);

const ADMIN_NETWORK_RULES = [adminInterfaceFromUserZone, adminLoginFromUserZone, noAdminZone];

export const adminNetwork = defineEvidenceCheck(
  'admin-network',
  28,
  text(
    'Dedicated administration zone, and administration from user zones',
    'Zone d’administration dédiée, et administration depuis les zones utilisateurs',
  ),
  (context, e) => {
    const result: Evidence[] = [];
    const adminZones = e.undisputed(
      context.model.zones.filter((z) => z.kind === 'admin').map((z) => z.id),
    );
    if (adminZones.length > 0)
      result.push(
        e.supports(
          adminZones,
          `administration zone(s): ${ids(adminZones)}`,
          `zone(s) d’administration : ${ids(adminZones)}`,
        ),
      );
    result.push(
      ...gapEvidence(
        context,
        [adminInterfaceFromUserZone],
        e.contradicts,
        text(
          'administration interfaces reachable from user zones',
          'interfaces d’administration joignables depuis des zones utilisateurs',
        ),
      ),
      ...gapEvidence(
        context,
        [adminLoginFromUserZone],
        e.contradicts,
        text(
          'administrators who log in from user zones',
          'administrateurs qui se connectent depuis des zones utilisateurs',
        ),
      ),
      ...gapsItemised(context, [noAdminZone], e.contradicts),
    );
    return result;
  },
  { rules: ADMIN_NETWORK_RULES },
);

export const adminInternet = defineEvidenceCheck(
  'admin-internet',
  27,
  text(
    'Internet access from administration workstations',
    'Accès à Internet depuis les postes d’administration',
  ),
  (context, e) =>
    gapEvidence(
      context,
      [adminWorkstationInternetAccess],
      e.contradicts,
      text(
        'administration workstations reach the Internet',
        'des postes d’administration accèdent à Internet',
      ),
    ),
  { rules: [adminWorkstationInternetAccess] },
);

export const remoteWorking = defineEvidenceCheck(
  'remote-working',
  32,
  text(
    'Remote connections: through a VPN with MFA, or straight from the Internet',
    'Connexions distantes : par un VPN avec MFA, ou directement depuis Internet',
  ),
  (context, e) => {
    const result = gapEvidence(
      context,
      [loginFromInternetWithoutVpn],
      e.contradicts,
      text(
        'identities connect straight from the Internet, outside a VPN',
        'des identités se connectent directement depuis Internet, hors VPN',
      ),
    );
    const vpn = e.undisputed(
      context.model.assets
        .filter((a) => a.kind === 'vpn-gateway' && a.authentication?.mfa === true)
        .map((a) => a.id),
    );
    if (vpn.length > 0)
      result.push(
        e.supports(
          vpn,
          `VPN gateway with MFA: ${ids(vpn)}`,
          `passerelle VPN avec MFA : ${ids(vpn)}`,
        ),
      );
    return result;
  },
  { rules: [loginFromInternetWithoutVpn] },
);

export const securityReferent = defineEvidenceCheck(
  'security-referent',
  39,
  text('Security referent named in the model', 'Référent sécurité désigné dans le modèle'),
  ({ graph, model }, e) => {
    const referent = model.organisation?.securityReferent;
    return referent === undefined || graph.identity(referent) === undefined
      ? []
      : [
          e.supports(
            [referent],
            `security referent: ${referent}`,
            `référent sécurité : ${referent}`,
          ),
        ];
  },
);
