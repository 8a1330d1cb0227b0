/**
 * Every text the PRA document writes, in English and French. Parameterised texts are functions
 * returning both languages; the "to be completed" texts say what the model lacks.
 */
import { text, type LocalizedText } from '../../design/text.js';

type Text = LocalizedText;

export const PRA_TEXTS = {
  // identity
  documentTitle: text('IT disaster recovery plan', 'Plan de reprise d’activité informatique'),
  documentSubtitle: (organisation: string): Text =>
    text(
      `Disaster recovery plan (PRA) of the information system of ${organisation}`,
      `Plan de reprise d’activité (PRA) du système d’information de ${organisation}`,
    ),
  organisationNotStated: text('Organisation not stated', 'Organisme non renseigné'),
  firstIssue: text('First issue, generated from the model', 'Création, générée à partir du modèle'),
  fillIn: text('Declare it in', 'À déclarer dans'),
  yes: text('yes', 'oui'),
  no: text('no', 'non'),
  notStated: text('not stated', 'non renseigné'),
  never: text('never', 'jamais'),
  none: text('none', 'aucun'),
  toComplete: text('to be completed', 'à compléter'),

  // section titles
  titleScope: text('Scope and objectives', 'Périmètre et objectifs'),
  titlePurpose: text('Purpose of the plan', 'Objet du plan'),
  titleObjectives: text('Recovery objectives', 'Objectifs de reprise'),
  titleBia: text('Business impact analysis', 'Bilan d’impact sur l’activité'),
  titleBiaObjectives: text('Objectives per process', 'Objectifs par processus'),
  titleBiaImpact: text('Impact over time', 'Impact dans le temps'),
  titleBiaFlags: text('Inconsistencies to resolve', 'Incohérences à résoudre'),
  titleCrisis: text('Crisis organisation and roles', 'Organisation de crise et rôles'),
  titleCrisisRoles: text('Crisis unit', 'Cellule de crise'),
  titleTeams: text('Recovery teams', 'Équipes de reprise'),
  titleActivation: text(
    'Activation criteria and escalation',
    'Critères de déclenchement et escalade',
  ),
  titleTriggers: text('Events that trigger the plan', 'Événements déclencheurs'),
  titleThresholds: text('Thresholds per process', 'Seuils par processus'),
  titleEscalation: text('Escalation', 'Escalade'),
  titleScenarios: text(
    'Disaster scenarios and runbooks',
    'Scénarios de sinistre et procédures de reprise',
  ),
  titleScenarioImpact: text('Impacted processes', 'Processus touchés'),
  titleScenarioBackups: text('Backups and data loss', 'Sauvegardes et perte de données'),
  titleScenarioMissing: text('What is missing to recover', 'Ce qui manque pour reprendre'),
  titleRunbook: text('Recovery runbook', 'Procédure de reprise'),
  titleRecoveryOrder: text('Recovery order and schedule', 'Ordre de reprise et planning'),
  titleWholePlan: text(
    'Recovery of the whole information system',
    'Reprise de l’ensemble du système d’information',
  ),
  titleBackups: text('Backups', 'Sauvegardes'),
  titleBackupInventory: text('Backup inventory', 'Inventaire des sauvegardes'),
  titleBackupGrid: text('3-2-1-1-0 assessment', 'Évaluation 3-2-1-1-0'),
  titleBackupFlags: text('Backup weaknesses', 'Faiblesses des sauvegardes'),
  titleContacts: text('Contact lists', 'Annuaires de crise'),
  titleInternalContacts: text('Internal contacts', 'Contacts internes'),
  titleExternalContacts: text('External contacts', 'Contacts externes'),
  titleExercises: text('Exercises', 'Exercices'),
  titleExerciseResults: text('Past exercises against the RTO', 'Exercices passés au regard du RTO'),
  titleExercisePlan: text('Exercise plan', 'Programme d’exercices'),
  titleAssumptions: text('Assumptions', 'Hypothèses'),
  titleAppendixAssets: text(
    'Supporting assets and their recovery',
    'Actifs supports et leur reprise',
  ),
  titleAppendixFlags: text(
    'What the recovery lacks, all scenarios together',
    'Ce qui manque à la reprise, tous scénarios confondus',
  ),
  titleGlossary: text('Glossary', 'Glossaire'),

  // captions
  captionObjectives: text(
    'Recovery objectives per business process',
    'Objectifs de reprise par processus métier',
  ),
  captionImpact: text(
    'Impact of an interruption over time (1 low – 4 critical)',
    'Impact d’une interruption dans le temps (1 faible – 4 critique)',
  ),
  captionBiaFlags: text(
    'Inconsistencies of the business impact analysis',
    'Incohérences du bilan d’impact',
  ),
  captionRoles: text('Crisis roles', 'Rôles de crise'),
  captionTeams: text('Recovery teams', 'Équipes de reprise'),
  captionThresholds: text(
    'Escalation and activation thresholds per process',
    'Seuils d’escalade et de déclenchement par processus',
  ),
  captionScenarioProcesses: (name: string): Text =>
    text(`Processes impacted by: ${name}`, `Processus touchés par : ${name}`),
  captionScenarioBackups: (name: string): Text =>
    text(`Backups in: ${name}`, `Sauvegardes dans : ${name}`),
  captionScenarioData: (name: string): Text =>
    text(`Data-loss window in: ${name}`, `Fenêtre de perte de données dans : ${name}`),
  captionRunbook: (name: string): Text =>
    text(`Recovery runbook for: ${name}`, `Procédure de reprise pour : ${name}`),
  captionGantt: (name: string): Text =>
    text(`Recovery schedule for: ${name}`, `Planning de reprise pour : ${name}`),
  captionOrder: (name: string): Text =>
    text(`Recovery of the processes in: ${name}`, `Reprise des processus dans : ${name}`),
  captionWholeProcesses: text(
    'Achievable recovery time of each process when everything must be recovered',
    'Délai de reprise atteignable de chaque processus lorsque tout est à reprendre',
  ),
  captionBackupInventory: text('Backup policies', 'Politiques de sauvegarde'),
  captionBackupGrid: text(
    '3-2-1-1-0 rule per data set and asset (3 copies, 2 media, 1 off-site, 1 offline or immutable, 0 errors at the last restore test)',
    'Règle 3-2-1-1-0 par jeu de données et actif (3 copies, 2 supports, 1 hors site, 1 hors ligne ou immuable, 0 erreur au dernier test de restauration)',
  ),
  captionBackupFlags: text('Weaknesses of the backups', 'Faiblesses des sauvegardes'),
  captionInternalContacts: text('People named in the plan', 'Personnes nommées dans le plan'),
  captionExternalContacts: text(
    'Suppliers, providers, insurer, CERT and authorities',
    'Fournisseurs, prestataires, assureur, CERT et autorités',
  ),
  captionExerciseResults: text(
    'Measured recovery times against the RTO',
    'Durées de reprise mesurées au regard du RTO',
  ),
  captionExercisePlan: text('Recommended exercises', 'Exercices recommandés'),
  captionAssumptions: text(
    'Defaults used in place of values the model does not give',
    'Valeurs par défaut utilisées à la place de celles que le modèle ne donne pas',
  ),
  captionAppendixAssets: text(
    'Assets the processes rest on, with the objectives they inherit',
    'Actifs sur lesquels reposent les processus, avec les objectifs dont ils héritent',
  ),
  captionAppendixFlags: text(
    'Gaps found by the scenarios and the recovery schedule, each once',
    'Manques relevés par les scénarios et le planning de reprise, chacun une fois',
  ),
  appendixFlagsIntro: text(
    'The business impact and backup findings are in their sections; this list gathers, once each, what the scenarios found missing to recover (no surviving backup, no spare hardware, no documented procedure, no exit plan…) and the problems met while planning the recovery.',
    'Les constats du bilan d’impact et des sauvegardes figurent dans leurs sections ; cette liste rassemble, une fois chacun, ce que les scénarios ont trouvé manquant pour reprendre (aucune sauvegarde survivante, pas de matériel de rechange, pas de procédure documentée, pas de plan de réversibilité…) et les problèmes rencontrés en planifiant la reprise.',
  ),
  noRecoveryGaps: text(
    'The scenarios and the schedule find nothing missing to recover.',
    'Les scénarios et le planning ne relèvent aucun manque pour reprendre.',
  ),
  captionGlossary: text('Terms of the plan', 'Termes du plan'),

  // columns
  colProcess: text('Process', 'Processus'),
  colName: text('Name', 'Nom'),
  colRto: text('RTO', 'DMIA (RTO)'),
  colRpo: text('RPO', 'PDMA (RPO)'),
  colMtpd: text('MTPD', 'Durée max. tolérable'),
  colMbco: text('Minimum service (MBCO)', 'Service minimal (MBCO)'),
  colDependsOn: text('Depends on', 'Dépend de'),
  colSeverity: text('Severity', 'Gravité'),
  colFinding: text('Finding', 'Constat'),
  colSubjects: text('Concerns', 'Concerne'),
  colRole: text('Role', 'Rôle'),
  colHolder: text('Holder', 'Titulaire'),
  colDeputy: text('Deputy', 'Suppléant'),
  colTeam: text('Team', 'Équipe'),
  colMembers: text('Members', 'Membres'),
  colParallel: text('Tasks in parallel', 'Tâches en parallèle'),
  colSkills: text('Skills', 'Compétences'),
  colEscalate: text('Escalate after', 'Escalade après'),
  colActivate: text('Decide activation after', 'Décision de déclenchement après'),
  colLimit: text('Hard limit (MTPD)', 'Limite absolue (durée max. tolérable)'),
  colAchievable: text('Achievable', 'Atteignable'),
  colRtoStatus: text('RTO verdict', 'Verdict RTO'),
  colRpoStatus: text('RPO verdict', 'Verdict RPO'),
  colChain: text('Deciding chain', 'Chaîne déterminante'),
  colBackup: text('Backup', 'Sauvegarde'),
  colSurvives: text('Survives', 'Survit'),
  colReason: text('Why', 'Pourquoi'),
  colEntity: text('Data set or asset', 'Jeu de données ou actif'),
  colWindow: text('Data-loss window', 'Fenêtre de perte'),
  colStep: text('Step', 'Étape'),
  colStart: text('Start', 'Début'),
  colEnd: text('End', 'Fin'),
  colAsset: text('Asset', 'Actif'),
  colAction: text('Action', 'Action'),
  colAfter: text('After', 'Après'),
  colProcedure: text('Procedure', 'Procédure'),
  colProtects: text('Protects', 'Protège'),
  colMethod: text('Method', 'Méthode'),
  colWhere: text('Where', 'Emplacement'),
  colFrequency: text('Frequency', 'Fréquence'),
  colRetention: text('Retention', 'Rétention'),
  colProtection: text('Offline / immutable / encrypted', 'Hors ligne / immuable / chiffrée'),
  colRestoreTest: text('Last restore test', 'Dernier test de restauration'),
  colExposure: text('Ransomware from the office', 'Rançongiciel depuis la bureautique'),
  colCopies: text('3 copies', '3 copies'),
  colMedia: text('2 media', '2 supports'),
  colOffsite: text('1 off-site', '1 hors site'),
  colIsolated: text('1 offline', '1 hors ligne'),
  colErrors: text('0 errors', '0 erreur'),
  colBestFrequency: text('Best frequency', 'Meilleure fréquence'),
  colKind: text('Kind', 'Type'),
  colPhone: text('Phone', 'Téléphone'),
  colEmail: text('Email', 'Courriel'),
  colContract: text('Contract', 'Contrat'),
  colNotes: text('Notes', 'Remarques'),
  colDate: text('Date', 'Date'),
  colScenario: text('Scenario', 'Scénario'),
  colMeasured: text('Measured', 'Mesuré'),
  colVerdict: text('Verdict', 'Verdict'),
  colLastExercise: text('Last exercise', 'Dernier exercice'),
  colRecommended: text('Recommended exercise', 'Exercice recommandé'),
  colBefore: text('Before', 'Avant le'),
  colSubject: text('Subject', 'Objet'),
  colAssumption: text('Assumption', 'Hypothèse'),
  colProcesses: text('Processes', 'Processus'),
  colInheritedRto: text('Inherited RTO', 'RTO hérité'),
  colRecovery: text('Own recovery', 'Reprise propre'),
  colTerm: text('Term', 'Terme'),
  colDefinition: text('Definition', 'Définition'),
  colTitle: text('Title', 'Fonction'),

  // scope
  purpose1: (organisation: string): Text =>
    text(
      `This document is the IT disaster recovery plan (PRA) of ${organisation}. It states which business processes must be recovered, how fast (RTO) and with how much data loss at most (RPO), who leads the recovery, when the plan is triggered, how each disaster scenario is recovered step by step, which backups the recovery relies on, and how the plan is exercised.`,
      `Ce document est le plan de reprise d’activité informatique (PRA) de ${organisation}. Il indique quels processus métier doivent être repris, en combien de temps (RTO) et avec quelle perte de données au plus (RPO), qui dirige la reprise, quand le plan est déclenché, comment chaque scénario de sinistre est repris pas à pas, sur quelles sauvegardes la reprise s’appuie, et comment le plan est exercé.`,
    ),
  purpose2: text(
    'It is generated by Vigie from the model of the information system: objectives, dependencies, recovery durations, teams and backups come from the model, and every schedule is computed from them. What the model does not state appears as a “to be completed” item with the model file and field to fill in; every default used in its place is listed among the assumptions. Complete the model, not this document, and generate it again.',
    'Il est généré par Vigie à partir du modèle du système d’information : objectifs, dépendances, durées de reprise, équipes et sauvegardes viennent du modèle, et chaque planning en est calculé. Ce que le modèle n’indique pas apparaît comme un point « à compléter », avec le fichier et le champ du modèle à renseigner ; chaque valeur par défaut utilisée à sa place figure parmi les hypothèses. C’est le modèle qu’il faut compléter, et non ce document, avant de le générer à nouveau.',
  ),
  scopeFacts: (processes: string, assets: string, backups: string, scenarios: string): Text =>
    text(
      `Scope: ${processes} business processes, ${assets} assets to recover (those the processes rest on, infrastructure included), ${backups} backup policies, ${scenarios} disaster scenarios.`,
      `Périmètre : ${processes} processus métier, ${assets} actifs à reprendre (ceux sur lesquels reposent les processus, infrastructure comprise), ${backups} politiques de sauvegarde, ${scenarios} scénarios de sinistre.`,
    ),
  analysisDate: (date: string): Text =>
    text(`Date of analysis: ${date}.`, `Date de l’analyse : ${date}.`),
  objectivesIntro: text(
    'The plan aims to bring every business process back within its recovery time objective (RTO), losing no more data than its recovery point objective (RPO) allows, and never exceeding its maximum tolerable period of disruption (MTPD); until then each process runs in its declared degraded mode (MBCO).',
    'Le plan vise à rétablir chaque processus métier dans son délai de reprise visé (RTO), sans perdre plus de données que son objectif de point de reprise (RPO) ne l’autorise, et sans jamais dépasser sa durée maximale d’interruption tolérable ; d’ici là, chaque processus fonctionne dans son mode dégradé déclaré (MBCO).',
  ),
  objectivesSummary: (
    met: string,
    missed: string,
    none: string,
    teams: string,
    makespan: string,
  ): Text =>
    text(
      `If the whole information system had to be recovered with ${teams} team(s) working in parallel, ${met} process(es) would be back within their RTO, ${missed} would miss it and ${none} declare no RTO; everything would be back after ${makespan}.`,
      `S’il fallait reprendre l’ensemble du système d’information avec ${teams} équipe(s) en parallèle, ${met} processus seraient rétablis dans leur RTO, ${missed} le dépasseraient et ${none} ne déclarent pas de RTO ; tout serait rétabli après ${makespan}.`,
    ),

  // BIA
  biaIntro: text(
    'Each business process with its objectives as the model declares them, the processes it depends on (directly and transitively), and the impact of its interruption over time. The assets each process rests on, with the objectives they inherit, are listed in the appendix.',
    'Chaque processus métier avec ses objectifs tels que le modèle les déclare, les processus dont il dépend (directement et par transitivité), et l’impact de son interruption dans le temps. Les actifs sur lesquels repose chaque processus, avec les objectifs dont ils héritent, sont listés en annexe.',
  ),
  impactIntro: text(
    'Levels: 1 low, 2 significant, 3 serious, 4 critical. They are derived from the availability need of the process and its MTPD and RTO: reaching the MTPD is critical.',
    'Niveaux : 1 faible, 2 significatif, 3 grave, 4 critique. Ils sont déduits du besoin de disponibilité du processus, de sa durée maximale tolérable et de son RTO : atteindre la durée maximale tolérable est critique.',
  ),
  noBiaFlags: text(
    'The business impact analysis finds no inconsistency.',
    'Le bilan d’impact ne relève aucune incohérence.',
  ),

  // crisis
  crisisIntro: text(
    'The crisis unit steers the recovery: it decides to trigger the plan, sets priorities, speaks for the organisation and keeps the log of decisions. Each role has a holder and a deputy who stands in when the holder cannot be reached.',
    'La cellule de crise pilote la reprise : elle décide du déclenchement du plan, fixe les priorités, s’exprime au nom de l’organisme et tient le journal des décisions. Chaque rôle a un titulaire et un suppléant qui le remplace lorsqu’il est injoignable.',
  ),
  teamsIntro: text(
    'The recovery teams carry out the runbooks; the number of tasks each can run at the same time sets how many recoveries proceed in parallel in the schedules of this plan.',
    'Les équipes de reprise exécutent les procédures ; le nombre de tâches que chacune peut mener en même temps fixe le nombre de reprises menées en parallèle dans les plannings de ce plan.',
  ),
  teamsAssumed: (count: string): Text =>
    text(
      `No recovery team is declared: the schedules assume ${count} recovery task(s) at a time.`,
      `Aucune équipe de reprise n’est déclarée : les plannings supposent ${count} tâche(s) de reprise à la fois.`,
    ),

  // activation
  activationIntro: text(
    'The plan is triggered by the crisis director (or their deputy) when an event makes the loss of a business process likely to last beyond what it can bear. Waiting costs recovery time: the thresholds below are set from each process’s RTO so that the decision is taken while the RTO can still be met.',
    'Le plan est déclenché par le directeur de crise (ou son suppléant) lorsqu’un événement rend probable une interruption d’un processus métier au-delà de ce qu’il peut supporter. Attendre coûte du temps de reprise : les seuils ci-dessous sont fixés d’après le RTO de chaque processus, pour que la décision soit prise tant que le RTO peut encore être tenu.',
  ),
  triggerSite: (sites: string): Text =>
    text(
      `Loss or inaccessibility of a site (fire, flood, power or access loss): ${sites}.`,
      `Perte ou inaccessibilité d’un site (incendie, inondation, perte d’alimentation ou d’accès) : ${sites}.`,
    ),
  triggerRansomware: text(
    'Ransomware or destructive attack: files encrypted, ransom note, mass deletion, or an alert of the detection tools on a server or the directory.',
    'Rançongiciel ou attaque destructrice : fichiers chiffrés, demande de rançon, suppression massive, ou alerte des outils de détection sur un serveur ou l’annuaire.',
  ),
  triggerDirectory: text(
    'Loss or compromise of the directory: nobody can log in, or administrator accounts are no longer trusted.',
    'Perte ou compromission de l’annuaire : plus personne ne peut s’authentifier, ou les comptes d’administration ne sont plus de confiance.',
  ),
  triggerProvider: (providers: string): Text =>
    text(
      `Prolonged unavailability, termination or failure of a cloud or SaaS provider: ${providers}.`,
      `Indisponibilité prolongée, résiliation ou défaillance d’un fournisseur cloud ou SaaS : ${providers}.`,
    ),
  triggerOutage: text(
    'Any outage of an asset a process rests on whose expected repair time exceeds the activation threshold of that process (table below).',
    'Toute panne d’un actif sur lequel repose un processus dont la durée de réparation prévue dépasse le seuil de déclenchement de ce processus (tableau ci-dessous).',
  ),
  thresholdsIntro: text(
    'Escalate to the crisis director once a quarter of the RTO has elapsed without a repair in sight; decide to trigger the plan at half the RTO at the latest; the MTPD is the limit beyond which the damage is irreversible.',
    'Escalader vers le directeur de crise dès qu’un quart du RTO s’est écoulé sans réparation en vue ; décider du déclenchement du plan à la moitié du RTO au plus tard ; la durée maximale tolérable est la limite au-delà de laquelle les dommages sont irréversibles.',
  ),
  escalation1: (who: string): Text =>
    text(
      `Whoever detects the event alerts the IT lead (${who}) at once, by phone.`,
      `Quiconque constate l’événement alerte immédiatement le responsable informatique (${who}), par téléphone.`,
    ),
  escalation2: (who: string): Text =>
    text(
      `The IT lead assesses the impact on the processes and, at the escalation threshold, informs the crisis director (${who}).`,
      `Le responsable informatique évalue l’impact sur les processus et, au seuil d’escalade, informe le directeur de crise (${who}).`,
    ),
  escalation3: text(
    'The crisis director convenes the crisis unit, decides whether to trigger the plan and which scenario applies, and records the decision and its time.',
    'Le directeur de crise réunit la cellule de crise, décide du déclenchement du plan et du scénario applicable, et consigne la décision et son heure.',
  ),
  escalation4: (who: string): Text =>
    text(
      `Communication (${who}) informs staff, customers and partners; nothing is said outside without the crisis director’s approval.`,
      `La communication (${who}) informe le personnel, les clients et les partenaires ; rien n’est dit à l’extérieur sans l’accord du directeur de crise.`,
    ),
  escalation5: (who: string): Text =>
    text(
      `If personal data may have been lost, altered or disclosed, the DPO (${who}) assesses the breach and notifies the supervisory authority within 72 hours (GDPR article 33); in an attack, the CERT and the insurer listed among the contacts are called, and a complaint is filed.`,
      `Si des données personnelles ont pu être perdues, altérées ou divulguées, le DPO (${who}) qualifie la violation et la notifie à l’autorité de contrôle sous 72 heures (article 33 du RGPD) ; en cas d’attaque, le CERT et l’assureur listés parmi les contacts sont appelés, et une plainte est déposée.`,
    ),
  escalation6: text(
    'The recovery teams follow the runbook of the scenario, in its order; the IT lead reports progress to the crisis unit at each step that brings a process back.',
    'Les équipes de reprise suivent la procédure du scénario, dans son ordre ; le responsable informatique rend compte à la cellule de crise à chaque étape qui rétablit un processus.',
  ),
  unassigned: text('role not assigned', 'rôle non attribué'),
  noRtoThreshold: text('no RTO: to be completed', 'pas de RTO : à compléter'),

  // scenarios
  scenariosIntro: text(
    'Each scenario is simulated on the model: what is lost, which backups survive, how much data is lost, which processes miss their objectives, what is missing to recover, and the runbook in the order of the recovery schedule.',
    'Chaque scénario est simulé sur le modèle : ce qui est perdu, quelles sauvegardes survivent, combien de données sont perdues, quels processus dépassent leurs objectifs, ce qui manque pour reprendre, et la procédure dans l’ordre du planning de reprise.',
  ),
  savedScenarios: text(
    'The scenarios are those saved with the model.',
    'Les scénarios sont ceux enregistrés avec le modèle.',
  ),
  defaultScenarios: text(
    'The model saves no scenario: the plan simulates a default set — the loss of each site, a ransomware started from an office workstation, the loss of the directory and the loss of each cloud or SaaS provider.',
    'Le modèle n’enregistre aucun scénario : le plan simule un jeu par défaut — la perte de chaque site, un rançongiciel parti d’un poste bureautique, la perte de l’annuaire et la perte de chaque fournisseur cloud ou SaaS.',
  ),
  scenarioEngineMissing: text(
    'The scenario simulation is not available in this version: the scenarios are listed without their simulation.',
    'La simulation de scénarios n’est pas disponible dans cette version : les scénarios sont listés sans leur simulation.',
  ),
  noScenario: text(
    'No scenario applies to this model (no site, no office workstation, no directory, no cloud provider).',
    'Aucun scénario ne s’applique à ce modèle (ni site, ni poste bureautique, ni annuaire, ni fournisseur cloud).',
  ),
  scenarioError: text('This scenario cannot be simulated', 'Ce scénario ne peut pas être simulé'),
  scenarioSummary: (lost: string, impacted: string, missed: string, makespan: string): Text =>
    text(
      `${lost} asset(s) lost or unusable; ${impacted} process(es) impacted, ${missed} of which miss their RTO or cannot be recovered; the recovery takes ${makespan}.`,
      `${lost} actif(s) perdu(s) ou inutilisable(s) ; ${impacted} processus touché(s), dont ${missed} dépasse(nt) leur RTO ou ne peu(ven)t être repris ; la reprise dure ${makespan}.`,
    ),
  scenarioNothingImpacted: text(
    'No process is impacted by this scenario.',
    'Aucun processus n’est touché par ce scénario.',
  ),
  lostAssets: text('Lost or unusable:', 'Perdus ou inutilisables :'),
  nothingMissing: text(
    'Nothing is missing to recover from this scenario.',
    'Rien ne manque pour reprendre après ce scénario.',
  ),
  noBackupConcerned: text(
    'No backup is concerned by this scenario.',
    'Aucune sauvegarde n’est concernée par ce scénario.',
  ),
  runbookEmpty: text('Nothing to recover.', 'Rien à reprendre.'),
  runbookMore: (count: string): Text =>
    text(
      `… and ${count} more steps, in the same order.`,
      `… et ${count} étapes de plus, dans le même ordre.`,
    ),
  ganttMissing: text(
    'The schedule is given as the runbook above (Gantt chart not available).',
    'Le planning est donné par la procédure ci-dessus (diagramme de Gantt non disponible).',
  ),
  orderIntro: text(
    'The recovery order follows the dependencies (an asset starts once what it runs on and what it needs is back), the priority of the processes (the tightest RTO first) and the teams available. The chart shows each recovery task on its team, the critical path highlighted and the RTO of each process marked.',
    'L’ordre de reprise suit les dépendances (un actif démarre lorsque ce sur quoi il fonctionne et ce dont il a besoin sont rétablis), la priorité des processus (le RTO le plus court d’abord) et les équipes disponibles. Le diagramme montre chaque tâche de reprise sur son équipe, le chemin critique mis en évidence et le RTO de chaque processus.',
  ),
  wholeIntro: (teams: string, makespan: string): Text =>
    text(
      `Worst case, every asset the processes rest on to recover with ${teams} team(s): the last is back after ${makespan}.`,
      `Cas le plus défavorable, tous les actifs sur lesquels reposent les processus à reprendre avec ${teams} équipe(s) : le dernier est rétabli après ${makespan}.`,
    ),
  criticalPath: text('Critical path:', 'Chemin critique :'),
  statusMet: text('met', 'tenu'),
  statusMissed: text('missed', 'dépassé'),
  statusNoRto: text('no RTO', 'pas de RTO'),
  statusNoRpo: text('no RPO', 'pas de RPO'),
  statusUnrecoverable: text('unrecoverable', 'irrécupérable'),
  statusLost: text('data lost', 'données perdues'),
  noSurvivingCopy: text('no surviving copy', 'aucune copie survivante'),
  survivesYes: text('survives', 'survit'),
  survivesNo: text('lost', 'perdue'),
  scenarioKinds: {
    'site-loss': text('Loss of a site', 'Perte d’un site'),
    ransomware: text('Ransomware', 'Rançongiciel'),
    provider: text('Loss of a provider', 'Perte d’un fournisseur'),
    directory: text('Loss of the directory', 'Perte de l’annuaire'),
    supplier: text('Loss of a supplier', 'Perte d’un prestataire'),
    link: text('Loss of an Internet link', 'Perte d’un lien Internet'),
  } as Readonly<Record<string, Text>>,
  defaultScenarioName: {
    'site-loss': (target: string): Text =>
      text(`Loss of site ${target}`, `Perte du site ${target}`),
    ransomware: (target: string): Text =>
      text(`Ransomware from ${target}`, `Rançongiciel depuis ${target}`),
    provider: (target: string): Text =>
      text(`Loss of provider ${target}`, `Perte du fournisseur ${target}`),
    directory: (): Text => text('Loss of the directory', 'Perte de l’annuaire'),
  },

  // backups
  backupsIntro: text(
    'The backups the recovery relies on, then each data set and asset against the RPO of the processes that need it and the 3-2-1-1-0 rule. A backup an attacker holding the office zones would reach (through flows, admin accounts, the directory or its admin interface) is marked as one a ransomware would encrypt too.',
    'Les sauvegardes sur lesquelles s’appuie la reprise, puis chaque jeu de données et actif au regard du RPO des processus qui en ont besoin et de la règle 3-2-1-1-0. Une sauvegarde qu’un attaquant maître des zones bureautiques atteindrait (par des flux, des comptes d’administration, l’annuaire ou son interface d’administration) est signalée comme une sauvegarde qu’un rançongiciel chiffrerait aussi.',
  ),
  exposed: text('exposed', 'exposée'),
  isolated: text('isolated (offline or immutable)', 'isolée (hors ligne ou immuable)'),
  notExposed: text('not reached', 'non atteinte'),
  restoreOk: text('successful', 'réussi'),
  restoreNever: text('never tested', 'jamais testée'),
  restoreFailed: text('failed', 'échec'),
  restorePartial: text('partial', 'partiel'),
  restoreStale: (days: string): Text =>
    text(`too old (${days} days)`, `trop ancien (${days} jours)`),
  gridMore: (count: string): Text =>
    text(
      `Only the ${count} entities that need a backup and break a rule are listed; the others meet the 3-2-1-1-0 rule.`,
      `Seules les ${count} entités qui ont besoin d’une sauvegarde et enfreignent une règle sont listées ; les autres respectent la règle 3-2-1-1-0.`,
    ),
  gridAllMet: text(
    'Every data set and asset with a backup meets the 3-2-1-1-0 rule.',
    'Chaque jeu de données et actif sauvegardé respecte la règle 3-2-1-1-0.',
  ),
  noBackupFlags: text(
    'The backup assessment finds no weakness.',
    'L’évaluation des sauvegardes ne relève aucune faiblesse.',
  ),
  tableTruncated: (shown: string, total: string): Text =>
    text(
      `The ${shown} first of ${total} rows are shown.`,
      `Les ${shown} premières lignes sur ${total} sont affichées.`,
    ),

  // contacts
  contactsIntro: text(
    'Keep a printed copy of these lists outside the information system: during a disaster the directory, the mail and the phones may be lost too.',
    'Conservez une copie imprimée de ces listes hors du système d’information : lors d’un sinistre, l’annuaire, la messagerie et la téléphonie peuvent aussi être perdus.',
  ),
  contactKinds: {
    supplier: text('supplier', 'fournisseur'),
    provider: text('service provider', 'prestataire de services'),
    insurer: text('insurer', 'assureur'),
    cert: text('CERT', 'CERT'),
    authority: text('authority', 'autorité'),
    contractor: text('contractor', 'sous-traitant'),
    other: text('other', 'autre'),
  } as Readonly<Record<string, Text>>,
  crisisRoles: {
    'crisis-director': text('Crisis director', 'Directeur de crise'),
    'it-lead': text('IT lead', 'Responsable informatique'),
    communication: text('Communication', 'Communication'),
    dpo: text('Data protection officer (DPO)', 'Délégué à la protection des données (DPO)'),
    legal: text('Legal', 'Juridique'),
    'business-lead': text('Business lead', 'Responsable métier'),
    'security-lead': text('Security lead', 'Responsable de la sécurité'),
    logistics: text('Logistics', 'Logistique'),
  } as Readonly<Record<string, Text>>,

  // exercises
  exercisesIntro: text(
    'An exercise measures the time actually taken to recover each process; a measured time above the RTO shows the plan does not hold as written.',
    'Un exercice mesure le temps réellement nécessaire pour reprendre chaque processus ; une durée mesurée supérieure au RTO montre que le plan ne tient pas tel qu’il est écrit.',
  ),
  exerciseKinds: {
    'restore-test': text('restore test', 'test de restauration'),
    tabletop: text('tabletop exercise', 'exercice sur table'),
    failover: text('failover', 'bascule'),
    'full-scale': text('full-scale exercise', 'exercice grandeur nature'),
  } as Readonly<Record<string, Text>>,
  problemsFound: (date: string, scenario: string): Text =>
    text(
      `Problems found on ${date} (${scenario}):`,
      `Problèmes relevés le ${date} (${scenario}) :`,
    ),
  planIntro: text(
    'Every process should be exercised at least once a year; the processes below have no exercise in the last twelve months, or missed their RTO at the last one. The tighter the RTO, the sooner.',
    'Chaque processus devrait être exercé au moins une fois par an ; les processus ci-dessous n’ont pas été exercés depuis douze mois, ou ont dépassé leur RTO au dernier exercice. Plus le RTO est court, plus tôt.',
  ),
  planAllRecent: text(
    'Every process has been exercised in the last twelve months within its RTO.',
    'Chaque processus a été exercé au cours des douze derniers mois dans son RTO.',
  ),
  recommendFailover: text(
    'failover or full-scale exercise of its supporting assets',
    'bascule ou exercice grandeur nature de ses actifs supports',
  ),
  recommendRestore: text(
    'restore test of its data and servers',
    'test de restauration de ses données et serveurs',
  ),
  recommendTabletop: text('tabletop exercise of its runbook', 'exercice sur table de sa procédure'),
  missedLast: text(' (RTO missed at the last exercise)', ' (RTO dépassé au dernier exercice)'),
  notMeasured: text('not measured', 'non mesuré'),

  // assumptions
  assumptionsIntro: text(
    'Where the model gives no value, the engines use a documented default; each default used is listed here so that it can be confirmed or replaced by a declared value.',
    'Lorsque le modèle ne donne pas de valeur, les moteurs utilisent une valeur par défaut documentée ; chaque valeur par défaut utilisée est listée ici pour être confirmée ou remplacée par une valeur déclarée.',
  ),
  assumptionThresholds: text(
    'Escalation at a quarter of the RTO and activation decision at half of it (document default).',
    'Escalade au quart du RTO et décision de déclenchement à sa moitié (valeur par défaut du document).',
  ),
  assumptionExercises: text(
    'An exercise older than twelve months is no longer recent; exercise dates are recommended one month ahead for an RTO up to 8 hours, three months up to 3 days, six months beyond (document default).',
    'Un exercice de plus de douze mois n’est plus récent ; les exercices sont recommandés sous un mois pour un RTO jusqu’à 8 heures, sous trois mois jusqu’à 3 jours, sous six mois au-delà (valeur par défaut du document).',
  ),
  assumptionDefaultScenarios: text(
    'No scenario is saved in the model: the default set of scenarios is simulated (document default).',
    'Aucun scénario n’est enregistré dans le modèle : le jeu de scénarios par défaut est simulé (valeur par défaut du document).',
  ),
  planScope: text('schedule', 'planning'),
  document: text('document', 'document'),
  moreAssumptions: (count: string): Text =>
    text(
      `… and ${count} more assumptions of the same kinds.`,
      `… et ${count} hypothèses de plus, de même nature.`,
    ),

  // appendices
  glossary: [
    [
      text('PRA (disaster recovery plan)', 'PRA (plan de reprise d’activité)'),
      text(
        'The organised recovery of the information system after a disaster, in an order and within times set in advance.',
        'La reprise organisée du système d’information après un sinistre, dans un ordre et des délais fixés à l’avance.',
      ),
    ],
    [
      text('RTO (recovery time objective)', 'RTO (durée maximale d’interruption admissible, DMIA)'),
      text(
        'The longest a process may stay interrupted before it must be back.',
        'La durée la plus longue pendant laquelle un processus peut rester interrompu avant de devoir être rétabli.',
      ),
    ],
    [
      text('RPO (recovery point objective)', 'RPO (perte de données maximale admissible, PDMA)'),
      text(
        'The most recent data a process may lose, as a duration before the disaster.',
        'Les données les plus récentes qu’un processus peut perdre, exprimées en durée avant le sinistre.',
      ),
    ],
    [
      text(
        'MTPD (maximum tolerable period of disruption)',
        'Durée maximale d’interruption tolérable (MTPD)',
      ),
      text(
        'The interruption beyond which the damage to the organisation is irreversible; the RTO must stay below it.',
        'L’interruption au-delà de laquelle les dommages pour l’organisme sont irréversibles ; le RTO doit rester en deçà.',
      ),
    ],
    [
      text(
        'MBCO (minimum business continuity objective)',
        'MBCO (niveau minimal de continuité d’activité)',
      ),
      text(
        'The degraded service a process keeps up while it is being recovered.',
        'Le service dégradé qu’un processus maintient pendant sa reprise.',
      ),
    ],
    [
      text('3-2-1-1-0 rule', 'Règle 3-2-1-1-0'),
      text(
        'Three copies of the data, on two different media, one off-site, one offline or immutable, and zero errors at the last restore test.',
        'Trois copies des données, sur deux supports différents, dont une hors site et une hors ligne ou immuable, et zéro erreur au dernier test de restauration.',
      ),
    ],
    [
      text('Critical path', 'Chemin critique'),
      text(
        'The chain of recovery tasks, each waiting for the previous one, that decides when the recovery ends.',
        'La chaîne de tâches de reprise, chacune attendant la précédente, qui fixe la fin de la reprise.',
      ),
    ],
    [
      text('Runbook', 'Procédure de reprise'),
      text(
        'The ordered steps of a recovery, each with its team, its start and end times and what it waits for.',
        'Les étapes ordonnées d’une reprise, chacune avec son équipe, ses heures de début et de fin et ce qu’elle attend.',
      ),
    ],
  ] as readonly (readonly [Text, Text])[],

  // durations (compact)
  days: text('d', 'j'),

  // "to be completed"
  todoProcesses: text(
    'The model declares no business process: there is nothing to recover in priority, and no RTO or RPO to meet',
    'Le modèle ne déclare aucun processus métier : rien n’est à reprendre en priorité, et aucun RTO ni RPO n’est à tenir',
  ),
  todoObjectives: text(
    'Processes without an RTO, RPO or MTPD',
    'Processus sans RTO, RPO ou durée maximale tolérable',
  ),
  todoMbco: text('Processes without a degraded mode (MBCO)', 'Processus sans mode dégradé (MBCO)'),
  todoRoles: text('Crisis roles nobody holds', 'Rôles de crise que personne ne tient'),
  todoDeputies: text('Crisis roles without a deputy', 'Rôles de crise sans suppléant'),
  todoTeams: text(
    'The model declares no recovery team: who recovers, and how many tasks in parallel, is unknown',
    'Le modèle ne déclare aucune équipe de reprise : qui reprend, et combien de tâches en parallèle, est inconnu',
  ),
  todoTeamMembers: text('Recovery teams without members', 'Équipes de reprise sans membres'),
  todoContacts: text(
    'The model declares no external contact: suppliers, providers, insurer and CERT to call during a recovery are unknown',
    'Le modèle ne déclare aucun contact externe : les fournisseurs, prestataires, assureur et CERT à appeler pendant une reprise sont inconnus',
  ),
  todoContactKinds: text(
    'No contact of these kinds is declared',
    'Aucun contact de ces types n’est déclaré',
  ),
  todoContactReach: text('Contacts without a phone number', 'Contacts sans numéro de téléphone'),
  todoBackups: text(
    'The model declares no backup: no data can be restored after a disaster',
    'Le modèle ne déclare aucune sauvegarde : aucune donnée ne peut être restaurée après un sinistre',
  ),
  todoExercises: text(
    'The model records no exercise: the plan has never been tested',
    'Le modèle n’enregistre aucun exercice : le plan n’a jamais été testé',
  ),
  todoProcedures: text(
    'Assets of the recovery without a documented procedure',
    'Actifs de la reprise sans procédure documentée',
  ),
  todoScenarios: text(
    'No scenario is saved with the model: save the scenarios the plan must answer so that every change is checked against them',
    'Aucun scénario n’est enregistré avec le modèle : enregistrez les scénarios auxquels le plan doit répondre pour que chaque modification soit vérifiée au regard de ceux-ci',
  ),
} as const;
