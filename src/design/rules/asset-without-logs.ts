import { lacksNeededLogs } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { label } from '../../model/predicates.js';

export const assetWithoutLogs: Rule = {
  id: 'asset-without-logs',
  family: 'logging',
  title: text('Asset that should log but declares no logs', 'Actif sans journalisation'),
  description: text(
    'A server, directory, database, hypervisor, storage, security gateway, router, load balancer, IDS, administration workstation or industrial supervision asset declares no log source.',
    'Un serveur, annuaire, base de données, hyperviseur, stockage, passerelle de sécurité, routeur, répartiteur de charge, IDS, poste d’administration ou actif de supervision industrielle ne déclare aucune source de journaux.',
  ),
  rationale: text(
    'Without logs an intrusion goes unnoticed and cannot be investigated afterwards: no timeline, no scope, no evidence.',
    'Sans journaux, une intrusion passe inaperçue et ne peut pas être analysée ensuite : ni chronologie, ni périmètre, ni preuve.',
  ),
  remediation: text(
    'Enable the system and security logs of the asset (authentications, privilege use, errors, stops) and send them to the central collector; for industrial systems, at least collect the Windows logs of supervision servers and engineering workstations.',
    'Activer les journaux système et de sécurité de l’actif (authentifications, usage des privilèges, erreurs, arrêts) et les transmettre au collecteur central ; pour les systèmes industriels, collecter au moins les journaux Windows des serveurs de supervision et des postes d’ingénierie.',
  ),
  falsePositives: text(
    'Logging that exists but is not described in the model: add a logging block to the asset.',
    'Journalisation existante mais non décrite dans le modèle : ajouter un bloc logging à l’actif.',
  ),
  likelihood: 2,
  impact: ['proof', 'integrity'],
  references: {
    anssi: ['hygiene:36', 'logging:R2', 'logging:R12'],
    iso27002: ['8.15', '8.16'],
    cwe: ['CWE-778'],
    attack: ['M1047', 'T1070'],
  },
  evaluate({ model, graph, analyses }) {
    return model.assets.filter(lacksNeededLogs).map((asset) => {
      const exposed = analyses.internetExposure.byTarget.has(asset.id);
      return hit(
        asset.id,
        text(
          `${label(graph, asset.id)} declares no log source${exposed ? ' although it is reachable from the Internet' : ''}.`,
          `${label(graph, asset.id)} ne déclare aucune source de journaux${exposed ? ' alors qu’il est joignable depuis Internet' : ''}.`,
        ),
        exposed ? { likelihood: 3 } : {},
      );
    });
  },
};
