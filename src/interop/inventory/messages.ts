/** Messages of the inventory import and the wizard, in both languages; `{name}` placeholders. */
import type { Diagnostic, Severity } from '../../domain/diagnostic.js';

export type InventoryLocale = 'fr' | 'en';

const MESSAGES: Readonly<Record<string, { readonly en: string; readonly fr: string }>> = {
  'inventory-empty-file': {
    en: 'The file is empty.',
    fr: 'Le fichier est vide.',
  },
  'inventory-not-text': {
    en: 'The file is not text: expected a CSV file (or an XLSX workbook).',
    fr: 'Le fichier n’est pas du texte : un fichier CSV (ou un classeur XLSX) est attendu.',
  },
  'inventory-unsupported-file': {
    en: 'Unsupported file type: expected .csv, .tsv, .txt or .xlsx.',
    fr: 'Type de fichier non pris en charge : .csv, .tsv, .txt ou .xlsx attendu.',
  },
  'inventory-too-many-rows': {
    en: 'Too many rows (at most {maxRows}).',
    fr: 'Trop de lignes ({maxRows} au plus).',
  },
  'inventory-too-many-columns': {
    en: 'Too many columns (at most {maxColumns}).',
    fr: 'Trop de colonnes ({maxColumns} au plus).',
  },
  'inventory-cell-too-long': {
    en: 'A cell is too long (at most {maxCellChars} characters).',
    fr: 'Une cellule est trop longue ({maxCellChars} caractères au plus).',
  },
  'inventory-csv-unclosed-quote': {
    en: 'A quoted cell is never closed: a closing " is missing.',
    fr: 'Une cellule entre guillemets n’est jamais fermée : il manque un " fermant.',
  },
  'inventory-csv-stray-quote': {
    en: 'Text after a closing quote: the cell is kept as written.',
    fr: 'Du texte suit un guillemet fermant : la cellule est gardée telle quelle.',
  },
  'inventory-csv-one-column': {
    en: 'Only one column was found: is the separator "{delimiter}"?',
    fr: 'Une seule colonne trouvée : le séparateur est-il « {delimiter} » ?',
  },
  'inventory-xlsx-not-zip': {
    en: 'This is not an XLSX workbook (an XLSX file is a zip archive).',
    fr: 'Ce n’est pas un classeur XLSX (un fichier XLSX est une archive zip).',
  },
  'inventory-xlsx-zip': {
    en: 'The workbook cannot be opened safely: {detail}',
    fr: 'Le classeur ne peut pas être ouvert sans risque : {detail}',
  },
  'inventory-xlsx-not-workbook': {
    en: 'The zip archive is not an XLSX workbook (no xl/workbook.xml or no sheet).',
    fr: 'L’archive zip n’est pas un classeur XLSX (pas de xl/workbook.xml ou aucune feuille).',
  },
  'inventory-xlsx-doctype': {
    en: 'The workbook contains a DOCTYPE or entity declaration: refused.',
    fr: 'Le classeur contient une déclaration DOCTYPE ou d’entité : refusé.',
  },
  'inventory-xlsx-entity': {
    en: 'The workbook uses an undeclared XML entity: refused.',
    fr: 'Le classeur utilise une entité XML non déclarée : refusé.',
  },
  'inventory-xlsx-xml': {
    en: 'The workbook contains malformed XML.',
    fr: 'Le classeur contient du XML mal formé.',
  },
  'inventory-no-header': {
    en: 'No header row was recognised: map the columns by hand.',
    fr: 'Aucune ligne d’en-tête reconnue : associez les colonnes à la main.',
  },
  'inventory-no-name-column': {
    en: 'No column holds the asset names: choose one in the mapping.',
    fr: 'Aucune colonne ne contient le nom des actifs : choisissez-en une dans l’association.',
  },
  'inventory-row-skipped': {
    en: 'Row skipped: it has no name.',
    fr: 'Ligne ignorée : elle n’a pas de nom.',
  },
  'inventory-unknown-kind': {
    en: 'Unknown asset type "{value}": the asset is of type `other`.',
    fr: 'Type d’actif « {value} » inconnu : l’actif est de type `other`.',
  },
  'inventory-no-kind': {
    en: 'No asset type: the asset is of type `other`.',
    fr: 'Pas de type d’actif : l’actif est de type `other`.',
  },
  'inventory-invalid-address': {
    en: '"{value}" is not an IP address: it is left out.',
    fr: '« {value} » n’est pas une adresse IP : elle est laissée de côté.',
  },
  'inventory-invalid-count': {
    en: '"{value}" is not a whole number of at least 1: the count is left out.',
    fr: '« {value} » n’est pas un nombre entier d’au moins 1 : le nombre est laissé de côté.',
  },
  'inventory-id-changed': {
    en: 'Id "{from}" became "{to}" (ids are unique and in kebab-case).',
    fr: 'L’identifiant « {from} » devient « {to} » (les identifiants sont uniques et en kebab-case).',
  },
  'inventory-no-zone': {
    en: 'The asset has no zone: add one so that flows and rules can place it.',
    fr: 'L’actif n’a pas de zone : ajoutez-en une pour que les flux et les règles le situent.',
  },
  'inventory-zone-created': {
    en: 'Zone "{name}" is created (type `{kind}`, guessed from its name: check it).',
    fr: 'La zone « {name} » est créée (type `{kind}`, deviné d’après son nom : vérifiez-le).',
  },
  'inventory-unknown-zone': {
    en: 'Zone "{name}" does not exist in the model: the asset has no zone.',
    fr: 'La zone « {name} » n’existe pas dans le modèle : l’actif n’a pas de zone.',
  },
  'inventory-site-created': {
    en: 'Site "{name}" is created.',
    fr: 'Le site « {name} » est créé.',
  },
  'inventory-zone-sites': {
    en: 'Zone "{name}" holds assets of several sites: its site is left out.',
    fr: 'La zone « {name} » contient des actifs de plusieurs sites : son site est laissé de côté.',
  },
  'inventory-unknown-endpoint': {
    en: '"{name}" names no asset or zone of the inventory: its flows are left out.',
    fr: '« {name} » ne désigne aucun actif ni aucune zone de l’inventaire : ses flux sont laissés de côté.',
  },
  'inventory-unknown-protocol': {
    en: 'Protocol "{value}" is unknown: the flow protocol is `other`.',
    fr: 'Protocole « {value} » inconnu : le protocole du flux est `other`.',
  },
  'inventory-invalid-port': {
    en: '"{value}" is not a port (0 to 65535): it is left out.',
    fr: '« {value} » n’est pas un port (0 à 65535) : il est laissé de côté.',
  },
  'inventory-no-flow-columns': {
    en: 'The flow table has neither a source and a destination column nor a matrix layout.',
    fr: 'La table des flux n’a ni colonnes source et destination, ni disposition en matrice.',
  },
  'inventory-flow-incomplete': {
    en: 'Flow skipped: it needs a source and a destination.',
    fr: 'Flux ignoré : il lui faut une source et une destination.',
  },
  'wizard-required': {
    en: '{what} is required.',
    fr: '{what} est obligatoire.',
  },
  'wizard-unknown-reference': {
    en: '"{name}" names no {what} of the wizard: the reference is left out.',
    fr: '« {name} » ne désigne aucun(e) {what} de l’assistant : la référence est laissée de côté.',
  },
  'wizard-invalid-value': {
    en: '"{value}" is not valid here: {expected}.',
    fr: '« {value} » n’est pas valide ici : {expected}.',
  },
};

export function message(
  locale: InventoryLocale,
  code: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const entry = MESSAGES[code];
  const template = entry === undefined ? code : entry[locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A located diagnostic: `line` is the table's 1-based row, `column` its 1-based column. */
export function problem(
  locale: InventoryLocale,
  code: string,
  severity: Severity,
  file: string,
  line: number,
  column: number,
  params: Readonly<Record<string, string | number>> = {},
  path = '',
): Diagnostic {
  return { code, severity, message: message(locale, code, params), file, line, column, path };
}

/** The codes of the catalogue (tests check each has both languages). */
export const MESSAGE_CODES: readonly string[] = Object.keys(MESSAGES);
