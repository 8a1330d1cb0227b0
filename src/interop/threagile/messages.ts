import { text, type LocalizedText } from '../../design/text.js';

/** Messages of the Threagile import, in both languages; `{name}` placeholders. */
export const THREAGILE_MESSAGES = {
  'file-too-large': text(
    'The file is too large ({size} bytes); the limit is {limit}.',
    'Le fichier est trop gros ({size} octets) ; la limite est {limit}.',
  ),
  'yaml-syntax': text('YAML syntax error: {detail}.', 'Erreur de syntaxe YAML : {detail}.'),
  'yaml-multiple-documents': text(
    'A Threagile model is one YAML document.',
    'Un modèle Threagile est un seul document YAML.',
  ),
  'yaml-alias-bomb': text(
    'YAML aliases expand to more than {limit} extra nodes: refused.',
    'Les alias YAML ajoutent plus de {limit} nœuds : fichier refusé.',
  ),
  'not-threagile': text(
    'This is not a Threagile model: expected a mapping with `title`, `technical_assets` and `data_assets`.',
    'Ce n’est pas un modèle Threagile : un dictionnaire avec `title`, `technical_assets` et `data_assets` est attendu.',
  ),
  'entry-skipped': text(
    '{section} "{title}" is skipped: {detail}',
    '{section} « {title} » est ignoré : {detail}',
  ),
  'id-changed': text(
    'Id "{from}" became "{to}" (Vigie ids are unique, kebab-case, at most 100 characters).',
    'L’identifiant « {from} » devient « {to} » (les identifiants Vigie sont uniques, en kebab-case, de 100 caractères au plus).',
  ),
  'unknown-reference': text(
    '"{id}" names no {expected} of the model: the reference is dropped.',
    '« {id} » ne désigne aucun {expected} du modèle : la référence est abandonnée.',
  ),
  'unknown-technology': text(
    'Technology "{technology}" is unknown: the asset kind is `other`.',
    'Technologie « {technology} » inconnue : le type d’actif est `other`.',
  ),
  'unknown-protocol': text(
    'Protocol "{protocol}" is unknown: the flow protocol is `other`.',
    'Protocole « {protocol} » inconnu : le protocole du flux est `other`.',
  ),
  'unknown-authentication': text(
    'Authentication "{authentication}" is unknown: dropped.',
    'Authentification « {authentication} » inconnue : abandonnée.',
  ),
  'local-link': text(
    'Link "{title}" ({protocol}) is not a network flow: kept with protocol `other`.',
    'Le lien « {title} » ({protocol}) n’est pas un flux réseau : conservé avec le protocole `other`.',
  ),
  'several-boundaries': text(
    'Technical asset "{id}" is inside several unrelated trust boundaries ({boundaries}): its zone is "{zone}".',
    'L’actif technique « {id} » est dans plusieurs frontières de confiance sans lien ({boundaries}) : sa zone est « {zone} ».',
  ),
  'several-runtimes': text(
    'Technical asset "{id}" runs on several shared runtimes ({runtimes}): it is hosted on "{runtime}".',
    'L’actif technique « {id} » tourne sur plusieurs environnements partagés ({runtimes}) : il est hébergé sur « {runtime} ».',
  ),
  'dropped-fields': text(
    '{what} with no Vigie equivalent were dropped: {fields}.',
    '{what} sans équivalent Vigie ont été abandonnés : {fields}.',
  ),
  'dropped-section': text(
    'Section "{section}" has no Vigie equivalent: dropped.',
    'La section « {section} » n’a pas d’équivalent Vigie : abandonnée.',
  ),
  'risk-status-dropped': text(
    'Risk tracking "{key}" has status "{status}", which is not a decision (accepted, mitigated, false-positive): dropped.',
    'Le suivi de risque « {key} » a le statut « {status} », qui n’est pas une décision (accepted, mitigated, false-positive) : abandonné.',
  ),
  'risk-key-dropped': text(
    'Risk tracking "{key}" does not name one finding (`rule@asset`, no wildcard): dropped.',
    'Le suivi de risque « {key} » ne désigne pas un constat unique (`règle@actif`, sans joker) : abandonné.',
  ),
  'risk-rule-ids': text(
    'Risk decisions keep Threagile rule ids ({rules}); they apply only to Vigie rules with the same id.',
    'Les décisions de risque gardent les identifiants de règles Threagile ({rules}) ; elles ne s’appliquent qu’aux règles Vigie de même identifiant.',
  ),
} as const satisfies Record<string, LocalizedText>;

export type ThreagileMessage = keyof typeof THREAGILE_MESSAGES;
