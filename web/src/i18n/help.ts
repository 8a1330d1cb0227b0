import { defineArea } from './define';

/**
 * The help panel ("?" in the header): one topic per page (`help.<topic>.title|intro`, the topic
 * is the route's `handle.help` in web/src/routes.tsx) and a glossary of the concepts the pages
 * use (`help.term.<id>` and `help.term.<id>.text`); components/HelpPanel.tsx says which terms
 * each topic shows.
 */
export default defineArea(
  {
    'help.title': 'Help: {page}',
    'help.terms': 'Concepts on this page',
    'help.more': 'Keyboard: Ctrl+K (⌘K) or “/” opens the search; Escape closes this panel.',
    'help.general.title': 'Vigie',
    'help.general.intro':
      'Vigie reads one model of your information system (sites, zones, assets, data, flows, identities, processes) and derives findings, attack paths and documents from it.',
    'help.workspaces.title': 'Workspaces',
    'help.workspaces.intro':
      'A workspace holds one organisation’s model, its versions, findings, decisions and documents. Open one, or create one from a template, an import or the guided wizard.',
    'help.dashboard.title': 'Dashboard',
    'help.dashboard.intro':
      'The state of the version being viewed: open findings by severity, the hygiene score, the most likely attack paths and what the model contains.',
    'help.findings.title': 'Findings',
    'help.findings.intro':
      'Each finding is a rule that the model breaks, on one or more entities. Filter by severity, status, family, zone or site; open one to see why it was raised and to record a decision.',
    'help.finding.title': 'Finding',
    'help.finding.intro':
      'Why the rule fires here, the entities involved, the recommended measures and the decision taken (accepted risk, mitigated, false positive), with its review date.',
    'help.paths.title': 'Attack paths',
    'help.paths.intro':
      'Ways an attacker could go from an exposed entry point to a valuable target, step by step through flows and accounts, grouped by target with the most likely first.',
    'help.explorer.title': 'Model explorer',
    'help.explorer.intro':
      'The entities of the model, one kind at a time. Search by name or id, filter by zone or site, sort by a column; the worst open finding of each entity is shown.',
    'help.entity.title': 'Entity',
    'help.entity.intro':
      'An entity as declared in the model (file and line), its relations to other entities and the findings that concern it.',
    'help.entityForm.title': 'Edit an entity',
    'help.entityForm.intro':
      'Every field of the entity, checked by the same rules as the server. Saving writes the model file (its comments and layout are kept) and creates a new version.',
    'help.diagram.title': 'Diagram',
    'help.diagram.intro':
      'The model drawn by zone: assets, flows between them and their trust levels. Zoom, pan, and click an asset to open it; the legend explains the symbols.',
    'help.editor.title': 'Model editor',
    'help.editor.intro':
      'The model files in YAML, checked as you type. Saving creates a new version; an invalid model can be saved but the analyses use the last valid one.',
    'help.versions.title': 'Versions',
    'help.versions.intro':
      'Every save of the model or of a decision is a version. Compare two versions to see what changed; view an older version to read the workspace as it was.',
    'help.diff.title': 'Changes between versions',
    'help.diff.intro': 'The files that changed between two versions, line by line.',
    'help.documents.title': 'Documents',
    'help.documents.intro':
      'Documents generated from a version of the model: the technical architecture file (DAT) and the analysis report, in PDF, Word, HTML or Markdown, in French or English.',
    'help.continuity.title': 'Business impact analysis',
    'help.continuity.intro':
      'The continuity plan starts here: each business process with its recovery objectives (RTO, RPO, MTPD, MBCO), its impact over time, the assets it rests on, and whether the recovery schedule meets its RTO. Click a process to see its supporting assets.',
    'help.continuityBackups.title': 'Backups',
    'help.continuityBackups.intro':
      'Each protected asset and data set against the 3-2-1-1-0 rule and the RPO of the processes that need it, the restore tests, and the backups a ransomware holding the office would encrypt too.',
    'help.continuitySimulator.title': 'Scenario simulator',
    'help.continuitySimulator.intro':
      'Pick a disaster (site loss, ransomware from an entry point, loss of a provider, of the directory, of a supplier or of an Internet link) and see the impacted processes, the surviving backups, the recovery schedule and the runbook.',
    'help.continuityExercises.title': 'Exercises',
    'help.continuityExercises.intro':
      'Recorded continuity exercises (restore tests, tabletop, failover, full scale): record one and compare the measured recovery times with the RTO over time.',
    'help.audit.title': 'Audit log',
    'help.audit.intro':
      'Who changed what and when in this workspace: model versions, decisions, members, documents.',
    'help.members.title': 'Members',
    'help.members.intro':
      'The people of the workspace and their role: owners manage members, editors change the model, analysts decide on findings, auditors read and comment.',
    'help.account.title': 'Your account',
    'help.account.intro': 'Your name, password and sessions.',
    'help.admin.title': 'Administration',
    'help.admin.intro': 'The platform’s accounts: create, reset passwords, disable.',
    'help.term.dicp': 'DICP',
    'help.term.dicp.text':
      'Availability, Integrity, Confidentiality and Proof (traceability): the four security needs rated for each data set and process, from 1 (low) to 4 (critical). They decide how severe a weakness on what carries them is.',
    'help.term.rto': 'RTO / RPO',
    'help.term.rto.text':
      'Recovery Time Objective: how long a process may stay down. Recovery Point Objective: how much recent data may be lost. Backups and redundancy are checked against them.',
    'help.term.finding': 'Finding',
    'help.term.finding.text':
      'A rule of good practice that the model breaks, on precise entities: e.g. a flow in clear text carrying confidential data across zones.',
    'help.term.severity': 'Severity',
    'help.term.severity.text':
      'Critical, high, medium or low: the likelihood of exploitation combined with the impact on the DICP needs of what is exposed.',
    'help.term.decision': 'Finding decision',
    'help.term.decision.text':
      'What the organisation decided about a finding: risk accepted (with a justification and a review date), mitigated by a measure, or false positive. A decision is a new version and is audited.',
    'help.term.attackPath': 'Attack path',
    'help.term.attackPath.text':
      'A chain of steps (exposed service, flow, account, host) by which an attacker could reach a valuable target. Its likelihood is that of its weakest-protected steps.',
    'help.term.chokePoint': 'Choke point',
    'help.term.chokePoint.text':
      'An entity that many attack paths go through: protecting it closes all of them at once, so it is usually the best first measure.',
    'help.term.zone': 'Zone',
    'help.term.zone.text':
      'A network segment with a trust level (e.g. office LAN, servers, DMZ, industrial). Flows that cross zones are what filtering and encryption rules look at.',
    'help.term.version': 'Version',
    'help.term.version.text':
      'A numbered snapshot of the model and decisions. Pages show the latest version unless you choose an older one (then a badge shows its number).',
    'help.term.document': 'Document',
    'help.term.document.text':
      'A file generated from one version: the DAT describes the architecture, the analysis report lists findings, decisions and attack paths. Generation runs in the background.',
    'help.term.hygiene': 'Hygiene score',
    'help.term.hygiene.text':
      'The share of the basic hygiene measures (inspired by the ANSSI guide) that the model shows as in place.',
    'help.term.bia': 'Business impact analysis (BIA)',
    'help.term.bia.text':
      'For each business process: how long it may stop (RTO), how much data it may lose (RPO), the longest tolerable interruption (MTPD), the minimal service to restore first (MBCO) and how the impact grows over time.',
    'help.term.mtpd': 'MTPD / MBCO',
    'help.term.mtpd.text':
      'Maximum tolerable period of disruption: beyond it the organisation suffers lasting harm, so the RTO must be shorter. Minimum business continuity objective: the reduced service acceptable during the recovery.',
    'help.term.rule32110': '3-2-1-1-0 rule',
    'help.term.rule32110.text':
      'At least 3 copies of the data, on 2 different media, 1 off-site, 1 offline or immutable, and 0 errors at the last restore test.',
    'help.term.exposure': 'Ransomware exposure',
    'help.term.exposure.text':
      'A backup reachable from the zones an attacker would hold (office, Wi-Fi, remote access) through a flow, a shared or directory admin account or its admin interface: a ransomware would encrypt it too.',
    'help.term.scenario': 'Disaster scenario',
    'help.term.scenario.text':
      'A loss to plan for (site, ransomware, provider, directory, supplier, Internet link). Saved scenarios are re-run on each version, and the dashboard shows the ones a change broke.',
    'help.term.exercise': 'Continuity exercise',
    'help.term.exercise.text':
      'A test of the plan (restore test, tabletop, failover, full scale) with the recovery times measured per process and the problems found.',
    'help.term.role': 'Roles',
    'help.term.role.text':
      'Owner, editor, analyst, auditor, reader: what each member may do in the workspace. The server enforces them.',
  },
  {
    'help.title': 'Aide : {page}',
    'help.terms': 'Notions de cette page',
    'help.more': 'Clavier : Ctrl+K (⌘K) ou « / » ouvre la recherche ; Échap ferme ce panneau.',
    'help.general.title': 'Vigie',
    'help.general.intro':
      'Vigie lit un modèle unique de votre système d’information (sites, zones, actifs, données, flux, identités, processus) et en déduit constats, chemins d’attaque et documents.',
    'help.workspaces.title': 'Espaces de travail',
    'help.workspaces.intro':
      'Un espace de travail contient le modèle d’une organisation, ses versions, constats, décisions et documents. Ouvrez-en un, ou créez-en un à partir d’un modèle type, d’un import ou de l’assistant.',
    'help.dashboard.title': 'Tableau de bord',
    'help.dashboard.intro':
      'L’état de la version consultée : constats ouverts par gravité, score d’hygiène, chemins d’attaque les plus probables et contenu du modèle.',
    'help.findings.title': 'Constats',
    'help.findings.intro':
      'Chaque constat est une règle que le modèle enfreint, sur une ou plusieurs entités. Filtrez par gravité, statut, famille, zone ou site ; ouvrez-en un pour voir pourquoi il est levé et enregistrer une décision.',
    'help.finding.title': 'Constat',
    'help.finding.intro':
      'Pourquoi la règle s’applique ici, les entités concernées, les mesures recommandées et la décision prise (risque accepté, corrigé, faux positif), avec sa date de revue.',
    'help.paths.title': 'Chemins d’attaque',
    'help.paths.intro':
      'Les chemins par lesquels un attaquant pourrait aller d’un point d’entrée exposé à une cible de valeur, étape par étape via les flux et les comptes, regroupés par cible, les plus probables d’abord.',
    'help.explorer.title': 'Explorateur du modèle',
    'help.explorer.intro':
      'Les entités du modèle, un type à la fois. Cherchez par nom ou identifiant, filtrez par zone ou site, triez par colonne ; le pire constat ouvert de chaque entité est affiché.',
    'help.entity.title': 'Entité',
    'help.entity.intro':
      'Une entité telle que déclarée dans le modèle (fichier et ligne), ses relations avec les autres entités et les constats qui la concernent.',
    'help.entityForm.title': 'Modifier une entité',
    'help.entityForm.intro':
      'Tous les champs de l’entité, vérifiés par les mêmes règles que le serveur. L’enregistrement écrit le fichier du modèle (commentaires et mise en forme conservés) et crée une nouvelle version.',
    'help.diagram.title': 'Schéma',
    'help.diagram.intro':
      'Le modèle dessiné par zone : actifs, flux entre eux et niveaux de confiance. Zoomez, déplacez, cliquez sur un actif pour l’ouvrir ; la légende explique les symboles.',
    'help.editor.title': 'Éditeur du modèle',
    'help.editor.intro':
      'Les fichiers du modèle en YAML, vérifiés pendant la saisie. L’enregistrement crée une nouvelle version ; un modèle invalide peut être enregistré mais les analyses utilisent la dernière version valide.',
    'help.versions.title': 'Versions',
    'help.versions.intro':
      'Chaque enregistrement du modèle ou d’une décision est une version. Comparez deux versions pour voir ce qui a changé ; consultez une ancienne version pour relire l’espace tel qu’il était.',
    'help.diff.title': 'Modifications entre versions',
    'help.diff.intro': 'Les fichiers modifiés entre deux versions, ligne par ligne.',
    'help.documents.title': 'Documents',
    'help.documents.intro':
      'Les documents produits à partir d’une version du modèle : le dossier d’architecture technique (DAT) et le rapport d’analyse, en PDF, Word, HTML ou Markdown, en français ou en anglais.',
    'help.continuity.title': 'Analyse d’impact sur l’activité',
    'help.continuity.intro':
      'Le plan de continuité part d’ici : chaque processus métier avec ses objectifs de reprise (DMIA, PDMA, PMIA, service minimal), son impact dans le temps, les actifs sur lesquels il repose, et si le plan de reprise tient sa DMIA. Cliquez sur un processus pour voir ses actifs supports.',
    'help.continuityBackups.title': 'Sauvegardes',
    'help.continuityBackups.intro':
      'Chaque actif et donnée protégés face à la règle 3-2-1-1-0 et à la PDMA des processus qui en ont besoin, les tests de restauration, et les sauvegardes qu’un rançongiciel tenant la bureautique chiffrerait aussi.',
    'help.continuitySimulator.title': 'Simulateur de scénarios',
    'help.continuitySimulator.intro':
      'Choisissez un sinistre (perte d’un site, rançongiciel depuis un point d’entrée, perte d’un fournisseur cloud, de l’annuaire, d’un prestataire ou d’un lien Internet) et voyez les processus touchés, les sauvegardes qui survivent, le plan de reprise et la procédure pas à pas.',
    'help.continuityExercises.title': 'Exercices',
    'help.continuityExercises.intro':
      'Les exercices de continuité enregistrés (test de restauration, exercice sur table, bascule, exercice grandeur nature) : enregistrez-en un et comparez les durées mesurées aux DMIA dans le temps.',
    'help.audit.title': 'Journal d’audit',
    'help.audit.intro':
      'Qui a modifié quoi et quand dans cet espace : versions du modèle, décisions, membres, documents.',
    'help.members.title': 'Membres',
    'help.members.intro':
      'Les personnes de l’espace et leur rôle : les propriétaires gèrent les membres, les éditeurs modifient le modèle, les analystes décident des constats, les auditeurs lisent et commentent.',
    'help.account.title': 'Votre compte',
    'help.account.intro': 'Votre nom, votre mot de passe et vos sessions.',
    'help.admin.title': 'Administration',
    'help.admin.intro':
      'Les comptes de la plateforme : création, réinitialisation des mots de passe, désactivation.',
    'help.term.dicp': 'DICP',
    'help.term.dicp.text':
      'Disponibilité, Intégrité, Confidentialité et Preuve (traçabilité) : les quatre besoins de sécurité cotés pour chaque donnée et processus, de 1 (faible) à 4 (critique). Ils déterminent la gravité d’une faiblesse sur ce qui les porte.',
    'help.term.rto': 'DMIA / PDMA (RTO / RPO)',
    'help.term.rto.text':
      'Durée maximale d’interruption admissible : combien de temps un processus peut rester arrêté. Perte de données maximale admissible : combien de données récentes peuvent être perdues. Sauvegardes et redondances sont vérifiées par rapport à elles.',
    'help.term.finding': 'Constat',
    'help.term.finding.text':
      'Une règle de bonne pratique que le modèle enfreint, sur des entités précises : par exemple un flux en clair transportant des données confidentielles entre zones.',
    'help.term.severity': 'Gravité',
    'help.term.severity.text':
      'Critique, élevée, moyenne ou faible : la vraisemblance d’exploitation combinée à l’impact sur les besoins DICP de ce qui est exposé.',
    'help.term.decision': 'Décision sur un constat',
    'help.term.decision.text':
      'Ce que l’organisation a décidé pour un constat : risque accepté (avec justification et date de revue), corrigé par une mesure, ou faux positif. Une décision crée une version et est tracée dans le journal d’audit.',
    'help.term.attackPath': 'Chemin d’attaque',
    'help.term.attackPath.text':
      'Une suite d’étapes (service exposé, flux, compte, hôte) par laquelle un attaquant pourrait atteindre une cible de valeur. Sa vraisemblance est celle de ses étapes les moins protégées.',
    'help.term.chokePoint': 'Point de passage obligé',
    'help.term.chokePoint.text':
      'Une entité par laquelle passent de nombreux chemins d’attaque : la protéger les ferme tous à la fois ; c’est souvent la meilleure première mesure.',
    'help.term.zone': 'Zone',
    'help.term.zone.text':
      'Un segment de réseau avec un niveau de confiance (réseau bureautique, serveurs, DMZ, industriel…). Les flux qui traversent les zones sont ceux que les règles de filtrage et de chiffrement examinent.',
    'help.term.version': 'Version',
    'help.term.version.text':
      'Un instantané numéroté du modèle et des décisions. Les pages montrent la dernière version, sauf si vous en choisissez une plus ancienne (un badge indique alors son numéro).',
    'help.term.document': 'Document',
    'help.term.document.text':
      'Un fichier produit à partir d’une version : le DAT décrit l’architecture, le rapport d’analyse liste constats, décisions et chemins d’attaque. La production se fait en arrière-plan.',
    'help.term.hygiene': 'Score d’hygiène',
    'help.term.hygiene.text':
      'La part des mesures d’hygiène de base (inspirées du guide de l’ANSSI) que le modèle montre en place.',
    'help.term.bia': 'Analyse d’impact sur l’activité (BIA)',
    'help.term.bia.text':
      'Pour chaque processus métier : combien de temps il peut s’arrêter (DMIA, RTO), combien de données il peut perdre (PDMA, RPO), l’interruption maximale supportable (PMIA, MTPD), le service minimal à rétablir d’abord (MBCO) et la croissance de l’impact dans le temps.',
    'help.term.mtpd': 'PMIA / service minimal',
    'help.term.mtpd.text':
      'Période maximale d’interruption acceptable (MTPD) : au-delà, l’organisation subit un dommage durable, la DMIA doit donc être plus courte. Objectif minimal de continuité (MBCO) : le service réduit acceptable pendant la reprise.',
    'help.term.rule32110': 'Règle 3-2-1-1-0',
    'help.term.rule32110.text':
      'Au moins 3 copies des données, sur 2 supports différents, dont 1 hors site, 1 hors ligne ou immuable, et 0 erreur au dernier test de restauration.',
    'help.term.exposure': 'Exposition à un rançongiciel',
    'help.term.exposure.text':
      'Une sauvegarde accessible depuis les zones qu’un attaquant tiendrait (bureautique, Wi-Fi, accès distant) par un flux, un compte d’administration partagé ou de l’annuaire, ou son interface d’administration : un rançongiciel la chiffrerait aussi.',
    'help.term.scenario': 'Scénario de sinistre',
    'help.term.scenario.text':
      'Une perte à préparer (site, rançongiciel, fournisseur cloud, annuaire, prestataire, lien Internet). Les scénarios enregistrés sont rejoués à chaque version, et le tableau de bord montre ceux qu’un changement a cassés.',
    'help.term.exercise': 'Exercice de continuité',
    'help.term.exercise.text':
      'Un test du plan (test de restauration, exercice sur table, bascule, grandeur nature) avec les durées de reprise mesurées par processus et les problèmes relevés.',
    'help.term.role': 'Rôles',
    'help.term.role.text':
      'Propriétaire, éditeur, analyste, auditeur, lecteur : ce que chaque membre peut faire dans l’espace. Le serveur les applique.',
  },
);
