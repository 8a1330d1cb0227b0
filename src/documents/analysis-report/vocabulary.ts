/**
 * Names the report gives to the analyses' codes (rule families, threat source kinds, choke point
 * kinds, regulation qualifiers) and the way it cites references (ANSSI guides, ISO 27002, CWE,
 * MITRE ATT&CK), in both languages. Severity and status labels come from the analysis output
 * (design/output/findings-text.ts) and are not repeated here.
 */
import type { ChokePoint } from '../../design/attack/analyze-paths.js';
import type { SourceKind } from '../../design/attack/sources.js';
import { hygieneMeasure } from '../../design/cp1/data/anssi-hygiene.js';
import type { RuleFamily, RuleReferences } from '../../design/rule.js';
import { text, type LocalizedText } from '../../design/text.js';
import type { Decision, NeedCriterion } from '../../domain/model/index.js';
import { code, link, type Inline, type DocumentLocale } from '../model.js';

const L = text;

export const FAMILY_LABELS: Readonly<Record<RuleFamily, LocalizedText>> = {
  'internet-exposure': L('Internet exposure and DMZ', 'Exposition à Internet et DMZ'),
  segmentation: L('Segmentation', 'Cloisonnement'),
  'flows-encryption': L('Flows and encryption', 'Flux et chiffrement'),
  administration: L('Administration', 'Administration'),
  identities: L('Identities and MFA', 'Identités et MFA'),
  obsolescence: L('Obsolescence', 'Obsolescence'),
  logging: L('Logging', 'Journalisation'),
  'backups-resilience': L('Backups and resilience', 'Sauvegardes et résilience'),
  'it-ot': L('IT/OT separation', 'Séparation IT/OT'),
  'third-party': L('Third-party access', 'Accès des tiers'),
  mail: L('Mail (SPF, DKIM, DMARC)', 'Messagerie (SPF, DKIM, DMARC)'),
  wifi: L('Wi-Fi', 'Wi-Fi'),
  cloud: L('Cloud, SaaS and data location', 'Cloud, SaaS et localisation des données'),
  governance: L('Governance', 'Gouvernance'),
};

export const familyLabel = (family: RuleFamily, locale: DocumentLocale): string =>
  FAMILY_LABELS[family][locale];

export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, LocalizedText>> = {
  internet: L('The Internet', 'Internet'),
  phishing: L('Workstation compromised by phishing', 'Poste compromis par hameçonnage'),
  'guest-wifi': L('Guest Wi-Fi client', 'Client du Wi-Fi invités'),
  'third-party': L('Compromised third party', 'Tiers compromis'),
  insider: L('Malicious insider', 'Initié malveillant'),
};

export const CHOKE_KIND_LABELS: Readonly<Record<ChokePoint['kind'], LocalizedText>> = {
  flow: L('flow', 'flux'),
  'admin-interface': L('administration interface', 'interface d’administration'),
  login: L('login location', 'lieu de connexion'),
  identity: L('account', 'compte'),
  right: L('access right', 'droit d’accès'),
  'remote-access': L('remote access', 'accès distant'),
  'remote-support': L('remote-support tool', 'outil de télémaintenance'),
};

/** Decision statuses, with the words the analysis output uses for the findings they cover. */
export const DECISION_STATUS_LABELS: Readonly<Record<Decision['status'], LocalizedText>> = {
  accepted: L('accepted', 'accepté'),
  mitigated: L('mitigated', 'réduit'),
  'false-positive': L('false positive', 'faux positif'),
};

/** One-letter names of the DICP criteria in each language (A for availability in English). */
export const NEED_LETTERS: Readonly<Record<NeedCriterion, LocalizedText>> = {
  availability: L('A', 'D'),
  integrity: L('I', 'I'),
  confidentiality: L('C', 'C'),
  proof: L('P', 'P'),
};

const QUALIFIERS: Readonly<Record<string, LocalizedText>> = {
  controller: L('controller', 'responsable de traitement'),
  processor: L('processor', 'sous-traitant'),
  'joint-controller': L('joint controller', 'responsable conjoint'),
  essential: L('essential entity', 'entité essentielle'),
  important: L('important entity', 'entité importante'),
  'to-confirm': L('to confirm', 'à confirmer'),
};

/** A regulation qualifier (GDPR role, NIS2 entity type) for readers; unknown ones as written. */
export const qualifierLabel = (qualifier: string | undefined, locale: DocumentLocale): string =>
  qualifier === undefined ? '' : (QUALIFIERS[qualifier]?.[locale] ?? qualifier);

/** A likelihood between 0 and 1 as a percentage: `85.0%` / `85,0 %`. */
export function percent(value: number, locale: DocumentLocale): string {
  const fixed = (value * 100).toFixed(1);
  return locale === 'fr' ? `${fixed.replace('.', ',')} %` : `${fixed}%`;
}

interface Guide {
  readonly name: LocalizedText;
  readonly href: string;
  /** How one recommendation is cited: `measure 19` / `R9`. */
  readonly item: (id: string, locale: DocumentLocale) => string;
}

/** The ANSSI guides rules cite as `guide:id`, with where they are published. */
const GUIDES: Readonly<Record<string, Guide>> = {
  hygiene: {
    name: L('ANSSI hygiene guide', 'Guide d’hygiène informatique de l’ANSSI'),
    href: 'https://cyber.gouv.fr/publications/guide-dhygiene-informatique',
    item: (id, locale) => {
      const measure = hygieneMeasure(Number(id));
      const word = locale === 'fr' ? 'mesure' : 'measure';
      if (measure === undefined) return `${word} ${id}`;
      const title = measure.title[locale];
      return locale === 'fr' ? `${word} ${id} « ${title} »` : `${word} ${id} “${title}”`;
    },
  },
  admin: {
    name: L('ANSSI secure administration guide', 'Guide de l’ANSSI sur l’administration sécurisée'),
    href: 'https://cyber.gouv.fr/publications/recommandations-relatives-ladministration-securisee-des-si',
    item: (id) => id,
  },
  interco: {
    name: L(
      'ANSSI guide on Internet interconnection',
      'Guide de l’ANSSI sur l’interconnexion à Internet',
    ),
    href: 'https://cyber.gouv.fr/sites/default/files/2020/06/anssi-guide-passerelle_internet_securisee-v3.pdf',
    item: (id) => id,
  },
  logging: {
    name: L('ANSSI logging guide', 'Guide de l’ANSSI sur la journalisation'),
    href: 'https://cyber.gouv.fr/sites/default/files/2022/01/anssi-guide-recommandations_securite_architecture_systeme_journalisation.pdf',
    item: (id) => id,
  },
};

/** The web page of a CWE or ATT&CK id, when it has a known form. */
export function referenceHref(id: string): string | undefined {
  const cwe = /^CWE-(\d+)$/.exec(id);
  if (cwe !== null) return `https://cwe.mitre.org/data/definitions/${cwe[1] ?? ''}.html`;
  const technique = /^T(\d{4})(?:\.(\d{3}))?$/.exec(id);
  if (technique !== null)
    return `https://attack.mitre.org/techniques/T${technique[1] ?? ''}/${technique[2] === undefined ? '' : `${technique[2]}/`}`;
  const mitigation = /^M(\d{4})$/.exec(id);
  if (mitigation !== null) return `https://attack.mitre.org/mitigations/M${mitigation[1] ?? ''}/`;
  return undefined;
}

/** A CWE or ATT&CK id as a link when its page is known, else as code. */
export function referenceLink(id: string): Inline {
  const href = referenceHref(id);
  return href === undefined ? code(id) : link(id, href);
}

const joinInlines = (parts: readonly Inline[][], separator: string): Inline[] =>
  parts.flatMap((part, i) => (i === 0 ? part : [separator, ...part]));

/**
 * A rule's references as inlines: each ANSSI guide linked with its recommendations, then
 * ISO 27002 controls, CWE and ATT&CK ids linked to their pages.
 */
export function referenceInlines(references: RuleReferences, locale: DocumentLocale): Inline[] {
  const colon = locale === 'fr' ? ' : ' : ': ';
  const groups: Inline[][] = [];
  const byGuide = new Map<string, string[]>();
  for (const reference of references.anssi) {
    const [guide = '', id = ''] = reference.split(':');
    byGuide.set(guide, [...(byGuide.get(guide) ?? []), id]);
  }
  for (const [key, ids] of byGuide) {
    const guide = GUIDES[key];
    if (guide === undefined) groups.push([`ANSSI ${key}${colon}${ids.join(', ')}`]);
    else
      groups.push([
        link(guide.name[locale], guide.href),
        `${colon}${ids.map((id) => guide.item(id, locale)).join(', ')}`,
      ]);
  }
  if (references.iso27002 !== undefined && references.iso27002.length > 0)
    groups.push([`ISO/IEC 27002${colon}${references.iso27002.join(', ')}`]);
  const cwe = references.cwe ?? [];
  if (cwe.length > 0) groups.push(joinInlines([...cwe.map((id) => [referenceLink(id)])], ', '));
  const attack = references.attack ?? [];
  if (attack.length > 0)
    groups.push([
      `MITRE ATT&CK${colon}`,
      ...joinInlines(
        attack.map((id) => [referenceLink(id)]),
        ', ',
      ),
    ]);
  return joinInlines(groups, locale === 'fr' ? ' ; ' : '; ');
}

/** References in a short plain form for tables: `ANSSI hygiene:19, ISO 8.8, CWE-1104`. */
export function referenceCodes(references: RuleReferences): string {
  return [
    ...references.anssi.map((r) => `ANSSI ${r}`),
    ...(references.iso27002 ?? []).map((r) => `ISO ${r}`),
    ...(references.cwe ?? []),
    ...(references.attack ?? []),
  ].join(', ');
}
