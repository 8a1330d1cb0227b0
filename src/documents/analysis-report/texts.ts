/**
 * The wording shared by the sections of the architecture security analysis report (section
 * titles, column titles, counted nouns), each text in English and French side by side; each
 * section file keeps its own wording table beside its code. `resolve(TEXTS, locale)` gives the
 * texts of one language: plain texts become strings, texts with counts or names become functions.
 */
import { count } from '../../design/cp1/format.js';
import { text, type LocalizedText } from '../../design/text.js';
import type { DocumentLocale } from '../model.js';

const L = text;

/** `1 finding`, `3 findings` / `1 constat`, `3 constats` (0 and 1 are singular in French). */
const noun =
  (en: [string, string], fr: [string, string]) =>
  (n: number): LocalizedText =>
    L(`${count(n).en} ${n === 1 ? en[0] : en[1]}`, `${count(n).fr} ${n <= 1 ? fr[0] : fr[1]}`);

/** The form of a word or phrase that agrees with a count (0 and 1 are singular in French). */
const agree = (n: number, en: [string, string], fr: [string, string]): LocalizedText =>
  L(n === 1 ? en[0] : en[1], n <= 1 ? fr[0] : fr[1]);

const findings = noun(['finding', 'findings'], ['constat', 'constats']);
const paths = noun(['attack path', 'attack paths'], ['chemin d’attaque', 'chemins d’attaque']);
const assets = noun(['asset', 'assets'], ['actif', 'actifs']);
const flows = noun(['flow', 'flows'], ['flux', 'flux']);
const rules = noun(['rule', 'rules'], ['règle', 'règles']);
const families = noun(['family', 'families'], ['famille', 'familles']);
const sources = noun(
  ['threat source', 'threat sources'],
  ['source de menace', 'sources de menace'],
);
const jewels = noun(['crown jewel', 'crown jewels'], ['bien critique', 'biens critiques']);
const steps = noun(['step', 'steps'], ['étape', 'étapes']);
const decisions = noun(
  ['risk decision', 'risk decisions'],
  ['décision de traitement du risque', 'décisions de traitement du risque'],
);

export const TEXTS = {
  title: L('Architecture security analysis', 'Analyse de sécurité de l’architecture'),
  subtitle: (organisation: string) =>
    L(
      `Information system of ${organisation}: needs, findings, attack paths and risk decisions`,
      `Système d’information de ${organisation} : besoins, constats, chemins d’attaque et décisions`,
    ),
  firstIssue: L('First issue', 'Création du document'),
  colon: L(': ', ' : '),
  semicolon: L('; ', ' ; '),

  // Section titles (also the text of cross-references to them)
  summary: L('Executive summary', 'Synthèse'),
  scope: L('Scope and method', 'Périmètre et méthode'),
  needs: L('Security needs', 'Besoins de sécurité'),
  findings: L('Findings by severity', 'Constats par gravité'),
  attackPaths: L('Attack paths', 'Chemins d’attaque'),
  chokePoints: L('Choke points', 'Points de coupure'),
  decisions: L('Risk decisions', 'Décisions de traitement du risque'),
  appendixFindings: L('All findings', 'Liste des constats'),
  appendixRules: L('Rules run', 'Règles appliquées'),
  glossary: L('Glossary', 'Glossaire'),

  // Executive summary
  summaryIntro: (org: string, a: number, f: number, r: number, date: string) =>
    L(
      `The model of ${org} (${assets(a).en}, ${flows(f).en}) was checked on ${date} against ${rules(r).en} of architecture, and searched for the ways an attacker would reach what matters.`,
      `Le modèle de ${org} (${assets(a).fr}, ${flows(f).fr}) a été vérifié le ${date} au regard de ${rules(r).fr} d’architecture, et les chemins par lesquels un attaquant atteindrait ce qui compte y ont été recherchés.`,
    ),
  findingCounts: (total: number, open: number, decided: number, reopened: number) =>
    L(
      `${findings(total).en}: ${count(open).en} open, ${count(decided).en} covered by a risk decision${reopened === 0 ? '' : `; ${count(reopened).en} of the open ones had a decision whose review date has passed`}.`,
      `${findings(total).fr} : ${count(open).fr} ${agree(open, ['', ''], ['ouvert', 'ouverts']).fr}, ${count(decided).fr} ${agree(decided, ['', ''], ['couvert', 'couverts']).fr} par une décision de traitement du risque${reopened === 0 ? '' : ` ; ${count(reopened).fr} des constats ouverts ${agree(reopened, ['', ''], ['avait', 'avaient']).fr} une décision dont la date de revue est dépassée`}.`,
    ),
  rootCauseCounts: (causes: number, open: number) =>
    L(
      ` They come from ${count(causes).en} root ${agree(causes, ['cause', 'causes'], ['', '']).en} (${count(open).en} open): a weakness that breaks several rules counts once.`,
      ` Ils relèvent de ${count(causes).fr} ${agree(causes, ['', ''], ['cause racine', 'causes racines']).fr} (${count(open).fr} ${agree(open, ['', ''], ['ouverte', 'ouvertes']).fr}) : une faiblesse qui enfreint plusieurs règles compte une fois.`,
    ),
  severityCountsCaption: L(
    'Findings by severity, open and decided',
    'Constats par gravité, ouverts et décidés',
  ),
  mostSevere: L('The most severe open findings:', 'Les constats ouverts les plus graves :'),
  noOpenFinding: L('No finding is open.', 'Aucun constat n’est ouvert.'),
  pathsSummary: (p: number, s: number, t: number) =>
    L(
      `${paths(p).en} ${agree(p, ['was', 'were'], ['', '']).en} computed from ${sources(s).en} to ${jewels(t).en}. The most exposed crown jewels:`,
      `${paths(p).fr} ${agree(p, ['', ''], ['a été calculé', 'ont été calculés']).fr} depuis ${sources(s).fr} vers ${jewels(t).fr}. Les biens critiques les plus exposés :`,
    ),
  noPaths: L(
    'Attack paths were not computed for this report.',
    'Les chemins d’attaque n’ont pas été calculés pour ce rapport.',
  ),
  noPathFound: L(
    'No attack path reaches a crown jewel of the model.',
    'Aucun chemin d’attaque n’atteint un bien critique du modèle.',
  ),
  exposedTarget: (source: string, score: string, n: number) =>
    L(
      `most likely path from ${source} (likelihood ${score}); reached by ${sources(n).en}`,
      `chemin le plus vraisemblable depuis ${source} (vraisemblance ${score}) ; atteint par ${sources(n).fr}`,
    ),
  topChokePoints: L(
    'The actions that cut the most attack paths (details in ',
    'Les actions qui coupent le plus de chemins d’attaque (détail en ',
  ),
  closeColon: L('):', ') :'),
  chokeCuts: (n: number, t: number) =>
    L(
      `cuts ${paths(n).en}, in the minimum cut of ${jewels(t).en}`,
      `coupe ${paths(n).fr}, dans la coupe minimale de ${jewels(t).fr}`,
    ),
  summaryDecisions: (n: number, reopened: number) =>
    L(
      `${decisions(n).en} of the model ${agree(n, ['applies', 'apply'], ['', '']).en} to current findings${reopened === 0 ? '' : `; ${count(reopened).en} of them passed the review date`} (details in `,
      `${decisions(n).fr} du modèle ${agree(n, ['', ''], ['s’applique', 's’appliquent']).fr} à des constats actuels${reopened === 0 ? '' : ` ; ${agree(reopened, ['', ''], [`dont ${count(reopened).fr} a dépassé sa`, `dont ${count(reopened).fr} ont dépassé leur`]).fr} date de revue`} (détail en `,
    ),
  verdictDanger: L('Critical weaknesses are open', 'Des faiblesses critiques sont ouvertes'),
  verdictWarning: L('Serious weaknesses are open', 'Des faiblesses sérieuses sont ouvertes'),
  verdictSuccess: L('No serious weakness is open', 'Aucune faiblesse sérieuse n’est ouverte'),
  verdictCritical: (n: number) =>
    L(
      `${findings(n).en} of critical severity must be treated first.`,
      `${findings(n).fr} de gravité critique ${agree(n, ['', ''], ['doit être traité', 'doivent être traités']).fr} en priorité.`,
    ),
  verdictHigh: (n: number) =>
    L(
      `${findings(n).en} of high severity ${agree(n, ['calls', 'call'], ['', '']).en} for a treatment plan.`,
      `${findings(n).fr} de gravité élevée ${agree(n, ['', ''], ['appelle', 'appellent']).fr} un plan de traitement.`,
    ),
  verdictReopened: (n: number) =>
    L(
      `${decisions(n).en} passed the review date: ${agree(n, ['its finding is', 'their findings are'], ['', '']).en} open again.`,
      `${decisions(n).fr} ${agree(n, ['', ''], ['a dépassé sa date de revue : son constat est de nouveau ouvert', 'ont dépassé leur date de revue : leurs constats sont de nouveau ouverts']).fr}.`,
    ),
  verdictLikelyPath: (score: string) =>
    L(
      `The most likely attack path reaches a crown jewel with a likelihood of ${score}.`,
      `Le chemin d’attaque le plus vraisemblable atteint un bien critique avec une vraisemblance de ${score}.`,
    ),
  verdictClean: L(
    'No critical or high finding is open; keep the model up to date and review the medium ones.',
    'Aucun constat critique ou élevé n’est ouvert ; tenir le modèle à jour et examiner les constats moyens.',
  ),

  // Common words and column titles
  severity: L('Severity', 'Gravité'),
  open: L('Open', 'Ouverts'),
  decided: L('Decided', 'Décidés'),
  total: L('Total', 'Total'),
  finding: L('Finding', 'Constat'),
  heading: L('Title', 'Intitulé'),
  status: L('Status', 'Statut'),
  entities: L('Entities', 'Entités'),
  detail: L('Detail', 'Détail'),
  family: L('Family', 'Famille'),
  rule: L('Rule', 'Règle'),
  rulesWord: L('Rules', 'Règles'),
  likelihoodImpact: L('L × I', 'V × I'),
  asset: L('Asset', 'Actif'),
  name: L('Name', 'Nom'),
  kind: L('Kind', 'Type'),
  zone: L('Zone', 'Zone'),
  supports: L('Supports', 'Soutient'),
  identifier: L('Id', 'Identifiant'),
  count: L('Count', 'Nombre'),
  yes: L('yes', 'oui'),
  no: L('no', 'non'),
  closeParen: L(').', ').'),
  more: (n: number) => L(`and ${count(n).en} more`, `et ${count(n).fr} de plus`),
} as const;

export type LocalizedTexts = Readonly<
  Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>
>;

/** The texts of a table resolved for one language. */
export type Resolved<T> = {
  readonly [K in keyof T]: T[K] extends LocalizedText
    ? string
    : T[K] extends (...args: infer A) => LocalizedText
      ? (...args: A) => string
      : never;
};

/** Resolves a table of bilingual texts for one language. */
export function resolve<T extends LocalizedTexts>(table: T, locale: DocumentLocale): Resolved<T> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(table)) {
    result[key] =
      typeof value === 'function' ? (...args: never[]) => value(...args)[locale] : value[locale];
  }
  return result as Resolved<T>;
}

export {
  agree,
  assets,
  decisions,
  families,
  findings,
  flows,
  jewels,
  noun,
  paths,
  rules,
  sources,
  steps,
};
