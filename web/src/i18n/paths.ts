import { defineArea } from './define';

/** Messages of the attack paths page (keys start with `paths.`). */
export default defineArea(
  {
    'paths.title': 'Attack paths',
    'paths.intro':
      'The most likely ways an attacker reaches the sensitive assets of version {version}, and the measures that cut them.',
    'paths.newTab': '(opens in a new tab)',
    'paths.filter.target': 'Target',
    'paths.filter.all': 'All targets',
    'paths.list.none': 'No attack path reaches a sensitive asset.',
    'paths.detail.title': 'Path: {source} → {target}',
    'paths.detail.summary':
      'Rank {rank} · likelihood {score} · {steps, plural, one {# step} other {# steps}} · target:',
    'paths.detail.pick': 'Select a path to see its steps and drawing.',
    'paths.detail.missing': 'This path does not exist in this version.',
    'paths.groups.title':
      '{targets, plural, =0 {No target reached} one {# target reached} other {# targets reached}} by {paths, plural, one {# path} other {# paths}}',
    'paths.groups.meta': '{count, plural, one {# path} other {# paths}} · most likely: {best}',
    'paths.groups.path':
      'Path {rank} from {source} · {score} · {steps, plural, one {# step} other {# steps}}',
    'paths.pager.label': 'Pages of targets',
    'paths.pager.previous': '← Previous targets',
    'paths.pager.next': 'Next targets →',
    'paths.pager.position': 'Page {page} of {pages}',
    'paths.tabs.label': 'Attack paths views',
    'paths.tabs.paths': 'Paths by target ({n})',
    'paths.tabs.choke': 'Choke points ({n})',
    'paths.detail.steps': 'Steps',
    'paths.detail.diagram': 'Drawing',
    'paths.steps.start': 'Start: {source}',
    'paths.steps.probability': 'probability {p}',
    'paths.diagram.label': 'Drawing of the attack path; its steps are listed just before.',
    'paths.diagram.caption': 'Select a box to open the entity in the model explorer.',
    'paths.diagram.unavailable': 'The drawing cannot be shown.',
    'paths.choke.title': 'Choke points',
    'paths.choke.intro':
      'Where one measure cuts several paths at once: the minimum cuts per target and overall.',
    'paths.choke.none': 'No choke point.',
    'paths.choke.action': 'Action',
    'paths.choke.entity': 'Where',
    'paths.choke.explanation': 'Why',
    'paths.choke.pathsCut': 'Paths cut',
    'paths.choke.targets': 'Targets (minimum cut)',
    'paths.choke.overall': 'In the overall minimum cut',
    'paths.choke.yes': 'yes',
    'paths.choke.no': 'no',
  },
  {
    'paths.title': 'Chemins d’attaque',
    'paths.intro':
      'Les chemins les plus probables par lesquels un attaquant atteint les actifs sensibles de la version {version}, et les mesures qui les coupent.',
    'paths.newTab': '(s’ouvre dans un nouvel onglet)',
    'paths.filter.target': 'Cible',
    'paths.filter.all': 'Toutes les cibles',
    'paths.list.none': 'Aucun chemin d’attaque n’atteint un actif sensible.',
    'paths.detail.title': 'Chemin : {source} → {target}',
    'paths.detail.summary':
      'Rang {rank} · vraisemblance {score} · {steps, plural, one {# étape} other {# étapes}} · cible :',
    'paths.detail.pick': 'Sélectionnez un chemin pour voir ses étapes et son schéma.',
    'paths.detail.missing': 'Ce chemin n’existe pas dans cette version.',
    'paths.groups.title':
      '{targets, plural, =0 {Aucune cible atteinte} one {# cible atteinte} other {# cibles atteintes}} par {paths, plural, =0 {aucun chemin} one {# chemin} other {# chemins}}',
    'paths.groups.meta':
      '{count, plural, one {# chemin} other {# chemins}} · le plus vraisemblable : {best}',
    'paths.groups.path':
      'Chemin {rank} depuis {source} · {score} · {steps, plural, one {# étape} other {# étapes}}',
    'paths.pager.label': 'Pages de cibles',
    'paths.pager.previous': '← Cibles précédentes',
    'paths.pager.next': 'Cibles suivantes →',
    'paths.pager.position': 'Page {page} sur {pages}',
    'paths.tabs.label': 'Vues des chemins d’attaque',
    'paths.tabs.paths': 'Chemins par cible ({n})',
    'paths.tabs.choke': 'Points de passage obligés ({n})',
    'paths.detail.steps': 'Étapes',
    'paths.detail.diagram': 'Schéma',
    'paths.steps.start': 'Départ : {source}',
    'paths.steps.probability': 'probabilité {p}',
    'paths.diagram.label': 'Schéma du chemin d’attaque ; ses étapes sont listées juste avant.',
    'paths.diagram.caption':
      'Sélectionnez une boîte pour ouvrir l’élément dans l’explorateur du modèle.',
    'paths.diagram.unavailable': 'Le schéma ne peut pas être affiché.',
    'paths.choke.title': 'Points de passage obligés',
    'paths.choke.intro':
      'Là où une seule mesure coupe plusieurs chemins à la fois : les coupes minimales par cible et globale.',
    'paths.choke.none': 'Aucun point de passage obligé.',
    'paths.choke.action': 'Action',
    'paths.choke.entity': 'Où',
    'paths.choke.explanation': 'Pourquoi',
    'paths.choke.pathsCut': 'Chemins coupés',
    'paths.choke.targets': 'Cibles (coupe minimale)',
    'paths.choke.overall': 'Dans la coupe minimale globale',
    'paths.choke.yes': 'oui',
    'paths.choke.no': 'non',
  },
);
