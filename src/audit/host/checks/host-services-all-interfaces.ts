import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, LYNIS, subjectOf } from './common.js';

export const hostServicesAllInterfaces: Check<HostObservation> = {
  id: 'host-services-all-interfaces',
  domain: 'host',
  title: text(
    'Services listening on every interface',
    'Services à l’écoute sur toutes les interfaces',
  ),
  description: text(
    'TCP services listen on 0.0.0.0 or :: rather than on the interface they serve.',
    'Des services TCP écoutent sur 0.0.0.0 ou :: plutôt que sur l’interface qu’ils servent.',
  ),
  rationale: text(
    'A service bound to every interface is also reachable from networks it was not meant for (administration, backup, Internet-facing interfaces).',
    'Un service lié à toutes les interfaces est aussi joignable depuis des réseaux auxquels il n’est pas destiné (administration, sauvegarde, interfaces exposées à Internet).',
  ),
  remediation: text(
    'Bind each service to the address it serves, or filter it with the host firewall; compare with the services the model declares.',
    'Lier chaque service à l’adresse qu’il sert, ou le filtrer par le pare-feu local ; comparer avec les services déclarés dans le modèle.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [ANSSI_LINUX('network services'), LYNIS('NETW-3012')],
  lynis: ['NETW-3012'],
  evaluate(observation) {
    const wildcard = observation.listening.filter(
      (socket) =>
        socket.protocol === 'tcp' && (socket.address === '0.0.0.0' || socket.address === '::'),
    );
    const ports = [...new Set(wildcard.map((socket) => socket.port))].sort((a, b) => a - b);
    if (ports.length === 0) return [];
    return [
      {
        subject: subjectOf(observation, 'listening'),
        detail: text(
          `TCP ports on every interface: ${ports.join(', ')}.`,
          `Ports TCP sur toutes les interfaces : ${ports.join(', ')}.`,
        ),
        evidence: wildcard.map((socket) => `${socket.address}:${String(socket.port)}`).join('\n'),
      },
    ];
  },
};
