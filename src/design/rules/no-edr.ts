import { AGENT_HOST_KINDS } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { isWindows } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const noEdr: Rule = {
  id: 'no-edr',
  family: 'logging',
  title: text(
    'Server or workstation without EDR or antivirus',
    'Serveur ou poste sans EDR ni antivirus',
  ),
  description: text(
    'A server or workstation has neither an EDR agent nor an antivirus declared.',
    'Un serveur ou un poste de travail n’a ni agent EDR ni antivirus déclaré.',
  ),
  rationale: text(
    'Without endpoint protection, malware and attacker tools run unhindered and leave no detection event; ransomware spreads first to the unprotected hosts.',
    'Sans protection du poste, les logiciels malveillants et les outils de l’attaquant s’exécutent sans entrave et ne produisent aucun évènement de détection ; un rançongiciel se propage d’abord vers les hôtes non protégés.',
  ),
  remediation: text(
    'Deploy the EDR (or at least a managed antivirus) on the asset and send its alerts to the central console; for industrial or appliance systems where no agent is supported, use an application allowlist and network detection.',
    'Déployer l’EDR (ou à défaut un antivirus administré) sur l’actif et remonter ses alertes à la console centrale ; pour les systèmes industriels ou les appliances qui n’acceptent aucun agent, recourir à une liste blanche applicative et à une détection réseau.',
  ),
  falsePositives: text(
    'Vendor appliances (vCenter, firewalls’ management, hardened Linux images) cannot take an agent: accept the finding with the compensating measures.',
    'Les appliances d’éditeur (vCenter, images Linux durcies) n’acceptent pas d’agent : accepter le constat en décrivant les mesures compensatoires.',
  ),
  likelihood: 2,
  impact: ['integrity', 'availability', 'confidentiality'],
  references: {
    anssi: ['hygiene:14'],
    iso27002: ['8.7'],
    cwe: ['CWE-693'],
    attack: ['M1049', 'T1486'],
  },
  evaluate({ model, graph, analyses }) {
    return model.assets
      .filter((asset) => AGENT_HOST_KINDS.includes(asset.kind))
      .filter((asset) => asset.edr !== true && asset.antivirus !== true)
      .map((asset) => {
        const exposed = analyses.internetExposure.byTarget.has(asset.id);
        const aboutEn = [
          ...(asset.count === undefined ? [] : [`${String(asset.count)} units`]),
          ...(asset.os === undefined ? [] : [asset.os.name]),
        ];
        const aboutFr = [
          ...(asset.count === undefined ? [] : [`${String(asset.count)} unités`]),
          ...(asset.os === undefined ? [] : [asset.os.name]),
        ];
        const name = label(graph, asset.id);
        return hit(
          asset.id,
          text(
            `${name}${aboutEn.length > 0 ? ` (${aboutEn.join(', ')})` : ''} has no EDR and no antivirus${exposed ? ' and is reachable from the Internet' : ''}.`,
            `${name}${aboutFr.length > 0 ? ` (${aboutFr.join(', ')})` : ''} n’a ni EDR ni antivirus${exposed ? ' et est joignable depuis Internet' : ''}.`,
          ),
          isWindows(asset) || exposed ? { likelihood: 3 } : {},
        );
      });
  },
};
