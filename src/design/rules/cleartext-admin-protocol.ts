import {
  CLEARTEXT_ADMIN_PROTOCOLS,
  hasDeclaredEncryption,
  REMOTE_ADMIN_PROTOCOLS,
  type Flow,
} from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, impactOver, list, withImpact } from './support-access.js';
import { label } from '../../model/predicates.js';

/** An administration flow whose credentials travel in clear. */
function isCleartextAdminFlow(flow: Flow): boolean {
  if (!REMOTE_ADMIN_PROTOCOLS.includes(flow.protocol)) return false;
  if (CLEARTEXT_ADMIN_PROTOCOLS.includes(flow.protocol)) return !hasDeclaredEncryption(flow);
  // SSH, RDP and WinRM encrypt by themselves: only an explicit `none` is reported
  return flow.encryption === 'none';
}

interface Cleartext {
  protocols: string[];
  flows: string[];
}

export const cleartextAdminProtocol: Rule = {
  id: 'cleartext-admin-protocol',
  family: 'administration',
  title: text(
    'Administration over a cleartext protocol',
    'Administration par un protocole en clair',
  ),
  description: text(
    'A device is administered with Telnet, HTTP, VNC or SNMP (v1/v2c) without encryption, or an administration flow is declared unencrypted.',
    'Un équipement est administré en Telnet, HTTP, VNC ou SNMP (v1/v2c) sans chiffrement, ou un flux d’administration est déclaré non chiffré.',
  ),
  rationale: text(
    'Administrator credentials and configuration travel in clear: anyone who can listen on one of the networks crossed (a compromised workstation on the same VLAN, a mirrored port) captures them and can also alter the session.',
    'Les identifiants d’administration et la configuration circulent en clair : quiconque peut écouter l’un des réseaux traversés (un poste compromis du même VLAN, un port miroir) les capture et peut aussi modifier la session.',
  ),
  remediation: text(
    'Replace Telnet with SSH, HTTP with HTTPS, SNMP v1/v2c with SNMPv3 (authPriv), and wrap VNC in SSH or an IPsec tunnel; when the device cannot encrypt, reach it only through an encrypted tunnel from the administration zone and plan its replacement.',
    'Remplacer Telnet par SSH, HTTP par HTTPS, SNMP v1/v2c par SNMPv3 (authPriv) et encapsuler VNC dans SSH ou un tunnel IPsec ; si l’équipement ne sait pas chiffrer, ne l’atteindre que par un tunnel chiffré depuis la zone d’administration et prévoir son remplacement.',
  ),
  falsePositives: text(
    'An SNMPv3 interface is modelled with the protocol `snmp` too: accept the finding when it uses authPriv. An HTTP interface that only redirects to HTTPS is not a cleartext administration.',
    'Une interface SNMPv3 se modélise aussi avec le protocole `snmp` : accepter le constat si elle utilise authPriv. Une interface HTTP qui ne fait que rediriger vers HTTPS n’est pas une administration en clair.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:21', 'admin:R24'],
    iso27002: ['8.20', '8.24'],
    cwe: ['CWE-319'],
    attack: ['T1040', 'T1557', 'M1041'],
  },
  evaluate(context) {
    const { graph, model } = context;
    const found = new Map<string, Cleartext>();
    const entry = (id: string): Cleartext => {
      const known = found.get(id);
      if (known !== undefined) return known;
      const created: Cleartext = { protocols: [], flows: [] };
      found.set(id, created);
      return created;
    };
    for (const asset of model.assets) {
      for (const admin of asset.adminInterfaces ?? [])
        if (CLEARTEXT_ADMIN_PROTOCOLS.includes(admin.protocol))
          entry(asset.id).protocols.push(admin.protocol);
      for (const service of asset.services ?? []) {
        const protocol = service.protocol;
        if (protocol !== undefined && ['telnet', 'vnc'].includes(protocol))
          if (service.encryption === undefined || service.encryption === 'none')
            entry(asset.id).protocols.push(protocol);
      }
    }
    for (const flow of model.flows) {
      if (!isCleartextAdminFlow(flow)) continue;
      const cleartext = entry(flow.to);
      cleartext.protocols.push(flow.protocol);
      cleartext.flows.push(flow.id);
    }
    return [...found.entries()].map(([id, cleartext]) => {
      const protocols = [...new Set(cleartext.protocols)];
      const flows = cleartext.flows.length > 0 ? list(cleartext.flows) : undefined;
      const onlySnmp = protocols.every((protocol) => protocol === 'snmp');
      return hit(
        id,
        text(
          `${label(graph, id)}: administered in clear with ${list(protocols)}${flows === undefined ? '' : ` (flows ${flows})`}.`,
          `${label(graph, id)} : administration en clair par ${list(protocols)}${flows === undefined ? '' : ` (flux ${flows})`}.`,
        ),
        withImpact(impactOver(context, [id], cleartextAdminProtocol.impact), {
          related: existing(graph, cleartext.flows),
          likelihood: onlySnmp ? 2 : 3,
        }),
      );
    });
  },
};
