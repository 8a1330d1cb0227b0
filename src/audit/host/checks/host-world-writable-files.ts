import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { ANSSI_LINUX, CIS_DEBIAN, LYNIS, subjectOf } from './common.js';

export const hostWorldWritableFiles: Check<HostObservation> = {
  id: 'host-world-writable-files',
  domain: 'host',
  title: text(
    'World-writable files in system directories',
    'Fichiers modifiables par tous dans les répertoires système',
  ),
  description: text(
    'Regular files under system directories can be written by every account.',
    'Des fichiers ordinaires de répertoires système sont modifiables par tous les comptes.',
  ),
  rationale: text(
    'Any local account (or compromised service) can change what these files contain: scripts and configurations become a path to root.',
    'Tout compte local (ou service compromis) peut modifier leur contenu : scripts et configurations deviennent un chemin vers root.',
  ),
  remediation: text(
    'Remove the write bit for others (`chmod o-w`) and find out which package or procedure set it.',
    'Retirer le droit d’écriture aux autres (`chmod o-w`) et identifier le paquet ou la procédure qui l’a positionné.',
  ),
  cvss: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L',
  references: [
    ANSSI_LINUX('file permissions'),
    CIS_DEBIAN('Ensure world writable files and directories are secured'),
    LYNIS('FILE-7524'),
  ],
  lynis: ['FILE-7524'],
  evaluate(observation) {
    const files = observation.walk.worldWritable;
    if (files.length === 0) return [];
    return [
      {
        subject: subjectOf(observation, 'world-writable'),
        detail: text(
          `${files.length} world-writable file(s).`,
          `${files.length} fichier(s) modifiable(s) par tous.`,
        ),
        evidence: files.slice(0, 50).join('\n'),
      },
    ];
  },
};
