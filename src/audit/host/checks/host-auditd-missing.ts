import { text } from '../../../design/text.js';
import type { Check } from '../../types.js';
import type { HostObservation } from '../observation.js';
import { CIS_DEBIAN, LYNIS, subjectOf } from './common.js';

export const hostAuditdMissing: Check<HostObservation> = {
  id: 'host-auditd-missing',
  domain: 'host',
  title: text('No system audit (auditd)', 'Aucun audit système (auditd)'),
  description: text(
    'auditd is not running, or runs without rules.',
    'auditd ne tourne pas, ou tourne sans règle.',
  ),
  rationale: text(
    'Without kernel audit records, privileged commands, changes of sensitive files and logins cannot be traced after an incident.',
    'Sans traces d’audit du noyau, les commandes privilégiées, les modifications de fichiers sensibles et les connexions ne peuvent être retracées après un incident.',
  ),
  remediation: text(
    'Install auditd and load rules for identity files, sudo, privileged commands and time changes.',
    'Installer auditd et charger des règles pour les fichiers d’identité, sudo, les commandes privilégiées et les changements d’heure.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N',
  references: [
    {
      source: 'anssi',
      id: 'logging:R13',
      title: 'Recommandations de sécurité pour la journalisation',
    },
    CIS_DEBIAN('Ensure auditd service is enabled and active'),
    LYNIS('ACCT-9628'),
    LYNIS('ACCT-9630'),
  ],
  lynis: ['ACCT-9628', 'ACCT-9630'],
  evaluate(observation) {
    const { running, rules } = observation.audit;
    if (running && rules !== null && rules > 0) return [];
    return [
      {
        subject: subjectOf(observation, 'auditd'),
        detail: running
          ? text('auditd runs without rules.', 'auditd tourne sans règle.')
          : text('auditd is not running.', 'auditd ne tourne pas.'),
        evidence: `auditd installed: ${String(observation.audit.installed)}, running: ${String(running)}, rules: ${String(rules)}`,
      },
    ];
  },
};
