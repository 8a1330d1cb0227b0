import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, subjectOf } from './common.js';

export const hostFirewallMissing: Check<HostObservation> = {
  id: 'host-firewall-missing',
  domain: 'host',
  title: text('No host firewall rules', 'Aucune règle de pare-feu local'),
  description: text(
    'Neither nftables nor iptables filters incoming traffic on this host.',
    'Ni nftables ni iptables ne filtrent le trafic entrant sur cet hôte.',
  ),
  rationale: text(
    'Every service listening on the host is reachable by whoever reaches the network; a host firewall limits exposure when a service is added by mistake.',
    'Tout service à l’écoute est joignable par quiconque atteint le réseau ; un pare-feu local limite l’exposition quand un service est ajouté par erreur.',
  ),
  remediation: text(
    'Enable nftables with a default-drop input policy allowing only the services this host provides.',
    'Activer nftables avec une politique d’entrée par défaut « drop » n’autorisant que les services que cet hôte fournit.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L',
  references: [
    ANSSI_LINUX('network filtering'),
    CIS_DEBIAN('Ensure nftables default deny firewall policy'),
    LYNIS('FIRE-4512'),
    LYNIS('FIRE-4540'),
  ],
  lynis: ['FIRE-4512', 'FIRE-4540', 'FIRE-4590'],
  evaluate(observation) {
    const { firewall } = observation;
    if (
      !firewall.readable ||
      (firewall.rules !== null && firewall.rules > 0) ||
      firewall.inputPolicyDrop === true
    )
      return [];
    return [
      {
        subject: subjectOf(observation, 'firewall'),
        detail: text(
          'The ruleset is empty and the input policy accepts.',
          'Le jeu de règles est vide et la politique d’entrée accepte.',
        ),
        evidence: `${firewall.tool ?? 'nftables/iptables'}: ${String(firewall.rules ?? 0)} rule(s), input policy drop: ${String(firewall.inputPolicyDrop)}`,
      },
    ];
  },
};
