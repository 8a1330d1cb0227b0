/** The glossary and references appendices of the DAT. */
import { text, type LocalizedText } from '../../design/text.js';
import { bold, link, type Block, type Inline } from '../model.js';
import { list, section } from './common.js';
import type { DatContext } from './context.js';
import { tableOf } from './tables.js';
import { DAT_TEXTS } from './texts.js';

interface Term {
  readonly term: LocalizedText;
  readonly meaning: LocalizedText;
}

const term = (en: string, fr: string, meaningEn: string, meaningFr: string): Term => ({
  term: text(en, fr),
  meaning: text(meaningEn, meaningFr),
});

const GLOSSARY: readonly Term[] = [
  term(
    'ANSSI',
    'ANSSI',
    'Agence nationale de la sécurité des systèmes d’information, the French national cybersecurity agency, author of the hygiene, administration and logging guides.',
    'Agence nationale de la sécurité des systèmes d’information, autorité nationale en matière de cybersécurité, autrice des guides d’hygiène, d’administration et de journalisation.',
  ),
  term(
    'Attack path',
    'Chemin d’attaque',
    'A sequence of steps (flows, accounts, administration interfaces) by which a threat source could reach a valuable asset, with the probability that every step succeeds.',
    'Suite d’étapes (flux, comptes, interfaces d’administration) par laquelle une source de menace pourrait atteindre un actif de valeur, avec la probabilité que chaque étape réussisse.',
  ),
  term(
    'Bastion',
    'Bastion',
    'A hardened jump host through which every administration session goes, authenticated and recorded.',
    'Serveur de rebond durci par lequel passe toute session d’administration, authentifiée et tracée.',
  ),
  term(
    'Choke point',
    'Point de coupure',
    'An element (flow, account, access) whose removal or hardening cuts many attack paths at once.',
    'Élément (flux, compte, accès) dont la suppression ou le durcissement coupe d’un coup de nombreux chemins d’attaque.',
  ),
  term(
    'CIDR',
    'CIDR',
    'Notation of an IP network: address and prefix length (10.10.0.0/16).',
    'Notation d’un réseau IP : adresse et longueur de préfixe (10.10.0.0/16).',
  ),
  term(
    'DAT',
    'DAT',
    'Technical architecture dossier (dossier d’architecture technique): this document.',
    'Dossier d’architecture technique : le présent document.',
  ),
  term(
    'DICP',
    'DICP',
    'The four security criteria: availability (D, disponibilité), integrity (I), confidentiality (C) and proof or traceability (P, preuve), each rated from 1 (low) to 4 (critical).',
    'Les quatre critères de sécurité : disponibilité, intégrité, confidentialité et preuve (traçabilité), chacun noté de 1 (faible) à 4 (critique).',
  ),
  term(
    'DMZ',
    'DMZ',
    'Demilitarised zone: a network segment between the Internet and the internal network, hosting the exposed services.',
    'Zone démilitarisée : segment réseau entre Internet et le réseau interne, qui héberge les services exposés.',
  ),
  term(
    'EBIOS RM',
    'EBIOS RM',
    'EBIOS Risk Manager, the ANSSI risk-analysis method; workshop 1 frames business values, feared events and the security baseline.',
    'EBIOS Risk Manager, méthode d’analyse de risque de l’ANSSI ; l’atelier 1 cadre les valeurs métier, les évènements redoutés et le socle de sécurité.',
  ),
  term(
    'EDR',
    'EDR',
    'Endpoint detection and response: an agent that detects and blocks malicious activity on a host.',
    'Endpoint detection and response : agent qui détecte et bloque les activités malveillantes sur un poste ou un serveur.',
  ),
  term(
    'Finding',
    'Constat',
    'A weakness a rule finds in the model, with its severity (likelihood × impact), identified as rule@entity.',
    'Faiblesse qu’une règle relève dans le modèle, avec sa gravité (vraisemblance × impact), identifiée par règle@entité.',
  ),
  term(
    'GDPR',
    'RGPD',
    'General Data Protection Regulation (EU 2016/679).',
    'Règlement général sur la protection des données (UE 2016/679).',
  ),
  term(
    'IT / OT',
    'IT / OT',
    'Information technology / operational technology (industrial control systems: PLCs, HMIs, SCADA).',
    'Informatique de gestion / informatique industrielle (automates, pupitres, supervision SCADA).',
  ),
  term(
    'MBCO',
    'MBCO',
    'Minimum business continuity objective: the degraded level of service to keep during a disruption.',
    'Objectif minimal de continuité d’activité : le niveau de service dégradé à maintenir pendant une interruption.',
  ),
  term(
    'MFA',
    'MFA',
    'Multi-factor authentication: a second factor (one-time code, key, certificate) beyond the password.',
    'Authentification multifacteur : un second facteur (code à usage unique, clé, certificat) en plus du mot de passe.',
  ),
  term(
    'MTPD',
    'DMIA (MTPD)',
    'Maximum tolerable period of disruption, beyond which the damage is irreversible; the RTO must stay below it.',
    'Durée maximale d’interruption admissible, au-delà de laquelle les dommages sont irréversibles ; le RTO doit lui rester inférieur.',
  ),
  term(
    'NIS 2',
    'NIS 2',
    'EU directive 2022/2555 on a high common level of cybersecurity (essential and important entities).',
    'Directive européenne 2022/2555 concernant un niveau élevé commun de cybersécurité (entités essentielles et importantes).',
  ),
  term(
    'RPO',
    'RPO (PDMA)',
    'Recovery point objective: the maximum data loss accepted, in time; backups must be at least this frequent.',
    'Perte de données maximale admissible, en durée ; les sauvegardes doivent être au moins aussi fréquentes.',
  ),
  term(
    'RTO',
    'RTO (DMIA visée)',
    'Recovery time objective: the time within which a process must be running again.',
    'Durée maximale de rétablissement visée pour qu’un processus fonctionne à nouveau.',
  ),
  term(
    'SIEM',
    'SIEM',
    'Security information and event management: the central log collection and detection platform.',
    'Plateforme centrale de collecte des journaux et de détection des évènements de sécurité.',
  ),
  term(
    'VLAN',
    'VLAN',
    'Virtual LAN: a level-2 segment of a switched network.',
    'Réseau local virtuel : segment de niveau 2 d’un réseau commuté.',
  ),
  term(
    'VPN',
    'VPN',
    'Virtual private network: an encrypted tunnel for remote access or site-to-site links.',
    'Réseau privé virtuel : tunnel chiffré pour les accès distants ou les liaisons entre sites.',
  ),
];

interface Reference {
  readonly title: LocalizedText;
  readonly href: string;
}

const REFERENCES: readonly Reference[] = [
  {
    title: text(
      'ANSSI — IT hygiene guide (42 measures)',
      'ANSSI — Guide d’hygiène informatique (42 mesures)',
    ),
    href: 'https://cyber.gouv.fr/publications/guide-dhygiene-informatique',
  },
  {
    title: text(
      'ANSSI — Recommendations for the secure administration of information systems',
      'ANSSI — Recommandations relatives à l’administration sécurisée des systèmes d’information',
    ),
    href: 'https://cyber.gouv.fr/publications/recommandations-relatives-ladministration-securisee-des-si',
  },
  {
    title: text(
      'ANSSI — Security recommendations for a logging system',
      'ANSSI — Recommandations de sécurité pour la mise en œuvre d’un système de journalisation',
    ),
    href: 'https://cyber.gouv.fr/publications/recommandations-de-securite-pour-la-mise-en-oeuvre-dun-systeme-de-journalisation',
  },
  {
    title: text(
      'ANSSI — Secure Internet interconnection gateway architecture',
      'ANSSI — Définition d’une architecture de passerelle d’interconnexion sécurisée',
    ),
    href: 'https://cyber.gouv.fr/publications/definition-dune-architecture-de-passerelle-dinterconnexion-securisee',
  },
  {
    title: text('ANSSI — EBIOS Risk Manager method', 'ANSSI — Méthode EBIOS Risk Manager'),
    href: 'https://cyber.gouv.fr/la-methode-ebios-risk-manager',
  },
  {
    title: text(
      'ISO/IEC 27002:2022 — Information security controls',
      'ISO/IEC 27002:2022 — Mesures de sécurité de l’information',
    ),
    href: 'https://www.iso.org/standard/75652.html',
  },
  {
    title: text('Regulation (EU) 2016/679 (GDPR)', 'Règlement (UE) 2016/679 (RGPD)'),
    href: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  },
  {
    title: text('Directive (EU) 2022/2555 (NIS 2)', 'Directive (UE) 2022/2555 (NIS 2)'),
    href: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj',
  },
  { title: text('MITRE ATT&CK', 'MITRE ATT&CK'), href: 'https://attack.mitre.org/' },
];

export function glossaryAppendix(ctx: DatContext): Block {
  // accent-insensitive order, without the ICU collation (stable across Node versions)
  const key = (t: Term): string =>
    ctx.t(t.term).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const terms = [...GLOSSARY].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return section(
    'glossary',
    ctx.t(DAT_TEXTS.titleGlossary),
    [
      tableOf(
        ctx,
        {
          id: 'table-glossary',
          caption: DAT_TEXTS.captionGlossary,
          columns: [
            { title: 'colTerm', width: 1, cell: (t) => [bold(ctx.t(t.term))] },
            { title: 'colMeaning', width: 4, cell: (t) => [ctx.t(t.meaning)] },
          ],
        },
        terms,
      ),
    ],
    true,
  );
}

export function referencesAppendix(ctx: DatContext): Block {
  return section(
    'references',
    ctx.t(DAT_TEXTS.titleReferences),
    [list(REFERENCES.map((r): Inline[] => [link(ctx.t(r.title), r.href)]))],
    true,
  );
}
