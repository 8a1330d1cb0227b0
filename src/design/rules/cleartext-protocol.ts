import {
  CLEARTEXT_PROTOCOLS,
  isFlowEncrypted,
  OT_PROTOCOLS,
  PROTOCOLS,
  protocolInfo,
  REMOTE_ADMIN_PROTOCOLS,
  type Protocol,
} from '../../domain/model/index.js';
import { hit, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { named, protocolPort, sensitiveDataOf } from './support-exposure.js';
import { isAssetKind, zoneOf } from '../../model/predicates.js';

/**
 * Protocols reported in clear: those with a secure counterpart, and those of the protocol
 * registry that carry credentials and have no encrypted mode at all (iSCSI, RADIUS, RTSP…);
 * industrial ones are the IT/OT rules’.
 */
const REPORTED_PROTOCOLS: readonly Protocol[] = [
  ...CLEARTEXT_PROTOCOLS,
  ...PROTOCOLS.filter(
    (protocol) =>
      protocolInfo(protocol).encryption === 'never' &&
      protocolInfo(protocol).credentials &&
      !CLEARTEXT_PROTOCOLS.includes(protocol) &&
      !OT_PROTOCOLS.includes(protocol),
  ),
];

/** Protocols that always send a password or session secret when they authenticate. */
const PASSWORD_PROTOCOLS = new Set(['ftp', 'pop3', 'imap']);

export const cleartextProtocol: Rule = {
  id: 'cleartext-protocol',
  family: 'flows-encryption',
  title: text('Flow using a cleartext protocol', 'Flux utilisant un protocole en clair'),
  description: text(
    'A flow uses without encryption a protocol that has a secure counterpart (HTTP, FTP, LDAP, SMTP, IMAP, POP3), or one that carries credentials and has no encrypted mode at all according to the protocol registry (iSCSI, RADIUS, RTSP).',
    'Un flux utilise sans chiffrement un protocole qui a un équivalent sécurisé (HTTP, FTP, LDAP, SMTP, IMAP, POP3), ou un protocole qui transporte des identifiants sans aucun mode chiffré selon le registre des protocoles (iSCSI, RADIUS, RTSP).',
  ),
  rationale: text(
    'Cleartext protocols expose their content and often the credentials that go with it to anyone on the path, and let an attacker alter the exchange (directory answers, pages, commands).',
    'Les protocoles en clair exposent leur contenu, et souvent les identifiants qui l’accompagnent, à quiconque se trouve sur le chemin, et permettent à un attaquant de modifier l’échange (réponses d’annuaire, pages, commandes).',
  ),
  remediation: text(
    'Use the secure counterpart: HTTPS, SFTP/FTPS, LDAPS or LDAP with signing and sealing, SMTP with STARTTLS, IMAPS, POP3S, RADIUS over TLS; or carry the flow in an IPsec tunnel or a dedicated network (iSCSI).',
    'Utiliser l’équivalent sécurisé : HTTPS, SFTP/FTPS, LDAPS ou LDAP signé et scellé, SMTP avec STARTTLS, IMAPS, POP3S, RADIUS sur TLS ; ou transporter le flux dans un tunnel IPsec ou un réseau dédié (iSCSI).',
  ),
  falsePositives: text(
    'Flows carrying sensitive data are reported by unencrypted-sensitive-flow instead, and administration protocols (Telnet, VNC, SNMP) by cleartext-admin-protocol. HTTP to an explicit proxy is left out (HTTPS sites go through it encrypted); HTTP from a reverse proxy to its back end in the same zone (TLS offloading) is reported with the lowest likelihood.',
    'Les flux qui transportent des données sensibles sont signalés par unencrypted-sensitive-flow à la place, et les protocoles d’administration (Telnet, VNC, SNMP) par cleartext-admin-protocol. Le HTTP vers un proxy explicite est écarté (les sites HTTPS le traversent chiffrés) ; le HTTP d’un reverse proxy vers son serveur dorsal dans la même zone (terminaison TLS) est signalé avec la plus faible vraisemblance.',
  ),
  likelihood: 2,
  impact: ['confidentiality', 'integrity'],
  references: {
    anssi: ['hygiene:21', 'admin:R24'],
    iso27002: ['8.20', '8.24'],
    cwe: ['CWE-319', 'CWE-523'],
    attack: ['T1040', 'T1557', 'M1041'],
  },
  evaluate({ graph, model }) {
    const hits: RuleHit[] = [];
    for (const flow of model.flows) {
      if (!REPORTED_PROTOCOLS.includes(flow.protocol) || isFlowEncrypted(flow)) continue;
      // administration protocols in clear are cleartext-admin-protocol’s
      if (REMOTE_ADMIN_PROTOCOLS.includes(flow.protocol)) continue;
      if (sensitiveDataOf(graph, flow).length > 0) continue;
      if (flow.protocol === 'http' && isAssetKind(graph, flow.to, ['proxy'])) continue;
      const credentials =
        flow.authentication === 'password' ||
        (flow.authentication === undefined && PASSWORD_PROTOCOLS.has(flow.protocol));
      // TLS offloading: a reverse proxy talking to its back end inside the same zone
      const offloading =
        isAssetKind(graph, flow.from, ['reverse-proxy', 'load-balancer']) &&
        zoneOf(graph, flow.from)?.id === zoneOf(graph, flow.to)?.id;
      hits.push(
        hit(
          flow.id,
          credentials
            ? text(
                `${flow.id} uses ${protocolPort(flow)} in clear from ${named(graph, flow.from)} to ${named(graph, flow.to)}: passwords travel readable.`,
                `${flow.id} utilise ${protocolPort(flow)} en clair de ${named(graph, flow.from)} vers ${named(graph, flow.to)} : les mots de passe circulent lisibles.`,
              )
            : text(
                `${flow.id} uses ${protocolPort(flow)} in clear from ${named(graph, flow.from)} to ${named(graph, flow.to)}.`,
                `${flow.id} utilise ${protocolPort(flow)} en clair de ${named(graph, flow.from)} vers ${named(graph, flow.to)}.`,
              ),
          { related: [flow.from, flow.to], likelihood: credentials ? 3 : offloading ? 1 : 2 },
        ),
      );
    }
    return hits;
  },
};
