import { declaresLogSources } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { list } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const logsNotCentralised: Rule = {
  id: 'logs-not-centralised',
  family: 'logging',
  title: text('Logs kept only on the asset', 'Journaux conservés uniquement sur l’actif'),
  description: text(
    'An asset produces logs but sends them to no collector or SIEM: they stay on the asset itself.',
    'Un actif produit des journaux mais ne les envoie à aucun collecteur ni SIEM : ils restent sur l’actif lui-même.',
  ),
  rationale: text(
    'An attacker who controls the asset erases its local logs; local logs are not correlated and are lost with the asset.',
    'Un attaquant qui contrôle l’actif efface ses journaux locaux ; des journaux locaux ne sont pas corrélés et disparaissent avec l’actif.',
  ),
  remediation: text(
    'Forward the logs in real time to a dedicated central collector (SIEM or log server) placed in a protected zone.',
    'Transférer les journaux en temps réel vers un collecteur central dédié (SIEM ou serveur de journaux) placé dans une zone protégée.',
  ),
  falsePositives: text(
    'The central collector itself (SIEM) is not reported; a collector pulling the logs should be declared as sendsTo.',
    'Le collecteur central lui-même (SIEM) n’est pas signalé ; un collecteur qui récupère les journaux doit être déclaré dans sendsTo.',
  ),
  likelihood: 2,
  impact: ['proof', 'integrity'],
  references: {
    anssi: ['hygiene:36', 'logging:R9', 'logging:R14'],
    iso27002: ['8.15'],
    cwe: ['CWE-778'],
    attack: ['T1070', 'M1029'],
  },
  evaluate({ model, graph }) {
    return model.assets
      .filter((asset) => asset.kind !== 'siem')
      .filter(declaresLogSources)
      .filter((asset) => asset.logging?.sendsTo === undefined)
      .map((asset) => {
        const sources = list(asset.logging?.sources ?? []);
        return hit(
          asset.id,
          text(
            `${label(graph, asset.id)} keeps its logs (${sources}) locally and sends them to no collector.`,
            `${label(graph, asset.id)} garde ses journaux (${sources}) en local et ne les envoie à aucun collecteur.`,
          ),
        );
      });
  },
};
