import type { MessageKey } from './en.js';

/** Messages en français. Same keys as `en.ts`; the compiler rejects a missing key. */
export const fr: Readonly<Record<MessageKey, string>> = {
  'type.null': 'rien (null)',
  'type.list': 'une liste',
  'type.string': 'une chaîne de caractères',
  'type.integer': 'un entier',
  'type.number': 'un nombre',
  'type.boolean': 'un booléen (true/false)',
  'type.mapping': 'un dictionnaire (clé: valeur)',
  'format.id': 'identifiant kebab-case (minuscules, chiffres et tirets, par exemple srv-erp)',
  'format.duration': 'durée (par exemple 30min, 4h, 2d, 1w, 3mo, 1y)',
  'format.finding': 'identifiant de constat (regleId@sujetId)',
  'format.country': 'code pays à deux lettres (par exemple FR)',
  'format.iso27002': 'mesure ISO 27002 (par exemple 8.15)',
  'format.date': 'date ISO (AAAA-MM-JJ)',
  'format.email': 'adresse électronique',
  'format.ip': 'adresse IP',
  'format.cidr': 'réseau en notation CIDR (par exemple 10.0.0.0/24)',
  'hint.did-you-mean': ' (vouliez-vous dire « {suggestion} » ?)',
  'hint.write-for-example': ' ; écrivez par exemple {example}',
  'hint.list-items': ' ; commencez chaque élément de la liste par « - » sur sa propre ligne',
  'hint.required-keys': ' (obligatoires : {keys})',
  'hint.yaml-colon-in-value':
    'Astuce : la valeur contient « : » (deux-points suivi d’une espace), que YAML prend pour le début d’une autre clé ; mettez toute la valeur entre guillemets : {fix}',
  'hint.yaml-tab-indent':
    'Astuce : la ligne est indentée avec une tabulation ; YAML n’indente qu’avec des espaces, remplacez les tabulations par des espaces.',
  'hint.yaml-reserved-start':
    'Astuce : une valeur sans guillemets ne peut pas commencer par « {character} » (caractère réservé par YAML) ; mettez toute la valeur entre guillemets : {fix}',
  'word.or': ' ou ',
  'kind.site': 'site',
  'kind.zone': 'zone',
  'kind.asset': 'actif',
  'kind.data': 'jeu de données',
  'kind.flow': 'flux',
  'kind.identity': 'identité',
  'kind.process': 'processus',
  'kind.backup': 'sauvegarde',
  'kind.measure': 'mesure',
  'kind.decision': 'décision de risque',
  'severity.error': 'erreur',
  'severity.warning': 'avertissement',
  'severity.info': 'info',

  'diag.file-unreadable': 'Impossible de lire le fichier : {detail}.',
  'diag.path-not-found': 'Fichier ou répertoire introuvable.',
  'diag.no-model-files': 'Aucun fichier YAML (.yaml, .yml) dans ce répertoire.',
  'diag.too-many-files': 'Trop de fichiers de modèle ({count}) ; la limite est {limit}.',
  'diag.file-too-large': 'Le fichier est trop volumineux ({size} Mo) ; la limite est {limit} Mo.',
  'diag.yaml-syntax': 'Erreur de syntaxe YAML : {detail}.',
  'diag.references-not-checked':
    'Non vérifié car {file} contient une erreur de syntaxe : {count} référence(s) vers des identifiants écrits dans ce fichier ({ids}). Corrigez l’erreur de syntaxe, puis validez à nouveau.',
  'diag.references-not-checked-unparsed':
    'Non vérifié car {file} n’a pas pu être lu : {count} référence(s) vers des identifiants écrits dans ce fichier ({ids}).',
  'diag.yaml-multiple-documents':
    'Un fichier de modèle contient un seul document YAML ; séparez les documents dans des fichiers distincts.',
  'diag.yaml-alias-bomb':
    'Les alias YAML produisent plus de {limit} nœuds supplémentaires : refusé comme attaque par épuisement de ressources (« billion laughs »).',
  'diag.not-a-mapping':
    'Un fichier de modèle doit être un dictionnaire de sections (organisation, zones, assets…), pas {received}.',
  'diag.schema-unknown-key': 'Propriété inconnue « {key} »{hint}.',
  'diag.schema-required': 'Propriété obligatoire « {property} » absente.',
  'diag.schema-type': 'Type attendu : {expected} ; trouvé : {received}.',
  'diag.schema-enum': 'Valeur « {value} » invalide{hint} ; valeurs possibles : {options}.',
  'diag.schema-enum-near':
    'Valeur « {value} » invalide{hint} ; les plus proches des {count} valeurs possibles sont : {options}.',
  'diag.schema-type-mapping':
    'Dictionnaire attendu, avec les clés {keys}{required} ; trouvé : {received}{example}.',
  'diag.schema-type-list': 'Liste attendue ; trouvé : {received}{example}.',
  'diag.schema-format': '« {value} » n’est pas un(e) {format} valide.',
  'diag.schema-invalid': 'Valeur invalide : {detail}.',
  'diag.schema-items-min': 'La liste doit contenir au moins {limit} élément(s).',
  'diag.schema-items-max': 'La liste contient plus de {limit} éléments.',
  'diag.schema-length-min': 'Le texte doit contenir au moins {limit} caractère(s).',
  'diag.schema-length-max': 'Le texte dépasse {limit} caractères.',
  'diag.schema-number-min': '{value} est inférieur au minimum de {limit}.',
  'diag.schema-number-max': '{value} est supérieur au maximum de {limit}.',
  'diag.duplicate-organisation': 'L’organisation est définie deux fois (aussi en {other}).',
  'diag.duplicate-id':
    'L’identifiant « {id} » est déjà utilisé en {other} ; les identifiants sont uniques dans tout le modèle.',
  'diag.missing-organisation': 'Le modèle n’a pas de section organisation.',
  'diag.unknown-reference':
    'Référence inconnue « {id} » : aucun(e) {expected} ne porte cet identifiant{hint}.',
  'diag.wrong-reference-kind': '« {id} » est de type {actual} ; attendu : {expected}.',

  'diag.address-outside-zone':
    'L’adresse {address} est hors des sous-réseaux de la zone « {zone} » ({subnets}).',
  'diag.asset-site-mismatch':
    'L’actif est déclaré sur le site « {site} » mais sa zone « {zone} » est sur le site « {zoneSite} ».',
  'diag.asset-without-zone':
    'Cet actif ({kind}) n’est dans aucune zone et n’est hébergé sur aucun hôte : son exposition ne peut pas être évaluée.',
  'diag.backup-on-protected-asset':
    'La sauvegarde est stockée sur « {target} », qui est (ou héberge) « {asset} » qu’elle protège : perdre l’un fait perdre les deux.',
  'diag.data-not-stored': 'Le jeu de données n’est stocké sur aucun actif (storedOn est vide).',
  'diag.decision-duplicate-finding':
    'Le constat « {finding} » a déjà une décision de risque (« {other} »).',
  'diag.decision-unknown-subject':
    'Le constat porte sur « {subject} », qui n’est pas une entité du modèle.',
  'diag.duplicate-address': 'L’adresse {address} est aussi déclarée par l’actif « {other} ».',
  'diag.flow-self-loop': 'Le flux va de « {id} » vers lui-même.',
  'diag.hosting-cycle': 'Des actifs s’hébergent mutuellement en boucle : {cycle}.',
  'diag.left-before-joined': 'Départ le {left}, avant l’arrivée le {joined}.',
  'diag.member-of-non-group': '« {id} » est un(e) {kind}, pas un groupe.',
  'diag.needs-missing': 'Besoins de sécurité non renseignés : {missing}.',
  'diag.process-dependency-cycle':
    'Des processus dépendent les uns des autres en boucle : {cycle}.',
  'diag.process-without-assets': 'Le processus ne repose sur aucun actif support.',
  'diag.recovery-objectives-missing': 'Objectifs de reprise non renseignés : {missing}.',
  'diag.redundant-with-itself': 'L’actif est déclaré redondant avec lui-même.',
  'diag.recovery-team-unknown':
    'L’équipe de reprise « {team} » ne figure pas parmi les équipes de organisation.continuity.teams ({teams}).',
  'diag.backup-frequency-implausible':
    'La valeur {value} de {field} n’est pas plausible pour une sauvegarde : elle a lieu au moins une fois par an, pas en continu (0), et garde au plus 100 copies.',
  'diag.recovery-duration-implausible':
    'La valeur {value} de {field} n’est pas plausible : une reprise prend plus que rien et moins d’un an.',
  'diag.scenario-target-unknown':
    'Le scénario « {scenario} » frappe « {target} », qui n’est pas une cible {kind} du modèle (un site, un actif, un fournisseur ou un prestataire qu’il déclare).',
  'diag.remote-support-broker-is-self':
    'L’équipement est désigné comme relais de sa propre télémaintenance {tool} : désigner le relais de l’outil ou le portail du fournisseur vers lequel il se connecte.',
  'diag.remote-support-by-not-person':
    '« {id} » est un(e) {kind} : une télémaintenance est ouverte par une personne ou un tiers ; désigner qui se connecte.',
  'diag.retention-below-frequency':
    'Les copies sont conservées {retention}, moins que les {frequency} entre deux copies.',
  'diag.review-before-decision':
    'La date de revue {reviewDate} précède la date de décision {date}.',
  'diag.rto-exceeds-mtpd':
    'La DMIA (RTO) {rto} dépasse la durée maximale d’interruption admissible {mtpd} : le processus ne peut pas être repris à temps.',
  'diag.subnet-outside-parent':
    'Le sous-réseau {subnet} est hors des sous-réseaux de la zone englobante « {parent} ».',
  'diag.via-not-filtering':
    'Le flux est censé traverser « {id} », de type {kind}, qui ne filtre pas les flux.',
  'diag.zone-parent-cycle': 'Des zones s’englobent mutuellement en boucle : {cycle}.',
  'diag.zone-site-mismatch':
    'La zone est déclarée sur le site « {site} » mais sa zone englobante « {parent} » est sur le site « {parentSite} ».',

  'cli.tagline':
    "un modèle de votre système d'information, pour l'architecture sécurisée, l'audit, la continuité et la supervision",
  'cli.usage': 'Utilisation',
  'cli.command': 'commande',
  'cli.commands': 'Commandes',
  'cli.options': 'Options',
  'cli.global-options': 'Options générales',
  'cli.more-help': 'Lancez « vigie <commande> --help » pour les options d’une commande.',
  'cli.see-help': 'Voir « {command} ».',
  'cli.written': 'Écrit : {file}',
  'cli.option.lang': 'langue des messages (par défaut : VIGIE_LANG, LC_ALL, LANG)',
  'cli.option.help': 'afficher cette aide',
  'cli.option.version': 'afficher la version',
  'cli.option.debug': 'afficher la pile d’appels des erreurs internes',
  'cli.option.no-color': 'sans couleurs (aussi NO_COLOR=1)',
  'cli.option.format': 'format de sortie',
  'cli.option.output': 'écrire dans ce fichier plutôt que sur la sortie standard',
  'cli.option.output-dir': 'répertoire où écrire les fichiers du modèle',
  'cli.option.force': 'écraser un model.yaml existant',
  'cli.option.assets': 'nombre d’actifs (100 par défaut)',
  'cli.option.flows': 'nombre de flux (par défaut : cinq par actif)',
  'cli.option.seed': 'graine aléatoire, pour un modèle reproductible',
  'cli.error.unknown-command': 'commande inconnue « {name} ».',
  'cli.error.bad-arguments': 'arguments invalides : {detail}',
  'cli.error.bad-value':
    'valeur « {value} » invalide pour --{option} ; valeurs possibles : {allowed}.',
  'cli.error.positionals': 'nombre d’arguments incorrect ; utilisation : {usage}',
  'cli.error.internal':
    'erreur interne : {detail} (relancez avec --debug pour le détail ; merci de la signaler).',
  'cli.error.positive-int': '--{option} attend un nombre entier entre 1 et 1 000 000.',
  'cli.error.missing-option': 'option {option} manquante.',
  'cli.file.cannot-read': 'impossible de lire {path}',
  'cli.file.cannot-write': 'impossible d’écrire {path}',
  'cli.file.stdout': 'la sortie standard',
  'cli.file.not-found': 'fichier ou répertoire introuvable',
  'cli.file.no-directory': 'le répertoire {dir} n’existe pas',
  'cli.file.permission': 'permission refusée',
  'cli.file.no-space': 'plus de place sur le périphérique',
  'cli.file.is-directory': 'c’est un répertoire, un fichier était attendu',
  'cli.file.not-directory':
    'un répertoire était attendu, mais un fichier ou un périphérique occupe la place',
  'cli.file.read-only': 'le système de fichiers est en lecture seule',
  'cli.file.special-file':
    'c’est un périphérique, un tube nommé ou une socket, pas un fichier ordinaire (refusé avant toute lecture ou écriture)',
  'cli.file.exists': 'le fichier existe déjà et n’est pas écrasé',
  'cli.file.too-large': 'plus grand que la limite de {limit} Mo',
  'cli.file.failed': 'erreur système {detail}',
  'cli.exit.heading': 'Codes de sortie',
  'cli.exit.ok': 'succès',
  'cli.exit.bad':
    'usage incorrect, entrée illisible ou sortie impossible à écrire (le message dit laquelle)',
  'cli.exit.internal': 'erreur interne : un bogue, merci de le signaler',
  'cli.exit.model-invalid': 'le modèle contient des erreurs',
  'cli.exit.fail-on': 'un constat ouvert de sévérité au moins égale à --fail-on',
  'cli.exit.detections': 'quelque chose a été détecté, et tous les journaux ont été lus',
  'cli.exit.rule-errors': 'une règle contient des erreurs',
  'cli.validate.summary':
    'Vérifier un modèle (un fichier YAML ou un répertoire) et lister tous les problèmes.',
  'cli.validate.valid':
    'Modèle valide : {files} fichier(s), {errors} erreur(s), {warnings} avertissement(s), {infos} info(s).',
  'cli.validate.invalid':
    'Modèle invalide : {errors} erreur(s), {warnings} avertissement(s), {infos} info(s) dans {files} fichier(s).',
  'cli.summary.summary': 'Afficher les effectifs et les faits marquants d’un modèle.',
  'cli.summary.no-organisation': '(pas d’organisation)',
  'cli.summary.invalid':
    'Le modèle comporte {errors} erreur(s) : lancez « vigie validate » pour le détail ; les chiffres ci-dessous portent sur sa partie valide.',
  'cli.summary.section': 'Section',
  'cli.summary.count': 'Nombre',
  'cli.summary.key-facts': 'Faits marquants',
  'cli.summary.ot-assets': 'Actifs industriels (OT)',
  'cli.summary.personal-data': 'Jeux de données personnelles',
  'cli.summary.special-data': 'Jeux de données sensibles (RGPD art. 9)',
  'cli.summary.privileged': 'Identités à privilèges',
  'cli.summary.privileged-no-mfa': 'Identités à privilèges sans MFA',
  'cli.summary.unencrypted-flows': 'Flux non chiffrés',
  'cli.summary.protected-backups': 'Sauvegardes hors ligne ou immuables',
  'cli.summary.no-logs': 'Actifs censés journaliser qui n’envoient aucun journal',
  'cli.summary.measures': 'Mesures par statut',
  'cli.summary.supporting-assets': 'Actifs supports',
  'cli.schema.summary':
    'Afficher le schéma JSON des fichiers de modèle (complétion et contrôle dans les éditeurs).',
  'cli.graph.summary':
    'Afficher le graphe réseau d’un modèle (zones, actifs, flux) en DOT, Mermaid ou JSON.',
  'cli.init.summary':
    'Écrire un modèle de départ commenté (model.yaml) et son schéma JSON dans un répertoire.',
  'cli.init.exists': '{file} existe déjà ; utilisez --force pour l’écraser.',
  'cli.init.done':
    '{file} et {schema} écrits. Ensuite : complétez le modèle, puis lancez « vigie validate {dir} ».',
  'cli.generate.summary':
    'Générer un grand modèle réaliste (pour les mesures de performance et les essais).',
  'cli.generate.done': 'Modèle de {assets} actifs et {flows} flux généré dans {dir}.',
  'section.sites': 'Sites',
  'section.zones': 'Zones',
  'section.assets': 'Actifs',
  'section.data': 'Jeux de données',
  'section.flows': 'Flux',
  'section.identities': 'Identités',
  'section.processes': 'Processus',
  'section.backups': 'Sauvegardes',
  'section.measures': 'Mesures',
  'section.decisions': 'Décisions de risque',
  'cli.summary.process': 'Processus',
  'measure-status.implemented': 'en place',
  'measure-status.partial': 'partielle',
  'measure-status.planned': 'prévue',
  'measure-status.not-implemented': 'absente',
  'measure-status.not-applicable': 'non applicable',
  'cli.analyze.summary':
    'Analyser l’architecture : règles (guides de l’ANSSI), chemins d’attaque et points de coupure.',
  'cli.option.fail-on': 'code de sortie 1 si un constat ouvert atteint cette gravité',
  'cli.option.today':
    'date de l’analyse (les décisions de risque dont la revue est dépassée redeviennent ouvertes)',
  'cli.error.bad-date': '« {value} » n’est pas une date (AAAA-MM-JJ).',
  'cli.analyze.progress-rules': 'Règles',
  'cli.analyze.rule-failed': 'la règle {rule} a échoué et a été ignorée : {detail}',
  'cli.analyze.title': 'Analyse de sécurité de l’architecture — {organisation}',
  'cli.analyze.severity': 'Gravité',
  'cli.analyze.finding': 'Constat',
  'cli.analyze.title-column': 'Titre',
  'cli.analyze.status': 'Statut',
  'cli.analyze.totals':
    '{causes} cause(s) racine(s) ({total} constat(s)) issues de {rules} règles ; causes racines ouvertes : {critical} critique(s), {high} élevée(s), {medium} moyenne(s), {low} faible(s) ({open} constat(s) ouvert(s)).',
  'cli.analyze.root-cause': '{title} ({findings} constats, une même cause racine)',
  'cli.analyze.invalid-model':
    'Le modèle {path} comporte {errors} erreur(s) : corrigez-les d’abord (« vigie validate {path} »).',
  'cli.rules.summary':
    'Lister les règles d’architecture (intégrées, et personnalisées d’un modèle) avec leurs métadonnées.',
  'cli.option.model-rules':
    'lister aussi les règles personnalisées de ce modèle (son dossier rules/)',
  'cli.rules.id': 'Règle',
  'cli.rules.family': 'Famille',
  'cli.rules.likelihood': 'Vraisemblance',
  'cli.rules.count': '{count} règle(s).',
  'cli.needs.summary':
    'Besoins de sécurité (DICP) et leur propagation, réglementations applicables, cadrage de l’atelier 1 d’EBIOS RM et socle d’hygiène de l’ANSSI ; avec --spec, l’analyse d’une spécification de projet.',
  'cli.option.spec': 'une spécification de projet à analyser au regard du modèle',
  'cli.option.k':
    'chemins d’attaque les plus vraisemblables gardés par cible (1 à 20, 3 par défaut)',
  'cli.option.no-paths': 'sans chemins d’attaque ni points de coupure',
  'cli.error.k': '--k attend un nombre entier de 1 à 20.',
  'cli.analyze.progress-paths': 'Chemins d’attaque',
  'cli.analyze.paths-heading':
    'Chemins d’attaque les plus vraisemblables ({paths} chemins de {sources} sources de menace vers {targets} cibles)',
  'cli.analyze.score': 'Vraisemblance',
  'cli.analyze.target': 'Cible',
  'cli.analyze.route': 'Parcours',
  'cli.analyze.choke-heading': 'Points de coupure (à traiter en premier)',
  'cli.analyze.paths-cut': 'Chemins coupés',
  'cli.analyze.cost': 'Coût',
  'cli.analyze.element': 'Élément',
  'cli.analyze.action': 'Action',
  'cli.analyze.targets': 'Cibles',
  'cli.analyze.invalid-rules':
    'Les règles personnalisées de {path} comportent {errors} erreur(s) : corrigez-les d’abord.',
  'cli.import.summary':
    'Importer un modèle d’un autre outil (Threagile) en fichiers de modèle Vigie.',
  'cli.option.force-import': 'écraser les fichiers de modèle existants du répertoire de sortie',
  'cli.import.unknown-format':
    'format d’import « {format} » inconnu ; formats pris en charge : {formats}.',
  'cli.import.exists':
    'le répertoire de sortie contient déjà {files} ; utilisez --force pour les écraser.',
  'cli.import.done':
    '{count} fichier(s) de modèle écrits dans {dir}. Ensuite : « vigie validate {dir} », puis « vigie analyze {dir} ».',
  'cli.needs.nothing': 'indiquez un modèle, une spécification (--spec), ou les deux.',
  'cli.pra.summary':
    'CP4 : plan de reprise d’activité — analyse d’impact, sauvegardes face au RPO (3-2-1-1-0, exposition au rançongiciel) et ordonnancement de la reprise',
  'cli.pra.bad-action':
    '« {action} » n’est pas une action de pra : utilisez analyze, schedule ou simulate.',
  'cli.pra.bad-teams': '« {value} » n’est pas un nombre d’équipes (un entier de 1 à 999).',
  'cli.option.teams':
    'tâches de reprise menées en parallèle (par défaut : les équipes déclarées dans le modèle)',
  'cli.option.scenario':
    'le sinistre à simuler : site-loss:<site>, ransomware:<actif>, provider:<actif ou nom>, directory, supplier:<id>, link:<site>',
  'cli.pra.simulate-format': '--format {format} : « pra simulate » écrit un tableau ou du JSON.',
  'cli.pra.scenario-missing':
    '« pra simulate » demande --scenario : site-loss:<site>, ransomware:<actif>, provider:<actif ou nom>, directory, supplier:<id> ou link:<site>.',
  'cli.pra.scenario-only-simulate': '--scenario sert à « pra simulate », pas à « pra {action} ».',
  'cli.pra.bad-scenario': '--scenario {value} : {reason}',
  'cli.pra.status.unrecoverable': 'irrécupérable',
  'cli.pra.sim.cause.site': 'site perdu',
  'cli.pra.sim.cause.encrypted': 'chiffré',
  'cli.pra.sim.cause.provider': 'fournisseur perdu',
  'cli.pra.sim.cause.directory': 'annuaire perdu',
  'cli.pra.sim.cause.supplier': 'prestataire perdu',
  'cli.pra.sim.cause.link': 'lien perdu',
  'cli.pra.sim.cause.dependency': 'hôte perdu',
  'cli.pra.sim.lost': '{count} actif(s) perdu(s) ou inutilisable(s) :',
  'cli.pra.sim.backups': 'Sauvegardes concernées : {lost} perdue(s), {surviving} préservée(s)',
  'cli.pra.sim.processes': '{count} processus touché(s) :',
  'cli.pra.sim.col.data': 'Données',
  'cli.pra.sim.rpo.met': 'RPO tenu',
  'cli.pra.sim.rpo.missed': 'RPO dépassé',
  'cli.pra.sim.rpo.no-rpo': 'pas de RPO',
  'cli.pra.sim.rpo.lost': 'données perdues',
  'cli.pra.sim.data-loss': 'Perte de données ({count} jeu(x) de données ou actif(s)) :',
  'cli.pra.sim.col.window': 'Fenêtre de perte',
  'cli.pra.sim.no-copy': 'aucune copie préservée',
  'cli.pra.sim.missing': '{count} manque(s) pour reprendre :',
  'cli.pra.sim.runbook':
    'Procédure de reprise : {count} étape(s) sur {teams} créneau(x) d’équipe, tout est rétabli après {makespan}',
  'cli.pra.sim.col.start': 'Début',
  'cli.pra.sim.col.end': 'Fin',
  'cli.pra.sim.col.team': 'Équipe',
  'cli.pra.sim.col.action': 'Action à mener',
  'cli.pra.sim.col.after': 'Après',
  'cli.pra.sim.col.procedure': 'Procédure',
  'cli.pra.col.process': 'Processus',
  'cli.pra.col.achievable': 'Atteignable',
  'cli.pra.col.status': 'État',
  'cli.pra.status.met': 'RTO tenu',
  'cli.pra.status.missed': 'RTO dépassé',
  'cli.pra.status.no-rto': 'pas de RTO',
  'cli.pra.schedule-heading':
    'Ordonnancement de la reprise, dans l’hypothèse où tous les actifs sont perdus à la fois : {teams}, tout est rétabli après {makespan}',
  'cli.pra.teams.forced': '{count} équipe(s) en parallèle (--teams)',
  'cli.pra.teams.assumed': '{count} équipe (supposée : le modèle n’en déclare aucune)',
  'cli.pra.teams.declared': '{count} créneau(x) d’équipe déclaré(s) ({list})',
  'cli.pra.provider-dependent':
    'Rétablis par leur fournisseur ou prestataire, pas par vos équipes : {list}.',
  'cli.pra.no-process':
    'Aucun processus déclaré : rien à ordonnancer (déclarez les processus métier avec un RTO).',
  'cli.pra.valid-targets': 'Cibles possibles : {list}.',
  'cli.pra.action-first': 'l’action vient en premier : « vigie pra {action} {path} ».',
  'cli.pra.flags-heading': '{count} point(s) à traiter :',
  'cli.pra.assumptions': '{count} hypothèse(s) utilisée(s) (voir --format json).',
  'cli.pra.severity.critical': 'critique',
  'cli.pra.severity.high': 'élevée',
  'cli.pra.severity.medium': 'moyenne',
  'cli.pra.severity.low': 'faible',
  'cli.pra.severity.info': 'information',
  'cli.pra.bad-output':
    '« {file} » : pra n’écrit pas de fichiers {ext}. Indiquez -o fichier.svg ou fichier.png pour le diagramme de Gantt (pra schedule), ou un fichier .json, .md ou .txt pour la sortie texte.',
  'cli.pra.gantt-analyze':
    'le diagramme de Gantt ({file}) est produit par « vigie pra schedule » ; « pra analyze » écrit un tableau, du JSON ou du Markdown.',
  'cli.pra.gantt-format':
    '--format {format} produit du texte, mais {file} demande le diagramme de Gantt : retirez --format, ou écrivez dans un fichier .json, .md ou .txt.',
  'cli.pra.gantt-title': 'Planning de reprise : {name}',
  'cli.pra.md.title': 'Analyse du plan de reprise d’activité : {name}',
  'cli.pra.md.bia': 'Analyse d’impact sur l’activité',
  'cli.pra.md.bia-note': 'Impact d’une interruption dans le temps, de 1 (faible) à 4 (critique).',
  'cli.pra.md.backups': 'Sauvegardes : la règle 3-2-1-1-0',
  'cli.pra.md.backups-note':
    '3 copies, sur 2 supports, 1 hors site, 1 hors ligne ou immuable, 0 erreur au dernier test de restauration ; et si un rançongiciel parti des bureaux laisse une sauvegarde intacte.',
  'cli.pra.md.schedule': 'Ordonnancement de la reprise',
  'cli.pra.md.flags': 'Points à traiter',
  'cli.pra.md.assumptions': 'Hypothèses',
  'cli.pra.md.none': 'Aucun.',
  'cli.pra.col.mtpd': 'DMIA',
  'cli.pra.col.depends': 'Dépend de',
  'cli.pra.col.impact': 'Impact à {at}',
  'cli.pra.col.entity': 'Entité',
  'cli.pra.col.kind': 'Nature',
  'cli.pra.col.frequency': 'Meilleure fréquence',
  'cli.pra.col.copies': 'Exemplaires',
  'cli.pra.col.media': 'Supports',
  'cli.pra.col.offsite': 'Hors site',
  'cli.pra.col.isolated': 'Hors ligne ou immuable',
  'cli.pra.col.error-free': '0 erreur',
  'cli.pra.col.encrypted': 'Chiffrées',
  'cli.pra.col.rule': 'Règle respectée',
  'cli.pra.col.survives': 'Survit au rançongiciel',
  'cli.pra.col.chain': 'Chaîne déterminante',
  'cli.pra.col.severity': 'Gravité',
  'cli.pra.col.check': 'Contrôle',
  'cli.pra.col.subjects': 'Concerne',
  'cli.pra.col.message': 'Constat',
  'cli.pra.col.subject': 'Sujet',
  'cli.pra.col.assumption': 'Hypothèse',
  'cli.pra.kind.asset': 'actif',
  'cli.pra.kind.data': 'données',
  'cli.sigma.summary':
    'Vérifier des fichiers de règles Sigma (détection, corrélation, filtres) : chaque problème avec sa position.',
  'cli.sigma.unknown-action':
    'action « {action} » inconnue ; utilisez « vigie sigma check <règles…> ».',
  'cli.sigma.checked':
    '{files} fichier(s), {documents} document(s), {compiled} compilé(s) ; {errors} erreur(s), {warnings} avertissement(s).',
  'cli.hunt.summary':
    'Appliquer des règles Sigma à des journaux (JSON, EVTX, syslog, CSV, gzip) et signaler les détections.',
  'cli.option.pipeline':
    'pipeline de traitement : sysmon, windows-security, ecs-winlogbeat ou un fichier YAML (répétable)',
  'cli.option.rules': 'fichier ou répertoire de règles Sigma (répétable)',
  'cli.hunt.progress': '{file} : {percent} %, {events} événements, {rate} événements/s',
  'cli.hunt.more-problems': '… et {count} autre(s) problème(s).',
  'cli.hunt.no-rules': 'Aucune règle Sigma utilisable : rien à chercher.',
  'cli.hunt.incomplete':
    'Recherche incomplète : {count} problème(s) de lecture dans {files} fichier(s) ; les détections ne couvrent que ce qui a pu être lu (code de sortie 2).',
  'cli.hunt.level': 'Niveau',
  'cli.hunt.count': 'Détections',
  'cli.hunt.done':
    '{events} événements de {files} fichier(s) confrontés à {rules} règles : {detections} détection(s).',
  'cli.hunt.by-tactic': 'Par tactique ATT&CK :',
  'cli.dat.summary':
    'Écrire le dossier d’architecture technique (DAT) d’un modèle : HTML, PDF, DOCX ou Markdown.',
  'cli.report.summary':
    'Écrire un rapport sur un modèle (analysis : le rapport d’analyse de sécurité de l’architecture).',
  'cli.diagram.summary':
    'Dessiner un schéma d’un modèle (zones, un site, une zone, un processus) en SVG ou PNG.',
  'cli.option.view':
    'ce qu’il faut dessiner : zones, site:<id>, zone:<id> ou process:<id> (zones par défaut)',
  'cli.option.doc-format':
    'format du document : html, pdf, docx ou md (par défaut : d’après le nom du fichier de sortie, sinon md)',
  'cli.option.classification':
    'mention de classification en couverture et en en-tête de page (par défaut : Diffusion restreinte)',
  'cli.option.author': 'auteur nommé en couverture et dans l’historique',
  'cli.option.doc-version': 'version du document (1.0 par défaut)',
  'cli.option.date':
    'date du document, AAAA-MM-JJ (par défaut : aujourd’hui) ; c’est aussi la date de l’analyse',
  'cli.option.max-assets':
    'dessiner les zones sans leurs actifs au-delà de ce nombre d’actifs (80 par défaut)',
  'cli.diagram.bad-view':
    'vue « {view} » inconnue ; utilisez zones, site:<id>, zone:<id> ou process:<id>.',
  'cli.diagram.unknown-id': 'aucun élément « {kind} » d’id « {id} » dans le modèle.',
  'cli.diagram.bad-output':
    'le fichier de sortie doit finir par .svg ou .png (ou omettez -o pour afficher le SVG).',
  'cli.document.binary-output':
    'le format {format} est binaire : indiquez un fichier de sortie avec -o.',
  'cli.document.written': '{file} écrit ({size}).',
  'cli.document.written-pages': '{file} écrit ({size}, {pages} pages).',
  'cli.document.progress': '{step} : {done}/{total}',
  'cli.document.step-rules': 'règles',
  'cli.document.step-paths': 'chemins d’attaque',
  'cli.document.step-diagrams': 'schémas',
  'cli.document.step-render': 'rendu',
  'cli.document.default-classification': 'Diffusion restreinte',
  'cli.report.unknown-kind': 'rapport « {kind} » inconnu ; disponible : analysis.',
  'cli.document.bad-version':
    '--doc-version attend une version courte comme 1.0 ou 2.1-projet (lettres, chiffres, points, tirets).',
  'cli.serve.summary':
    'Servir la plateforme Vigie (interface web, et API JSON sous /api/) depuis le répertoire de données (VIGIE_DATA, ./data par défaut) ou PostgreSQL (DATABASE_URL).',
  'cli.option.host': 'adresse d’écoute (127.0.0.1 par défaut)',
  'cli.option.port': 'port d’écoute (8080 par défaut)',
  'cli.serve.listening': 'Vigie est servi sur {url} (stockage : {store}).',
  'cli.serve.first-run':
    'Premier démarrage : administrateur {email}, mot de passe à usage unique {password} — il n’est affiché que maintenant ; changez-le après connexion.',
  'cli.serve.demo': 'Espace de travail de démonstration : {name}.',
  'cli.serve.open': 'Ouvrez {url} dans un navigateur.',
  'cli.serve.stopping': 'Arrêt en cours (Ctrl-C à nouveau pour forcer)…',
  'cli.serve.bad-port': '--port attend un nombre entier de 1 à 65535.',
  'cli.serve.bad-audit-network':
    '{name} attend des réseaux séparés par des virgules, comme 127.0.0.0/8,10.0.0.0/8 (reçu : « {value} »).',
  'cli.serve.bad-limit': '{name} attend un nombre entier de {min} à {max} (reçu : « {value} »).',
  'cli.serve.upload-below-model':
    'VIGIE_MAX_UPLOAD_BYTES ({value}) doit valoir au moins VIGIE_MAX_MODEL_BYTES ({min}) : un modèle dans sa limite doit tenir dans une requête.',
  'cli.serve.cannot-start': 'démarrage impossible : {reason}.',
  'cli.option.public-url':
    'l’adresse qu’ouvrent les utilisateurs, par ex. https://vigie.example.org (VIGIE_PUBLIC_URL) ; en https, cookies Secure et HSTS',
  'cli.option.tls-cert':
    'certificat PEM (chaîne) pour servir directement en HTTPS, avec --tls-key (VIGIE_TLS_CERT)',
  'cli.option.tls-key': 'clé privée PEM de --tls-cert (VIGIE_TLS_KEY)',
  'cli.serve.public-url-invalid':
    '--public-url (VIGIE_PUBLIC_URL) attend une adresse absolue comme https://vigie.example.org, pas « {value} ».',
  'cli.serve.public-url-scheme':
    '--public-url (VIGIE_PUBLIC_URL) doit commencer par https:// (ou http:// pour un essai sans TLS), pas « {value} ».',
  'cli.serve.public-url-credentials':
    '--public-url (VIGIE_PUBLIC_URL) ne doit contenir ni nom d’utilisateur ni mot de passe.',
  'cli.serve.public-url-path':
    '--public-url (VIGIE_PUBLIC_URL) doit être la racine d’un site, sans chemin, requête ni fragment (Vigie est servi sous /), pas « {value} ».',
  'cli.serve.tls-pair':
    '--tls-cert et --tls-key (VIGIE_TLS_CERT et VIGIE_TLS_KEY) vont ensemble : donnez les deux ou aucun.',
  'cli.serve.tls-unreadable': 'impossible de lire le fichier TLS {file} : {reason}.',
  'cli.serve.tls-bad-cert':
    '{file} ne contient pas de certificat PEM (-----BEGIN CERTIFICATE-----).',
  'cli.serve.tls-bad-key':
    '{file} ne contient pas de clé privée PEM utilisable (une clé chiffrée n’est pas prise en charge).',
  'cli.serve.tls-mismatch': 'la clé privée {key} ne correspond pas au certificat {cert}.',
  'cli.serve.locked':
    'un autre serveur Vigie (PID {pid} sur l’hôte {host}, démarré le {since}) utilise le répertoire de données {dir}. Arrêtez-le d’abord, ou utilisez PostgreSQL (DATABASE_URL) pour faire tourner plusieurs instances ; si aucun Vigie n’y tourne plus, supprimez {lock}',
  'cli.serve.locked-unreadable':
    'le répertoire de données {dir} est verrouillé ({lock} est illisible) ; si aucun serveur Vigie ne l’utilise, supprimez {lock}',
  'cli.serve.dir-readable':
    'attention : d’autres utilisateurs peuvent ouvrir le répertoire de données {dir} (mode {mode}), qui contient des empreintes de mots de passe et de sessions ; restreignez-le avec : chmod 700 {dir}',
  'cli.backup.summary':
    'Écrire une sauvegarde cohérente des données de la plateforme (comptes, espaces de travail, versions de modèle, journal d’audit…) pendant qu’elle tourne.',
  'cli.restore.summary':
    'Restaurer une sauvegarde de la plateforme dans un répertoire de données ou une base vide.',
  'cli.backup.done': '{file} écrit : {rows} lignes de {tables} tables.',
  'cli.restore.done': '{rows} lignes restaurées dans {store}.',
  'cli.backup.failed': 'échec de la sauvegarde : {reason}.',
  'cli.restore.failed': 'restauration refusée : {reason}.',
  'cli.admin.summary':
    'Récupération d’un compte sur la machine du serveur, dans le stockage de la plateforme (VIGIE_DATA ou DATABASE_URL) : unlock <e-mail> lève le blocage de connexion, reset-password <e-mail> affiche un mot de passe à usage unique et déconnecte le compte.',
  'cli.admin.unknown-action': 'action « {action} » inconnue ; disponibles : {actions}.',
  'cli.admin.no-store':
    'aucune donnée Vigie dans {dir} (indiquez VIGIE_DATA ou DATABASE_URL comme pour vigie serve).',
  'cli.admin.no-account': 'aucun compte n’utilise l’adresse e-mail {email} (stockage : {store}).',
  'cli.admin.unlocked': 'Connexion à {email} débloquée : les tentatives échouées sont oubliées.',
  'cli.admin.was-not-locked': '{email} n’était pas bloqué ; rien à oublier.',
  'cli.admin.password-reset':
    'Nouveau mot de passe à usage unique pour {email} : {password} — il n’est affiché que maintenant ; connectez-vous avec puis changez-le. Sessions déconnectées : {sessions}.',
  'cli.admin.failed': 'échec de admin {action} : {reason}.',
  'cli.serve.bad-trust-proxy': 'VIGIE_TRUST_PROXY est invalide : {reason}.',
  // audit
  'cli.audit.summary':
    'audit technique de sécurité : sondes bornées au périmètre (ports, TLS, SSH, HTTP, DNS/messagerie), écarts au modèle, rapport',
  'cli.audit.bad-action':
    '« {action} » n’est pas une action d’audit : utilisez run, ports, tls, ssh, http, dns, report ou host.',
  'cli.audit.target-missing':
    'audit {action} demande une cible : vigie audit {action} <adresse>[:port].',
  'cli.audit.bad-target':
    '« {target} » n’est pas une cible : donnez une adresse IP ou un nom d’hôte, suivi éventuellement de :port (1–65535).',
  'cli.audit.option-only': '--{option} sert à audit {actions}, pas à audit {action}.',
  'cli.audit.bad-format': '--format {format} : audit {action} écrit {allowed}.',
  'cli.audit.bad-timeout':
    '--timeout « {value} » : donnez une durée de 50 à 30000 ms (par ex. 1500 ou 1500ms).',
  'cli.audit.bad-ports': '--ports « {value} » : {reason}',
  'cli.audit.scope-invalid':
    'le fichier de périmètre {file} contient des erreurs ; rien n’a été envoyé.',
  'cli.audit.model-invalid':
    'le modèle {path} contient des erreurs ; corrigez-les avant d’auditer par rapport à lui.',
  'cli.audit.vantage-unknown': '--vantage {zone} : le modèle n’a pas cette zone (zones : {zones}).',
  'cli.audit.vantage-needs-model': '--vantage demande --model (une zone du modèle).',
  'cli.audit.out-of-scope': '{target} est hors périmètre : {reason}. Rien n’a été envoyé.',
  'cli.audit.unavailable': 'la sonde {probe} n’est pas disponible dans cette version de Vigie.',
  'cli.audit.no-resolver':
    'audit dns demande un résolveur : --resolver <adresse[:port]> (le serveur DNS à interroger, en boucle locale dans les tests).',
  'cli.audit.results-invalid': '{file} n’est pas un fichier de résultats d’audit utilisable :',
  'cli.audit.done':
    'Audit « {name} » : {hosts} hôtes, {open} ports ouverts, {findings} constats en {seconds} s ({connections} connexions).',
  'cli.audit.refused-count':
    '{count} connexions refusées car hors périmètre (listées dans les résultats).',
  'cli.audit.errors-count':
    '{count} sondes en échec (listées dans les résultats) ; les autres ont abouti.',
  'cli.audit.stopped': 'Audit interrompu : les résultats contiennent ce qui a été fait.',
  'cli.audit.no-findings': 'Aucun constat.',
  'cli.audit.open-ports': '{address} : ouverts {ports}',
  'cli.audit.no-open-port': '{address} : aucun port ouvert parmi {tried} essayés',
  'cli.audit.col.severity': 'Sévérité',
  'cli.audit.col.score': 'Score CVSS',
  'cli.audit.col.check': 'Contrôle',
  'cli.audit.col.subject': 'Sujet',
  'cli.audit.col.entities': 'Entités du modèle',
  'cli.audit.col.detail': 'Détail',
  'cli.audit.by-severity': 'Par sévérité : {counts}',
  'cli.audit.comparison':
    'Comparé à {file} : {added} nouveaux, {fixed} corrigés, {persisting} toujours présents.',
  'cli.audit.host-linux-only':
    'audit host lit un système Linux : lancez-le sur l’hôte Linux à auditer.',
  'cli.audit.host-reading': 'Lecture de {host} (lecture seule)…',
  'cli.audit.host-not-root':
    'Exécution sans les droits root : /etc/shadow, sudoers, les règles du pare-feu et la configuration effective de sshd peuvent être illisibles ; ces contrôles sont omis.',
  'cli.audit.host-index':
    'Indice de durcissement {index}/100 : {passed} contrôles réussis sur {total} ({seconds} s).',
  'cli.option.scope': 'fichier de périmètre (YAML) : hôtes, réseaux, ports, exclusions, limites',
  'cli.option.audit-model': 'le modèle par rapport auquel auditer (ses actifs, services et flux)',
  'cli.option.vantage': 'la zone du modèle depuis laquelle l’audit est lancé',
  'cli.option.campaign-name': 'nom de la campagne (par défaut : celui du fichier de périmètre)',
  'cli.option.previous': 'résultats d’une campagne précédente, pour comparaison',
  'cli.option.audit-ports':
    'ports à balayer : declared, top1000, all, ou une liste comme 22,80,8000-8100',
  'cli.option.audit-timeout': 'temps accordé par connexion et par lecture (1500 ms par défaut)',
  'cli.option.resolver': 'résolveur DNS à interroger (adresse[:port])',
  'cli.option.selector': 'sélecteur DKIM à rechercher (répétable)',
  'cli.option.servername': 'nom envoyé en SNI et en Host, et vérifié dans le certificat',
  'cli.exit.audit-fail-on': 'un constat de sévérité au moins égale à --fail-on',
  'punct.colon': ' :',
};
