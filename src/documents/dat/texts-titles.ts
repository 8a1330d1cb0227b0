/** Section titles and table or figure captions of the DAT, in both languages. */
import { text, type LocalizedText } from '../../design/text.js';

export const TITLES = {
  documentTitle: text('Technical architecture dossier', 'Dossier d’architecture technique'),
  documentSubtitle: (organisation: string): LocalizedText =>
    text(`Information system of ${organisation}`, `Système d’information de ${organisation}`),

  titleScope: text('Purpose and scope', 'Objet et périmètre'),
  titlePurpose: text('Purpose of the document', 'Objet du document'),
  titleOrganisation: text('Organisation and sites', 'Organisme et sites'),
  titleCoverage: text('What the model covers', 'Périmètre couvert par le modèle'),
  titleSources: text('Date, sources and method', 'Date, sources et méthode'),
  titleNeeds: text('Context and security needs', 'Contexte et besoins de sécurité'),
  titleProcesses: text('Business processes', 'Processus métier'),
  titleData: text('Information (data sets)', 'Informations (jeux de données)'),
  titleFeared: text('Feared events', 'Évènements redoutés'),
  titleSupporting: text('Needs of the supporting assets', 'Besoins des biens supports'),
  titleRegulations: text('Regulations', 'Réglementation'),
  titleZones: text('Sites, zones and network diagram', 'Sites, zones et schéma du réseau'),
  titleSiteDiagram: (site: string): LocalizedText => text(`Site: ${site}`, `Site : ${site}`),
  titleZoneTable: text('Zones', 'Zones'),
  titleAddressing: text('Addressing plan', 'Plan d’adressage'),
  titleSubnets: text('Subnets and VLANs', 'Sous-réseaux et VLAN'),
  titleAssetAddresses: text('Asset addresses', 'Adresses des actifs'),
  titleAnomalies: text('Inconsistencies', 'Incohérences'),
  titleInventory: text('Component inventory', 'Inventaire des composants'),
  titleUnzoned: text('Assets without a zone', 'Actifs sans zone'),
  titleFlows: text('Flow matrix', 'Matrice des flux'),
  titleAdministration: text('Administration architecture', 'Architecture d’administration'),
  titleAdminHosts: text(
    'Administration zones, workstations and bastions',
    'Zones, postes d’administration et bastions',
  ),
  titleAdminInterfaces: text('Administration interfaces', 'Interfaces d’administration'),
  titleAdminFlows: text('Administration flows', 'Flux d’administration'),
  titleAdminAccounts: text(
    'Administrators and where they log in',
    'Administrateurs et points de connexion',
  ),
  titleFamilyFindings: text('Related findings', 'Constats associés'),
  titleIdentities: text('Identities and access', 'Identités et accès'),
  titleAccounts: text('Accounts', 'Comptes'),
  titleThirdParties: text('Third parties and remote access', 'Tiers et accès distants'),
  titleBackups: text('Backups and continuity', 'Sauvegardes et continuité'),
  titleBackupPolicies: text('Backup policies', 'Politiques de sauvegarde'),
  titleContinuity: text(
    'Continuity objectives against backups',
    'Objectifs de continuité et sauvegardes',
  ),
  titleLogging: text('Logging and supervision', 'Journalisation et supervision'),
  titleCollectors: text('Collectors', 'Collecteurs'),
  titleLogSources: text('Log sources', 'Sources de journaux'),
  titleLoggingGaps: text('Gaps', 'Écarts'),
  titleMeasures: text(
    'Security measures (ANSSI hygiene baseline)',
    'Mesures de sécurité (socle d’hygiène ANSSI)',
  ),
  titleChapters: text('Score per chapter', 'Score par chapitre'),
  titleHygieneMeasures: text('The 42 hygiene measures', 'Les 42 mesures d’hygiène'),
  titleOtherMeasures: text('Other measures of the model', 'Autres mesures du modèle'),
  titleFindings: text(
    'Findings and risk decisions',
    'Constats et décisions de traitement du risque',
  ),
  titleFindingsSummary: text('Summary', 'Synthèse'),
  titleOpenFindings: text('Open findings', 'Constats ouverts'),
  titleFindingsRules: text('Findings by rule', 'Constats par règle'),
  titleDecisions: text('Risk decisions', 'Décisions de traitement du risque'),
  titleResidual: text('Residual risks', 'Risques résiduels'),
  titleAccepted: text('Accepted risks', 'Risques acceptés'),
  titleOverdue: text('Decisions past their review date', 'Décisions à revoir'),
  titleSevereOpen: text(
    'Critical and high findings still open',
    'Constats critiques et élevés encore ouverts',
  ),
  titlePaths: text('Most likely attack paths', 'Chemins d’attaque les plus vraisemblables'),
  titleChokePoints: text('Choke points', 'Points de coupure'),
  titleAppendixNeeds: text('Propagated security needs', 'Besoins de sécurité propagés'),
  titleGlossary: text('Glossary', 'Glossaire'),
  titleReferences: text('References', 'Références'),

  captionSites: text('Sites', 'Sites'),
  captionCounts: text('Content of the model', 'Contenu du modèle'),
  captionProcesses: text(
    'Business processes and continuity objectives',
    'Processus métier et objectifs de continuité',
  ),
  captionProcessFigure: (name: string): LocalizedText =>
    text(`Data flows of the process “${name}”`, `Flux de données du processus « ${name} »`),
  captionData: text('Data sets and their DICP needs', 'Jeux de données et besoins DICP'),
  captionFeared: text(
    'Feared events of severity G4 (critical)',
    'Évènements redoutés de gravité G4 (critique)',
  ),
  captionNeedsTop: text('Most critical supporting assets', 'Biens supports les plus critiques'),
  captionNeedsAll: text('Needs of every supporting asset', 'Besoins de chaque bien support'),
  captionRegulations: text('Applicable regulations', 'Réglementations applicables'),
  captionObligations: (name: string): LocalizedText =>
    text(`Obligations: ${name}`, `Obligations : ${name}`),
  captionZonesFigure: text('Zones, assets and flows', 'Zones, actifs et flux'),
  captionZoneLevelFigure: text(
    'Zones and flows between zones (overview)',
    'Zones et flux entre zones (vue d’ensemble)',
  ),
  captionSiteFigure: (site: string): LocalizedText =>
    text(`Zones and flows of the site ${site}`, `Zones et flux du site ${site}`),
  captionZones: text(
    'Zones (sub-zones after their parent)',
    'Zones (sous-zones après leur zone mère)',
  ),
  captionSubnets: text('Subnets by address', 'Sous-réseaux par adresse'),
  captionAddresses: text('Asset addresses', 'Adresses des actifs'),
  captionAssetKinds: text('Assets by kind', 'Actifs par type'),
  captionInventory: (zone: string): LocalizedText =>
    text(`Assets of the zone ${zone}`, `Actifs de la zone ${zone}`),
  captionFlowSummary: text('Flows at a glance', 'Les flux en chiffres'),
  captionFlows: text('Flow matrix', 'Matrice des flux'),
  captionAdminHosts: text(
    'Administration workstations, bastions and administration-zone assets',
    'Postes d’administration, bastions et actifs de la zone d’administration',
  ),
  captionAdminInterfaces: text('Administration interfaces', 'Interfaces d’administration'),
  captionAdminFlows: text('Administration flows', 'Flux d’administration'),
  captionAdminFlowsAggregated: text(
    'Administration flows per pair of zones',
    'Flux d’administration par couple de zones',
  ),
  captionAdmins: text('Privileged identities', 'Identités à privilèges'),
  captionAdminFindings: text('Findings: administration', 'Constats : administration'),
  captionIdentitySummary: text('Identities at a glance', 'Les identités en chiffres'),
  captionIdentities: text('Identities', 'Identités'),
  captionThirdParties: text('Third parties and remote access', 'Tiers et accès distants'),
  captionIdentityFindings: text(
    'Findings: identities and third parties',
    'Constats : identités et tiers',
  ),
  captionBackups: text('Backup policies', 'Politiques de sauvegarde'),
  captionContinuity: text(
    'Business processes: objectives and backups of their data',
    'Processus métier : objectifs et sauvegardes de leurs données',
  ),
  captionBackupFindings: text(
    'Findings: backups and resilience',
    'Constats : sauvegarde et résilience',
  ),
  captionCollectors: text('Log collectors', 'Collecteurs de journaux'),
  captionLogSources: text('What each asset logs', 'Ce que journalise chaque actif'),
  captionLoggingFindings: text(
    'Findings: logging and detection',
    'Constats : journalisation et détection',
  ),
  captionBaselineChapters: text(
    'Hygiene baseline: effective status per chapter',
    'Socle d’hygiène : statut effectif par chapitre',
  ),
  captionBaseline: text(
    'The 42 measures of the ANSSI hygiene guide',
    'Les 42 mesures du guide d’hygiène de l’ANSSI',
  ),
  captionOtherMeasures: text(
    'Measures not mapped to the hygiene guide',
    'Mesures non rattachées au guide d’hygiène',
  ),
  captionFindingsSummary: text('Findings by severity and status', 'Constats par gravité et statut'),
  captionFindingsFamilies: text('Open findings by family', 'Constats ouverts par famille'),
  captionOpenFindings: text(
    'Open findings, most severe first',
    'Constats ouverts, les plus graves d’abord',
  ),
  captionFindingsRules: text('Open findings by rule', 'Constats ouverts par règle'),
  captionDecisions: text(
    'Risk decisions recorded in the model',
    'Décisions de traitement du risque du modèle',
  ),
  captionAcceptedRisks: text('Accepted risks', 'Risques acceptés'),
  captionOverdue: text(
    'Decisions past their review date',
    'Décisions dont la date de revue est dépassée',
  ),
  captionPaths: (count: string): LocalizedText =>
    text(
      `The ${count} most likely attack paths`,
      `Les ${count} chemins d’attaque les plus vraisemblables`,
    ),
  captionPathFigure: (rank: string, source: string, target: string): LocalizedText =>
    text(
      `Attack path ${rank}: ${source} → ${target}`,
      `Chemin d’attaque ${rank} : ${source} → ${target}`,
    ),
  captionChokePoints: text(
    'Choke points, by paths cut and cost',
    'Points de coupure, par chemins coupés et coût',
  ),
  captionGlossary: text('Glossary', 'Glossaire'),
} as const;
