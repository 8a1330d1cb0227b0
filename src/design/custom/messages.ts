import { interpolate, type Locale, type MessageParams } from '../../i18n/index.js';
import { text, type LocalizedText } from '../text.js';

/** Messages of custom-rule diagnostics, in both languages; `{name}` placeholders. */
export const CUSTOM_RULE_MESSAGES = {
  'file-too-large': text(
    'The rule file is too large ({size} bytes); the limit is {limit}.',
    'Le fichier de règles est trop gros ({size} octets) ; la limite est {limit}.',
  ),
  'yaml-syntax': text('YAML syntax error: {detail}.', 'Erreur de syntaxe YAML : {detail}.'),
  'yaml-multiple-documents': text(
    'A rule file holds one YAML document.',
    'Un fichier de règles contient un seul document YAML.',
  ),
  'yaml-alias-bomb': text(
    'YAML aliases expand to more than {limit} extra nodes: refused.',
    'Les alias YAML ajoutent plus de {limit} nœuds : fichier refusé.',
  ),
  'not-a-rule-file': text(
    'A rule file is a mapping with a `rules` list.',
    'Un fichier de règles est un dictionnaire contenant une liste `rules`.',
  ),
  'duplicate-rule-id': text(
    'Rule id "{id}" is already used ({other}).',
    'L’identifiant de règle « {id} » est déjà utilisé ({other}).',
  ),
  'reserved-rule-id': text(
    'Rule id "{id}" is the id of a built-in rule; choose another (e.g. "custom-{id}").',
    'L’identifiant « {id} » est celui d’une règle intégrée ; en choisir un autre (par ex. « custom-{id} »).',
  ),
  'condition-type': text(
    'A condition is a mapping (`field: {operator: value}`, `all`, `any`, `not`) or a list of them, not {received}.',
    'Une condition est un dictionnaire (`champ: {opérateur: valeur}`, `all`, `any`, `not`) ou une liste de conditions, pas {received}.',
  ),
  'empty-condition': text('This condition is empty.', 'Cette condition est vide.'),
  'path-syntax': text(
    'Invalid field path "{path}": write names separated by dots, `[]` after a list (e.g. `services[].port`).',
    'Chemin de champ invalide « {path} » : écrire des noms séparés par des points, `[]` après une liste (par ex. `services[].port`).',
  ),
  'unknown-field': text(
    'Unknown field "{field}" for {kind}{hint}.',
    'Champ « {field} » inconnu pour {kind}{hint}.',
  ),
  'list-needs-brackets': text(
    '"{field}" is a list: write "{field}[]" to look into its items.',
    '« {field} » est une liste : écrire « {field}[] » pour examiner ses éléments.',
  ),
  'not-a-list': text(
    '"{field}" is not a list: remove the "[]".',
    '« {field} » n’est pas une liste : retirer « [] ».',
  ),
  'not-navigable': text(
    '"{field}" is a plain value: the path cannot go further.',
    '« {field} » est une valeur simple : le chemin ne peut pas aller plus loin.',
  ),
  'unknown-operator': text(
    'Unknown operator "{operator}"{hint}; operators: {operators}.',
    'Opérateur « {operator} » inconnu{hint} ; opérateurs : {operators}.',
  ),
  'operator-needs-list': text(
    'Operator "{operator}" applies to lists, and "{path}" is a single value.',
    'L’opérateur « {operator} » s’applique aux listes, et « {path} » est une valeur unique.',
  ),
  'operator-needs-value': text(
    'Operator "{operator}" applies to single values, and "{path}" is a list: use any, all, contains, length or exists.',
    'L’opérateur « {operator} » s’applique à des valeurs uniques, et « {path} » est une liste : utiliser any, all, contains, length ou exists.',
  ),
  'operator-type': text(
    'Operator "{operator}" does not apply to {type} values.',
    'L’opérateur « {operator} » ne s’applique pas aux valeurs de type {type}.',
  ),
  'operands-expected': text(
    'Operator "{operator}" expects {expected}.',
    'L’opérateur « {operator} » attend {expected}.',
  ),
  'operand-type': text(
    'Expected {expected} for "{path}", found {received}.',
    'Valeur attendue pour « {path} » : {expected} ; trouvé : {received}.',
  ),
  'operand-enum': text(
    '"{value}" is not a possible value of "{path}"{hint}; possible values: {options}.',
    '« {value} » n’est pas une valeur possible de « {path} »{hint} ; valeurs possibles : {options}.',
  ),
  'unsafe-regex': text(
    'Regular expression refused: {reason}.',
    'Expression régulière refusée : {reason}.',
  ),
  'invalid-regex': text(
    'Invalid regular expression: {detail}.',
    'Expression régulière invalide : {detail}.',
  ),
  'invalid-date': text(
    '"{value}" is not a date: write `YYYY-MM-DD`, `today`, `today+30d` or `today-1y`.',
    '« {value} » n’est pas une date : écrire `AAAA-MM-JJ`, `today`, `today+30d` ou `today-1y`.',
  ),
  'unknown-placeholder': text(
    'Placeholder "{placeholder}" in the detail: {problem}',
    'Marqueur « {placeholder} » dans le détail : {problem}',
  ),
  'related-not-reference': text(
    '"{path}" does not lead to entities: `related` lists paths of references.',
    '« {path} » ne mène pas à des entités : `related` liste des chemins de références.',
  ),
  'hint-did-you-mean': text(
    ' (did you mean "{suggestion}"?)',
    ' (vouliez-vous dire « {suggestion} » ?)',
  ),
} as const satisfies Record<string, LocalizedText>;

export type CustomRuleMessage = keyof typeof CUSTOM_RULE_MESSAGES;

/** The text of a message in a locale, placeholders filled. */
export function customMessage(
  locale: Locale,
  key: CustomRuleMessage,
  params?: MessageParams,
): string {
  return interpolate(CUSTOM_RULE_MESSAGES[key][locale], params);
}

/** A message in both languages, for problems found before the locale is known. */
export interface PendingMessage {
  readonly key: CustomRuleMessage;
  readonly params?: MessageParams;
}

/** Regex refusal reasons. */
export const REGEX_REASONS = {
  'too-long': text('longer than {limit} characters', 'plus de {limit} caractères'),
  'nested-quantifier': text(
    'a repeated group contains a repetition or an alternative (catastrophic backtracking)',
    'un groupe répété contient une répétition ou une alternative (retour arrière catastrophique)',
  ),
  'too-many-quantifiers': text(
    'more than {limit} unbounded repetitions',
    'plus de {limit} répétitions non bornées',
  ),
  backreference: text('back-references are not allowed', 'les références arrière sont interdites'),
  lookbehind: text(
    'look-behind assertions are not allowed',
    'les assertions arrière sont interdites',
  ),
} as const satisfies Record<string, LocalizedText>;
