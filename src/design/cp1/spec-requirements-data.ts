import { text } from '../text.js';
import { isAdequate } from '../../domain/geography.js';
import {
  trigger,
  personalData,
  isHosted,
  appliesTo,
  type RequirementTemplate,
} from './spec-requirement-types.js';

/** Requirements 10–20: personal data, hosting, partners, interconnections, maintenance, incidents. */
export const DATA_REQUIREMENTS: readonly RequirementTemplate[] = [
  {
    number: 10,
    text: text(
      'Record the processing in the GDPR register, collect only the data needed, enforce the retention periods and handle data-subject requests.',
      'Inscrire le traitement au registre RGPD, ne collecter que les données nécessaires, appliquer les durées de conservation et traiter les demandes des personnes.',
    ),
    rationale: text(
      'The project processes personal data.',
      'Le projet traite des données personnelles.',
    ),
    anssi: ['hygiene:4'],
    iso27002: ['5.34'],
    when: ({ spec }) => {
      const data = personalData(spec);
      return data.length === 0 ? undefined : trigger(data, 'personal data', 'données personnelles');
    },
  },
  {
    number: 11,
    text: text(
      'Carry out a data protection impact assessment (DPIA) before go-live.',
      'Réaliser une analyse d’impact relative à la protection des données (AIPD) avant la mise en service.',
    ),
    rationale: text(
      'The data meets at least one DPIA criterion of the EDPB guidelines.',
      'Les données remplissent au moins un critère d’AIPD des lignes directrices du CEPD.',
    ),
    anssi: ['hygiene:41'],
    iso27002: ['5.34'],
    when: (context) => {
      const dpia = context.regulations.find((r) => r.id === 'gdpr-dpia');
      if (dpia === undefined || dpia.applies === 'no') return undefined;
      const spec = new Set((context.spec.data ?? []).map((d) => d.id));
      const entities = dpia.reasons.flatMap((r) => r.entities).filter((id) => spec.has(id));
      return entities.length === 0
        ? undefined
        : trigger(
            entities,
            `DPIA ${dpia.applies}`,
            `AIPD ${dpia.applies === 'yes' ? 'requise' : 'probable'}`,
          );
    },
  },
  {
    number: 12,
    text: text(
      'Fix by contract where the data is kept (in the EEA, or transfers framed), the provider’s security commitments, incident notification, audit rights and reversibility; prefer a SecNumCloud-qualified offer for sensitive data.',
      'Fixer par contrat la localisation des données (dans l’EEE, ou transferts encadrés), les engagements de sécurité du prestataire, la notification des incidents, le droit d’audit et la réversibilité ; privilégier une offre qualifiée SecNumCloud pour les données sensibles.',
    ),
    rationale: text(
      'A hosted service moves the controls to a provider: they must be contractual.',
      'Un service hébergé confie les mesures à un prestataire : elles doivent être contractuelles.',
    ),
    anssi: ['hygiene:3', 'hygiene:42'],
    iso27002: ['5.20', '5.23'],
    when: ({ spec }) => {
      if (!isHosted(spec)) return undefined;
      const country = spec.hosting?.country;
      const outside = country !== undefined && !isAdequate(country);
      return trigger(
        [spec.id],
        `${spec.hosting?.kind ?? ''} hosting${outside ? ` in ${country}, outside the EEA` : ''}`,
        `hébergement ${spec.hosting?.kind ?? ''}${outside ? ` en ${country}, hors de l’EEE` : ''}`,
      );
    },
  },
  {
    number: 13,
    text: text(
      'Interconnect with partners through a dedicated, filtered link: only the flows needed, through a firewall, with mutual authentication.',
      'Interconnecter les partenaires par un lien dédié et filtré : seuls les flux nécessaires, au travers d’un pare-feu, avec authentification mutuelle.',
    ),
    rationale: text(
      'A partner’s compromise must not spread into the information system.',
      'La compromission d’un partenaire ne doit pas se propager au système d’information.',
    ),
    anssi: ['hygiene:25', 'interco:R6'],
    iso27002: ['5.20', '8.22'],
    when: ({ spec }) => {
      const links = (spec.interconnections ?? [])
        .filter((l) => l.partner !== undefined)
        .map((l) => l.id);
      return links.length === 0
        ? undefined
        : trigger(links, 'partner interconnections', 'interconnexions avec des partenaires');
    },
  },
  {
    number: 14,
    text: text(
      'Authenticate each interconnection with the information system with a dedicated service account (certificate or key), with least privilege on the target and no interactive use.',
      'Authentifier chaque interconnexion avec le SI par un compte de service dédié (certificat ou clé), avec le moindre privilège sur la cible et sans usage interactif.',
    ),
    rationale: text(
      'An exposed system that talks to internal applications is a pivot towards them.',
      'Un système exposé qui dialogue avec des applications internes est un pivot vers elles.',
    ),
    anssi: ['hygiene:8', 'interco:R7'],
    iso27002: ['8.5', '8.2'],
    when: ({ spec }) => {
      const links = (spec.interconnections ?? []).filter((l) => l.with !== undefined);
      return links.length === 0
        ? undefined
        : trigger(
            links.flatMap((l) => [l.id, l.with ?? '']).filter((id) => id !== ''),
            'interconnections with the information system',
            'interconnexions avec le SI',
          );
    },
  },
  {
    number: 15,
    text: text(
      'Place the system in its own zone, apart from user zones, with filtering towards the systems it talks to.',
      'Placer le système dans sa propre zone, séparée des zones utilisateurs, avec un filtrage vers les systèmes avec lesquels il dialogue.',
    ),
    rationale: text(
      'Segmentation limits how far an attacker can move.',
      'Le cloisonnement limite la progression d’un attaquant.',
    ),
    anssi: ['hygiene:19'],
    iso27002: ['8.22'],
    when: ({ spec }) =>
      spec.hosting?.kind === 'on-premises'
        ? trigger(
            [spec.id, ...(spec.hosting.zone === undefined ? [] : [spec.hosting.zone])],
            'hosted on premises',
            'hébergé sur site',
          )
        : undefined,
  },
  {
    number: 16,
    text: text(
      'Apply security updates within a defined time and track the end of support of every component.',
      'Appliquer les correctifs de sécurité dans un délai défini et suivre la fin de support de chaque composant.',
    ),
    rationale: text(
      'Known vulnerabilities are the most exploited.',
      'Les vulnérabilités connues sont les plus exploitées.',
    ),
    anssi: ['hygiene:34', 'hygiene:35'],
    iso27002: ['8.8'],
    when: ({ spec }) =>
      trigger([spec.id], 'every system is maintained', 'tout système est maintenu'),
  },
  {
    number: 17,
    text: text(
      'Have the application penetration-tested before go-live and after major changes; fix the findings before opening.',
      'Faire réaliser un test d’intrusion de l’application avant la mise en service et après chaque évolution majeure ; corriger avant l’ouverture.',
    ),
    rationale: text(
      'Exposed or sensitive applications are checked by an attacker anyway.',
      'Une application exposée ou sensible sera de toute façon testée par un attaquant.',
    ),
    anssi: ['hygiene:38'],
    iso27002: ['8.29'],
    when: ({ spec, needs }) => {
      const internet = (spec.users ?? []).some((u) => u.from.includes('internet'));
      return internet || needs.confidentiality.level >= 3
        ? trigger(
            [spec.id],
            internet ? 'exposed to the Internet' : 'sensitive data',
            internet ? 'exposé sur Internet' : 'données sensibles',
          )
        : undefined;
    },
  },
  {
    number: 18,
    text: text(
      'Create and remove external accounts through a managed process (sponsor, expiry date) and review them at least once a year.',
      'Créer et supprimer les comptes externes par un processus maîtrisé (parrain, date d’expiration) et les revoir au moins une fois par an.',
    ),
    rationale: text(
      'External accounts outlive the relationship unless someone removes them.',
      'Les comptes externes survivent à la relation si personne ne les supprime.',
    ),
    anssi: ['hygiene:6'],
    iso27002: ['5.16', '5.18'],
    when: ({ spec }) => {
      const users = (spec.users ?? []).filter((u) => u.type === 'external').map((u) => u.id);
      return users.length === 0
        ? undefined
        : trigger(users, 'external users', 'utilisateurs externes');
    },
  },
  {
    number: 19,
    text: text(
      'Include the system in the incident procedure with the legal notification deadlines (GDPR: 72 h; NIS 2: 24 h early warning, 72 h notification, final report within one month).',
      'Intégrer le système à la procédure de gestion des incidents avec les délais légaux de notification (RGPD : 72 h ; NIS 2 : alerte précoce sous 24 h, notification sous 72 h, rapport final sous un mois).',
    ),
    rationale: text(
      'Notification deadlines run from detection.',
      'Les délais de notification courent dès la détection.',
    ),
    anssi: ['hygiene:40'],
    iso27002: ['5.24', '5.26'],
    when: (context) => {
      const ids = context.regulations
        .filter((r) => (r.id === 'gdpr' || r.id === 'nis2') && r.applies !== 'no')
        .map((r) => r.id);
      return ids.length === 0
        ? undefined
        : trigger(
            [context.spec.id],
            `applicable: ${ids.join(', ')}`,
            `applicable : ${ids.join(', ')}`,
          );
    },
  },
  {
    number: 20,
    text: text(
      'Host health data only with an HDS-certified host, in the EEA.',
      'N’héberger les données de santé que chez un hébergeur certifié HDS, dans l’EEE.',
    ),
    rationale: text(
      'Health data hosted by a third party (CSP art. L.1111-8).',
      'Données de santé hébergées par un tiers (CSP art. L.1111-8).',
    ),
    anssi: ['hygiene:42'],
    iso27002: ['5.31'],
    when: (context) => {
      const health = (context.spec.data ?? []).filter(
        (d) => d.personal?.categories.includes('health') === true,
      );
      return health.length > 0 && isHosted(context.spec) && appliesTo(context, 'hds')
        ? trigger(
            health.map((d) => d.id),
            'health data hosted by a provider',
            'données de santé hébergées par un prestataire',
          )
        : undefined;
    },
  },
];
