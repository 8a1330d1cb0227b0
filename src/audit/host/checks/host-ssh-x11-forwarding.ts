import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, sshdOption, subjectOf } from './common.js';

export const hostSshX11Forwarding: Check<HostObservation> = {
  id: 'host-ssh-x11-forwarding',
  domain: 'host',
  title: text('SSH forwards X11', 'SSH relaie X11'),
  description: text(
    'X11Forwarding is yes: graphical sessions are forwarded over SSH.',
    'X11Forwarding vaut yes : les sessions graphiques sont relayées par SSH.',
  ),
  rationale: text(
    'A compromised server can reach the X display of the administrator who connects to it (keystrokes, screen). Servers rarely need it.',
    'Un serveur compromis peut atteindre l’affichage X de l’administrateur qui s’y connecte (frappes, écran). Les serveurs en ont rarement besoin.',
  ),
  remediation: text(
    'Set `X11Forwarding no` unless a graphical tool is really needed on this host.',
    'Positionner `X11Forwarding no` sauf besoin réel d’un outil graphique sur cet hôte.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:N',
  references: [
    ANSSI_LINUX('SSH'),
    CIS_DEBIAN('Ensure sshd X11Forwarding is disabled'),
    LYNIS('SSH-7408'),
  ],
  lynis: ['SSH-7408'],
  evaluate(observation) {
    if (!observation.sshd.installed || observation.sshd.source === null) return [];
    const value = sshdOption(observation, 'x11forwarding', 'no');
    if (value !== 'yes') return [];
    return [
      {
        subject: subjectOf(observation, 'sshd'),
        detail: text('X11Forwarding is yes.', 'X11Forwarding vaut yes.'),
        evidence: `X11Forwarding ${value} (${observation.sshd.source})`,
      },
    ];
  },
};
