import {
  DATABASE_PROTOCOLS,
  type DataSet,
  type Flow,
  isFlowEncrypted,
  MEDICAL_PROTOCOLS,
  type Protocol,
} from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { hit, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import {
  encryptionText,
  impactLevel,
  list,
  named,
  protocolPort,
  sensitiveDataOf,
} from './support-exposure.js';
import { dataStoredOn, isOtEndpoint, zoneOf } from '../../model/predicates.js';

/** True when the flow stays inside OT, where industrial protocols cannot encrypt. */
const staysInOt = (graph: ModelGraph, flow: Flow): boolean =>
  isOtEndpoint(graph, flow.from) && isOtEndpoint(graph, flow.to);

/** Protocols whose content is the records themselves (images, HL7 messages, query results). */
const RECORD_PROTOCOLS: readonly Protocol[] = [...MEDICAL_PROTOCOLS, ...DATABASE_PROTOCOLS];

/**
 * The sensitive data a flow carries: the data sets it declares; for a record protocol (DICOM,
 * HL7, databases) that declares none, the sensitive data kept on its ends or on what they host.
 */
function carriedData(graph: ModelGraph, flow: Flow): { data: DataSet[]; inferred: boolean } {
  if (flow.data !== undefined || !RECORD_PROTOCOLS.includes(flow.protocol))
    return { data: sensitiveDataOf(graph, flow), inferred: false };
  const ends = [flow.to, flow.from].filter((id) => graph.asset(id) !== undefined);
  const holders = [...ends, ...ends.flatMap((id) => graph.hostedBy(id))];
  const stored = [...new Set(holders.flatMap((id) => dataStoredOn(graph, id).map((d) => d.id)))];
  return { data: sensitiveDataOf(graph, { ...flow, data: stored }), inferred: true };
}

export const unencryptedSensitiveFlow: Rule = {
  id: 'unencrypted-sensitive-flow',
  family: 'flows-encryption',
  title: text(
    'Sensitive data carried without encryption',
    'Données sensibles transportées sans chiffrement',
  ),
  description: text(
    'A flow carries data with a confidentiality or integrity need of 3 or more, or sensitive personal data (health, bank details, social security number…), and is not encrypted.',
    'Un flux transporte des données dont le besoin en confidentialité ou en intégrité est de 3 ou plus, ou des données personnelles sensibles (santé, coordonnées bancaires, numéro de sécurité sociale…), sans être chiffré.',
  ),
  rationale: text(
    'Anyone who gets a foothold on the network path (compromised workstation, ARP spoofing, mirrored switch port) reads and alters data in clear; for personal data, an interception is a breach to notify.',
    'Quiconque prend pied sur le chemin réseau (poste compromis, usurpation ARP, port miroir) lit et modifie les données en clair ; pour des données personnelles, une interception est une violation à notifier.',
  ),
  remediation: text(
    'Enable encryption on the protocol (TLS 1.2 or 1.3 for databases and applications, SMB 3 encryption, LDAPS, syslog over TLS), or carry the flow in an IPsec tunnel; then declare the encryption on the flow.',
    'Activer le chiffrement du protocole (TLS 1.2 ou 1.3 pour les bases de données et applications, chiffrement SMB 3, LDAPS, syslog sur TLS), ou transporter le flux dans un tunnel IPsec ; puis déclarer le chiffrement sur le flux.',
  ),
  falsePositives: text(
    'A flow whose encryption is not declared is taken as unencrypted unless its protocol always encrypts (HTTPS, SSH… as the protocol registry says); a protocol with an optional encrypted mode (SMB, LDAP, DICOM, HL7/MLLP, databases) must declare it, `native` for the protocol’s own (SMB 3 encryption, LDAP sealing). A DICOM, HL7 or database flow that declares no data is taken to carry the sensitive data kept at its ends. Flows inside OT zones are left to the IT/OT rules: industrial protocols rarely offer encryption.',
    'Un flux dont le chiffrement n’est pas déclaré est réputé en clair, sauf si son protocole chiffre toujours (HTTPS, SSH… selon le registre des protocoles) ; un protocole au mode chiffré facultatif (SMB, LDAP, DICOM, HL7/MLLP, bases de données) doit le déclarer, `native` pour celui du protocole (chiffrement SMB 3, scellement LDAP). Un flux DICOM, HL7 ou de base de données qui ne déclare pas de données est réputé transporter les données sensibles gardées à ses extrémités. Les flux internes aux zones OT relèvent des règles IT/OT : les protocoles industriels offrent rarement du chiffrement.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity'],
  references: {
    anssi: ['hygiene:21', 'hygiene:18'],
    iso27002: ['8.24', '5.14'],
    cwe: ['CWE-319'],
    attack: ['T1040', 'T1557', 'M1041'],
  },
  evaluate({ graph, model, needs }) {
    const hits: RuleHit[] = [];
    for (const flow of model.flows) {
      if (isFlowEncrypted(flow) || staysInOt(graph, flow)) continue;
      const { data, inferred } = carriedData(graph, flow);
      if (data.length === 0) continue;
      const from = zoneOf(graph, flow.from);
      const to = zoneOf(graph, flow.to);
      // sniffing inside one server zone needs a foothold there first
      const sameServerZone =
        from !== undefined && from.id === to?.id && ['server', 'admin'].includes(from.kind);
      const what = (fr: boolean): string =>
        list(
          data.map((d) => {
            const c = d.needs?.confidentiality;
            const i = d.needs?.integrity;
            const levels = [c === undefined ? '' : `C${c}`, i === undefined ? '' : `I${i}`]
              .filter((s) => s !== '')
              .join(' ');
            const personal = d.personal?.categories.length
              ? `${fr ? 'données personnelles : ' : 'personal data: '}${list(d.personal.categories)}`
              : '';
            const details = [levels, personal].filter((s) => s !== '').join(fr ? ' ; ' : '; ');
            return details === '' ? d.id : `${d.id} (${details})`;
          }),
        );
      hits.push(
        hit(
          flow.id,
          text(
            `${flow.id} (${protocolPort(flow)}, ${encryptionText(flow.encryption, false)}) carries ${what(false)} in clear from ${named(graph, flow.from)} to ${named(graph, flow.to)}${inferred ? ' (data kept at its ends, the flow declares none)' : ''}.`,
            `${flow.id} (${protocolPort(flow)}, ${encryptionText(flow.encryption, true)}) transporte en clair ${what(true)} de ${named(graph, flow.from)} vers ${named(graph, flow.to)}${inferred ? ' (données gardées à ses extrémités, le flux n’en déclare pas)' : ''}.`,
          ),
          {
            related: [...data.map((d) => d.id), flow.from, flow.to],
            likelihood: sameServerZone ? 2 : 3,
            // what is at stake is the data in transit, not everything the endpoints hold
            impact: impactLevel(
              needs.max(inferred ? data.map((d) => d.id) : [flow.id], [
                'confidentiality',
                'integrity',
              ]),
            ),
          },
        ),
      );
    }
    return hits;
  },
};
