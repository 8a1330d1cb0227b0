import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { list } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const knownVulnerableService: Rule = {
  id: 'known-vulnerable-service',
  family: 'obsolescence',
  title: text(
    'Service with known vulnerabilities',
    'Service présentant des vulnérabilités connues',
  ),
  description: text(
    'A service exposed by an asset is declared with known vulnerabilities (CVE) that are not fixed.',
    'Un service exposé par un actif est déclaré avec des vulnérabilités connues (CVE) non corrigées.',
  ),
  rationale: text(
    'Published vulnerabilities come with exploits and are scanned for on the Internet within days; an unpatched service is the easiest way in.',
    'Les vulnérabilités publiées s’accompagnent de codes d’exploitation et sont recherchées sur Internet en quelques jours ; un service non corrigé est la porte d’entrée la plus simple.',
  ),
  remediation: text(
    'Apply the vendor fixes; if none exists (end of support), remove the service or isolate it behind a filtering gateway and plan the replacement.',
    'Appliquer les correctifs de l’éditeur ; s’il n’en existe pas (fin de support), retirer le service ou l’isoler derrière une passerelle filtrante et planifier son remplacement.',
  ),
  falsePositives: text(
    'A vulnerability mitigated by configuration (feature disabled, vendor workaround): remove it from the model or record the decision.',
    'Vulnérabilité neutralisée par la configuration (fonction désactivée, contournement de l’éditeur) : la retirer du modèle ou consigner la décision.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:34'],
    iso27002: ['8.8'],
    cwe: ['CWE-1395'],
    attack: ['T1190', 'T1210', 'M1051'],
  },
  evaluate({ model, graph, analyses }) {
    return model.assets.flatMap((asset) => {
      const services = (asset.services ?? []).filter((s) => (s.vulnerabilities ?? []).length > 0);
      if (services.length === 0) return [];
      const exposed = analyses.internetExposure.byTarget.has(asset.id);
      const items = services.map(
        (s) =>
          `${String(s.port)}/${s.protocol ?? s.transport ?? 'tcp'}${s.product === undefined ? '' : ` ${s.product}`}: ${list(s.vulnerabilities ?? [])}`,
      );
      return [
        hit(
          asset.id,
          text(
            `${label(graph, asset.id)} exposes vulnerable services (${items.join('; ')})${exposed ? ', reachable from the Internet' : ''}.`,
            `${label(graph, asset.id)} expose des services vulnérables (${items.join(' ; ')})${exposed ? ', joignables depuis Internet' : ''}.`,
          ),
          exposed ? { likelihood: 4 } : {},
        ),
      ];
    });
  },
};
