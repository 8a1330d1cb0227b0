import {
  hasLeft,
  hasMfa,
  isActive,
  isPrivileged,
  USER_OR_INTERNET_ZONE_KINDS,
} from '../../../domain/model/index.js';
import { text } from '../../text.js';
import { defineEvidenceCheck, ids, type Evidence } from './types.js';
import { isInZoneKind, isOutside } from '../../../model/predicates.js';

export const outsourcingAccess = defineEvidenceCheck(
  'third-party-access',
  3,
  text(
    'Remote access of third parties: permanent or without MFA',
    'Accès distants des tiers : permanents ou sans MFA',
  ),
  ({ graph, model, today }, e) => {
    const result: Evidence[] = [];
    for (const identity of model.identities) {
      if (identity.kind !== 'third-party' || !isActive(identity, today)) continue;
      const permanent = identity.remoteAccess?.permanent === true;
      const weak = !hasMfa(graph, identity) && identity.remoteAccess?.authentication !== 'mfa';
      if (permanent || (weak && isPrivileged(graph, identity))) {
        const what = [permanent ? 'permanent access' : '', weak ? 'no MFA' : '']
          .filter((s) => s !== '')
          .join(', ');
        const quoi = [permanent ? 'accès permanent' : '', weak ? 'sans MFA' : '']
          .filter((s) => s !== '')
          .join(', ');
        result.push(
          e.contradicts(
            [identity.id, ...(identity.remoteAccess ? [identity.remoteAccess.via] : [])],
            `third party ${identity.id}: ${what}`,
            `tiers ${identity.id} : ${quoi}`,
          ),
        );
      } else if (identity.remoteAccess !== undefined) {
        result.push(
          e.supports(
            [identity.id, identity.remoteAccess.via],
            `third party ${identity.id} connects on demand through ${identity.remoteAccess.via} with MFA`,
            `le tiers ${identity.id} se connecte à la demande par ${identity.remoteAccess.via} avec MFA`,
          ),
        );
      }
    }
    return result;
  },
);

export const leaversStillActive = defineEvidenceCheck(
  'leavers-still-active',
  6,
  text(
    'People who left but keep rights or group memberships',
    'Personnes parties qui gardent des droits ou des groupes',
  ),
  ({ model, today }, e) =>
    model.identities
      .filter(
        (i) =>
          hasLeft(i, today) &&
          ((i.rights ?? []).length > 0 || (i.memberOf ?? []).length > 0 || i.privileged === true),
      )
      .map((i) =>
        e.contradicts(
          [i.id, ...(i.memberOf ?? [])],
          `${i.id} left on ${i.left ?? ''} but still has rights or group memberships`,
          `${i.id} est parti le ${i.left ?? ''} mais conserve des droits ou des groupes`,
        ),
      ),
);

export const sharedAccounts = defineEvidenceCheck(
  'shared-accounts',
  8,
  text('Accounts shared by several people', 'Comptes partagés par plusieurs personnes'),
  ({ model, today }, e) => {
    const shared = model.identities.filter((i) => i.shared === true && isActive(i, today));
    return shared.length === 0
      ? []
      : [
          e.contradicts(
            shared.map((i) => i.id),
            `shared accounts: ${ids(shared.map((i) => i.id))}`,
            `comptes partagés : ${ids(shared.map((i) => i.id))}`,
          ),
        ];
  },
);

export const privilegedWithoutMfa = defineEvidenceCheck(
  'privileged-without-mfa',
  13,
  text('Privileged identities without MFA', 'Identités à privilèges sans MFA'),
  ({ graph, model, today }, e) => {
    const privileged = model.identities.filter(
      (i) => i.kind !== 'service-account' && isActive(i, today) && isPrivileged(graph, i),
    );
    const without = privileged.filter((i) => !hasMfa(graph, i));
    if (without.length > 0)
      return [
        e.contradicts(
          without.map((i) => i.id),
          `privileged identities without MFA: ${ids(without.map((i) => i.id))}`,
          `identités à privilèges sans MFA : ${ids(without.map((i) => i.id))}`,
        ),
      ];
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
);

export const adminNetwork = defineEvidenceCheck(
  'admin-network',
  28,
  text(
    'Dedicated administration zone, and administration from user zones',
    'Zone d’administration dédiée, et administration depuis les zones utilisateurs',
  ),
  ({ graph, model, today }, e) => {
    const result: Evidence[] = [];
    const adminZones = model.zones.filter((z) => z.kind === 'admin');
    if (adminZones.length > 0)
      result.push(
        e.supports(
          adminZones.map((z) => z.id),
          `administration zone(s): ${ids(adminZones.map((z) => z.id))}`,
          `zone(s) d’administration : ${ids(adminZones.map((z) => z.id))}`,
        ),
      );
    const exposed = model.assets.filter((a) =>
      (a.adminInterfaces ?? []).some((i) =>
        (i.from ?? []).some((from) => isInZoneKind(graph, from, USER_OR_INTERNET_ZONE_KINDS)),
      ),
    );
    if (exposed.length > 0)
      result.push(
        e.contradicts(
          exposed.map((a) => a.id),
          `administration interfaces reachable from user zones: ${ids(exposed.map((a) => a.id))}`,
          `interfaces d’administration joignables depuis des zones utilisateurs : ${ids(exposed.map((a) => a.id))}`,
        ),
      );
    const admins = model.identities.filter(
      (i) =>
        isActive(i, today) &&
        i.kind !== 'service-account' &&
        isPrivileged(graph, i) &&
        (i.loginFrom ?? []).some((from) => isInZoneKind(graph, from, USER_OR_INTERNET_ZONE_KINDS)),
    );
    if (admins.length > 0)
      result.push(
        e.contradicts(
          admins.map((i) => i.id),
          `administrators who log in from user zones: ${ids(admins.map((i) => i.id))}`,
          `administrateurs qui se connectent depuis des zones utilisateurs : ${ids(admins.map((i) => i.id))}`,
        ),
      );
    return result;
  },
);

export const adminInternet = defineEvidenceCheck(
  'admin-internet',
  27,
  text(
    'Internet access from administration workstations',
    'Accès à Internet depuis les postes d’administration',
  ),
  ({ graph, model }, e) => {
    const flows = model.flows.filter(
      (f) =>
        (graph.asset(f.from)?.kind === 'admin-workstation' ||
          isInZoneKind(graph, f.from, ['admin'])) &&
        isOutside(graph, f.to),
    );
    return flows.length === 0
      ? []
      : [
          e.contradicts(
            flows.map((f) => f.id),
            `administration workstations reach the Internet: ${ids(flows.map((f) => f.id))}`,
            `des postes d’administration accèdent à Internet : ${ids(flows.map((f) => f.id))}`,
          ),
        ];
  },
);

export const remoteWorking = defineEvidenceCheck(
  'remote-working',
  32,
  text(
    'Remote connections: through a VPN with MFA, or straight from the Internet',
    'Connexions distantes : par un VPN avec MFA, ou directement depuis Internet',
  ),
  ({ graph, model, today }, e) => {
    const result: Evidence[] = [];
    const direct = model.identities.filter(
      (i) =>
        isActive(i, today) &&
        i.kind !== 'third-party' &&
        (i.loginFrom ?? []).some((from) => isInZoneKind(graph, from, ['internet'])),
    );
    if (direct.length > 0)
      result.push(
        e.contradicts(
          direct.map((i) => i.id),
          `identities connect straight from the Internet, outside a VPN: ${ids(direct.map((i) => i.id))}`,
          `des identités se connectent directement depuis Internet, hors VPN : ${ids(direct.map((i) => i.id))}`,
        ),
      );
    const vpn = model.assets.filter(
      (a) => a.kind === 'vpn-gateway' && a.authentication?.mfa === true,
    );
    if (vpn.length > 0)
      result.push(
        e.supports(
          vpn.map((a) => a.id),
          `VPN gateway with MFA: ${ids(vpn.map((a) => a.id))}`,
          `passerelle VPN avec MFA : ${ids(vpn.map((a) => a.id))}`,
        ),
      );
    return result;
  },
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
