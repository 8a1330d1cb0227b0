import { REMOTE_ADMIN_PROTOCOLS } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, impactOver, list, withImpact, zoneKindLabel } from './support-access.js';
import { isInZoneKind, isUserSide, label } from '../../model/predicates.js';

interface Exposure {
  interfaces: string[];
  sources: string[];
  flows: string[];
}

export const adminInterfaceFromUserZone: Rule = {
  id: 'admin-interface-from-user-zone',
  family: 'administration',
  title: text(
    'Administration interface reachable from user zones',
    'Interface d’administration joignable depuis les zones utilisateurs',
  ),
  description: text(
    'An administration interface (web console, SSH, Telnet, SNMP, vendor protocol) is reachable from a user, Wi-Fi or guest zone, or an administration protocol flows from such a zone.',
    'Une interface d’administration (console web, SSH, Telnet, SNMP, protocole constructeur) est joignable depuis une zone bureautique, Wi-Fi ou invités, ou un protocole d’administration part d’une telle zone.',
  ),
  rationale: text(
    'Anyone on the user network, including malware on a compromised workstation or a visitor on the guest Wi-Fi, can then try passwords and exploit the vulnerabilities of the console: administration interfaces must only answer the administration zone.',
    'Quiconque se trouve sur le réseau utilisateurs, y compris un code malveillant sur un poste compromis ou un visiteur du Wi-Fi invités, peut alors essayer des mots de passe et exploiter les vulnérabilités de la console : les interfaces d’administration ne doivent répondre qu’à la zone d’administration.',
  ),
  remediation: text(
    'Restrict administration interfaces to the administration zone (dedicated management VLAN or interface, filtering on the device and on the firewall) and remove administration flows from user zones.',
    'Restreindre les interfaces d’administration à la zone d’administration (VLAN ou interface de gestion dédiés, filtrage sur l’équipement et sur le pare-feu) et supprimer les flux d’administration issus des zones utilisateurs.',
  ),
  falsePositives: text(
    'Printers and copiers often expose a user web page on the same port as their administration: if administration requires a strong, changed password and only the user page is meant, accept the finding.',
    'Les imprimantes et copieurs exposent souvent une page utilisateur sur le même port que leur administration : si l’administration exige un mot de passe robuste et changé et que seule la page utilisateur est visée, accepter le constat.',
  ),
  likelihood: 3,
  impact: ['integrity', 'availability', 'confidentiality'],
  references: {
    anssi: ['hygiene:28', 'admin:R16', 'admin:R17'],
    iso27002: ['8.20', '8.22'],
    cwe: ['CWE-1327'],
    attack: ['T1021', 'M1030', 'M1035'],
  },
  evaluate(context) {
    const { graph, model } = context;
    const found = new Map<string, Exposure>();
    const entry = (id: string): Exposure => {
      const known = found.get(id);
      if (known !== undefined) return known;
      const created: Exposure = { interfaces: [], sources: [], flows: [] };
      found.set(id, created);
      return created;
    };
    for (const asset of model.assets) {
      for (const admin of asset.adminInterfaces ?? []) {
        const from = (admin.from ?? []).filter((source) => isUserSide(graph, source));
        if (from.length === 0) continue;
        const exposure = entry(asset.id);
        exposure.interfaces.push(
          `${admin.protocol}${admin.port === undefined ? '' : `/${admin.port}`}`,
        );
        exposure.sources.push(...from);
      }
    }
    for (const flow of model.flows) {
      if (!REMOTE_ADMIN_PROTOCOLS.includes(flow.protocol) || !isUserSide(graph, flow.from))
        continue;
      const exposure = entry(flow.to);
      exposure.interfaces.push(`${flow.protocol}${flow.port === undefined ? '' : `/${flow.port}`}`);
      exposure.sources.push(flow.from);
      exposure.flows.push(flow.id);
    }
    return [...found.entries()].map(([id, exposure]) => {
      const interfaces = [...new Set(exposure.interfaces)];
      const sources = [...new Set(exposure.sources)];
      const places = sources.map((source) => `${source} (${zoneKindLabel(graph, source)})`);
      const guest = sources.some((source) => isInZoneKind(graph, source, ['guest-wifi']));
      const related = existing(graph, [...sources, ...exposure.flows]);
      return hit(
        id,
        text(
          `${label(graph, id)}: administration ${list(interfaces)} reachable from ${list(places)}${exposure.flows.length > 0 ? ` (flows ${list(exposure.flows)})` : ''}.`,
          `${label(graph, id)} : administration ${list(interfaces)} joignable depuis ${list(places)}${exposure.flows.length > 0 ? ` (flux ${list(exposure.flows)})` : ''}.`,
        ),
        withImpact(impactOver(context, [id], adminInterfaceFromUserZone.impact), {
          related,
          likelihood: guest ? 4 : 3,
        }),
      );
    });
  },
};
