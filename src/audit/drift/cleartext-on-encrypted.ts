import { PROTOCOL_REGISTRY, type Encryption } from '../../domain/model/index.js';
import { text } from '../../design/text.js';
import type { Check, CheckHit, ServiceIdentity } from '../types.js';
import {
  assetLabel,
  endpointKey,
  flowsToPort,
  mappedNote,
  tcpServices,
  type DriftTlsView,
  type DriftView,
  type OpenPort,
} from './view.js';

/**
 * Encryptions a plain connection can tell apart: TLS (on the port itself or by STARTTLS) and
 * SSH. `native` (SMB 3 encryption, LDAP sealing), `proprietary` and tunnels (IPsec, WireGuard)
 * are negotiated inside a session or beneath it: the port answers in clear by design, so they
 * are not judged here.
 */
const OBSERVABLE: readonly Encryption[] = ['tls', 'tls1.0', 'tls1.1', 'tls1.2', 'tls1.3', 'ssh'];

/** The service spoke in clear: no TLS on the port, no STARTTLS, and not a protocol always encrypted. */
export function isCleartext(service: ServiceIdentity | undefined): service is ServiceIdentity {
  if (service === undefined || service.tls || service.starttls === true) return false;
  const info = Object.hasOwn(PROTOCOL_REGISTRY, service.protocol)
    ? PROTOCOL_REGISTRY[service.protocol as keyof typeof PROTOCOL_REGISTRY]
    : undefined;
  return info !== undefined && info.encryption !== 'always';
}

/**
 * What shows the port speaks in clear: its identity (a clear protocol, no STARTTLS), or — when
 * identification said nothing — a TLS probe that reached the port and got no TLS answer at all.
 */
function clearEvidence(
  port: OpenPort,
  tls: DriftTlsView | undefined,
): { protocol: { en: string; fr: string }; evidence: string } | undefined {
  const service = port.service;
  if (service !== undefined) {
    if (!isCleartext(service)) return undefined;
    return {
      protocol: { en: service.protocol, fr: service.protocol },
      evidence: service.banner ?? `${service.protocol} without TLS`,
    };
  }
  if (tls === undefined || !tls.reachable) return undefined;
  if (Object.values(tls.protocols).some(Boolean)) return undefined;
  return {
    protocol: { en: 'a protocol other than TLS', fr: 'un autre protocole que TLS' },
    evidence: tls.error ?? 'no TLS version accepted',
  };
}

/** A flow (or service) declared encrypted reaches a port that answers in clear. */
export const driftCleartextOnEncrypted: Check<DriftView> = {
  id: 'drift-cleartext-on-encrypted',
  domain: 'drift',
  title: text('Declared encrypted, answers in clear', 'Déclaré chiffré, répond en clair'),
  description: text(
    'The model declares the flows to this port (or the service itself) encrypted with TLS or SSH, but the port answers in clear: no TLS handshake, no STARTTLS offered.',
    'Le modèle déclare chiffrés par TLS ou SSH les flux vers ce port (ou le service lui-même), mais le port répond en clair : pas de négociation TLS, pas de STARTTLS proposé.',
  ),
  rationale: text(
    'The risk analysis counted on an encryption that does not exist: credentials and data cross the network readable and modifiable by anyone on the path (adjacent network, complex interception).',
    'L’analyse de risque a compté sur un chiffrement qui n’existe pas : identifiants et données traversent le réseau lisibles et modifiables par quiconque se trouve sur le chemin (réseau adjacent, interception complexe).',
  ),
  remediation: text(
    'Enable TLS on the service (or put it behind a TLS terminator) and refuse the clear protocol; if the flow is truly in clear, correct the model so the rules judge it as such.',
    'Activer TLS sur le service (ou le placer derrière un terminateur TLS) et refuser le protocole en clair ; si le flux est réellement en clair, corriger le modèle pour que les règles le jugent comme tel.',
  ),
  cvss: 'CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N',
  references: [
    { source: 'anssi', id: 'hygiene:12', title: 'Chiffrer les flux' },
    { source: 'cwe', id: 'CWE-319', title: 'Cleartext Transmission of Sensitive Information' },
  ],
  evaluate(view) {
    const hits: CheckHit[] = [];
    if (view.graph === null) return hits;
    for (const h of view.hosts) {
      for (const asset of h.assets) {
        for (const port of h.open) {
          const clear = clearEvidence(
            port,
            view.tls.get(endpointKey(h.host.address, port.reached)),
          );
          if (clear === undefined) continue;
          const flows = flowsToPort(view.graph, asset, port.declared).filter((f) =>
            OBSERVABLE.includes(f.encryption ?? 'none'),
          );
          const services = tcpServices(asset).filter(
            (s) => s.port === port.declared && OBSERVABLE.includes(s.encryption ?? 'none'),
          );
          if (flows.length === 0 && services.length === 0) continue;
          const declared = [...new Set([...flows, ...services].map((d) => d.encryption))].join(
            ', ',
          );
          const flowList = flows.map((f) => f.id).join(', ');
          const note = mappedNote(port);
          hits.push({
            subject: endpointKey(h.host.address, port.reached),
            detail: text(
              `${assetLabel(asset)} port ${port.reached}${note.en} answers in clear (${clear.protocol.en}); the model declares ${declared}${flowList === '' ? ' on the service' : ` (flows ${flowList})`}.`,
              `${assetLabel(asset)} port ${port.reached}${note.fr} répond en clair (${clear.protocol.fr}) ; le modèle déclare ${declared}${flowList === '' ? ' sur le service' : ` (flux ${flowList})`}.`,
            ),
            evidence: clear.evidence,
            entities: [asset.id, ...flows.map((f) => f.id)],
          });
        }
      }
    }
    return hits;
  },
};
