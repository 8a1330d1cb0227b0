import { cvss31Score } from '../../cvss.js';
import { text } from '../../../design/text.js';
import { OPENSSH_CVES, opensshCves } from '../openssh-cves.js';
import { cve, subjectOf, type SshCheck } from './support.js';

export const sshOpensshVulnerable: SshCheck = {
  id: 'ssh-openssh-vulnerable',
  domain: 'ssh',
  title: text(
    'OpenSSH version with known vulnerabilities',
    'Version d’OpenSSH présentant des vulnérabilités connues',
  ),
  description: text(
    'The OpenSSH version the banner announces is affected by known server vulnerabilities (regreSSHion CVE-2024-6387, user enumeration CVE-2018-15473), and its distribution revision does not carry the fix.',
    "La version d'OpenSSH annoncée par la bannière est touchée par des vulnérabilités serveur connues (regreSSHion CVE-2024-6387, énumération d'utilisateurs CVE-2018-15473), et sa révision de distribution n'intègre pas le correctif.",
  ),
  rationale: text(
    'The score is the most severe CVE found (regreSSHion: remote code execution as root, hard to win the race: 8.1). Judged from the banner: a build patched without changing it would be a false positive.',
    "Le score est celui de la CVE la plus grave trouvée (regreSSHion : exécution de code à distance en root, course difficile à gagner : 8,1). Jugé d'après la bannière : une version corrigée sans la changer serait un faux positif.",
  ),
  remediation: text(
    'Update OpenSSH to the distribution’s fixed package or upstream 9.8p1 or later; for regreSSHion, LoginGraceTime 0 mitigates until then.',
    'Mettre à jour OpenSSH vers le paquet corrigé de la distribution ou la version amont 9.8p1 ou plus ; pour regreSSHion, LoginGraceTime 0 atténue en attendant.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
  references: OPENSSH_CVES.map((entry) => cve(entry.id, entry.title)),
  evaluate(observation) {
    const found = opensshCves(observation.banner);
    if (found.length === 0 || observation.banner === null) return [];
    const worst = [...found].sort((a, b) => cvss31Score(b.cvss) - cvss31Score(a.cvss))[0];
    const ids = found.map((entry) => entry.id).join(', ');
    return [
      {
        subject: subjectOf(observation),
        detail: text(
          `${observation.banner.software} is affected by ${ids}.`,
          `${observation.banner.software} est touché par ${ids}.`,
        ),
        evidence: `${observation.banner.raw}\n${found.map((entry) => `${entry.id}: ${entry.title}`).join('\n')}`,
        ...(worst === undefined ? {} : { cvss: worst.cvss }),
      },
    ];
  },
};
