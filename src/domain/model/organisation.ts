import { z } from 'zod';
import {
  countrySchema,
  dateSchema,
  durationSchema,
  idSchema,
  nameSchema,
  refListSchema,
  refSchema,
  textSchema,
} from './common.js';

export const GDPR_ROLES = ['controller', 'processor', 'joint-controller', 'none'] as const;
export const NIS2_ENTITY_TYPES = ['essential', 'important', 'none'] as const;
export const DMARC_POLICIES = ['none', 'quarantine', 'reject', 'unknown'] as const;

/** Families of sectors, which set the wording of feared events and impacts. */
export const SECTOR_FAMILIES = [
  'health',
  'public',
  'industry',
  'commerce',
  'services',
  'finance',
  'education',
  'other',
] as const;
export type SectorFamily = (typeof SECTOR_FAMILIES)[number];

export const regulatoryProfileSchema = z.strictObject({
  gdpr: z.enum(GDPR_ROLES).optional(),
  nis2: z.enum(NIS2_ENTITY_TYPES).optional(),
  oiv: z.boolean().optional().meta({ description: "Opérateur d'importance vitale (LPM)." }),
  ose: z.boolean().optional().meta({ description: 'Opérateur de services essentiels (NIS1).' }),
  hds: z.boolean().optional().meta({ description: 'Hosts health data (HDS certification).' }),
  cardPayments: z.boolean().optional().meta({ description: 'Takes card payments (PCI DSS).' }),
  dpo: refSchema.optional().meta({ description: 'Identity of the data protection officer.' }),
});

export const mailDomainSchema = z.strictObject({
  name: z.string().min(1).max(253),
  spf: z.boolean().optional(),
  dkim: z.boolean().optional(),
  dmarc: z.enum(DMARC_POLICIES).optional().meta({
    description:
      'Published DMARC policy: none, quarantine, reject, or unknown (not checked yet); leaving it out also means not known.',
  }),
});

/** Roles of the crisis organisation a disaster recovery plan names. */
export const CRISIS_ROLES = [
  'crisis-director',
  'it-lead',
  'communication',
  'dpo',
  'legal',
  'business-lead',
  'security-lead',
  'logistics',
] as const;

/** Kinds of external contacts a recovery needs. */
export const CONTACT_KINDS = [
  'supplier',
  'provider',
  'insurer',
  'cert',
  'authority',
  'contractor',
  'other',
] as const;

/** Kinds of continuity exercises. */
export const EXERCISE_KINDS = ['restore-test', 'tabletop', 'failover', 'full-scale'] as const;

export const recoveryTeamSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  members: refListSchema.optional().meta({ description: 'Identities in the team.' }),
  parallel: z.int().min(1).max(100).optional().meta({
    description: 'Recovery tasks the team can run at the same time (default 1).',
  }),
  skills: z.array(z.string().min(1).max(100)).optional(),
});

export const crisisRoleSchema = z.strictObject({
  role: z.enum(CRISIS_ROLES),
  identity: refSchema.meta({ description: 'Who holds the role.' }),
  deputy: refSchema.optional().meta({ description: 'Who stands in.' }),
});

export const externalContactSchema = z.strictObject({
  name: nameSchema,
  kind: z.enum(CONTACT_KINDS),
  phone: z.string().max(50).optional(),
  email: z.email().optional(),
  contract: z.string().max(200).optional().meta({ description: 'Contract or policy reference.' }),
  notes: z.string().max(2000).optional(),
});

export const exerciseSchema = z.strictObject({
  date: dateSchema,
  kind: z.enum(EXERCISE_KINDS),
  scenario: z.string().min(1).max(500),
  measured: z
    .array(
      z.strictObject({
        process: refSchema,
        time: durationSchema.meta({ description: 'Time actually taken to recover the process.' }),
      }),
    )
    .optional(),
  problems: z.array(z.string().min(1).max(1000)).optional(),
});

/** Kinds of disaster scenarios a continuity plan simulates (`<kind>:<target>`, `directory` alone). */
export const SCENARIO_KINDS = [
  'site-loss',
  'ransomware',
  'provider',
  'directory',
  'supplier',
  'link',
] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

export const savedScenarioSchema = z.strictObject({
  id: idSchema,
  name: nameSchema.optional(),
  scenario: z
    .string()
    .regex(
      /^(?:(?:site-loss|ransomware|provider|supplier|link):[A-Za-z0-9][A-Za-z0-9._:-]*|directory(?::[A-Za-z0-9][A-Za-z0-9._:-]*)?)$/,
      'site-loss:<site>, ransomware:<asset>, provider:<asset>, supplier:<asset or contact>, link:<site> or directory',
    )
    .meta({
      description:
        'The scenario: site-loss:<site>, ransomware:<asset>, provider:<asset>, supplier:<id>, link:<site> or directory.',
    }),
  teams: z.int().min(1).max(100).optional().meta({
    description: 'Recovery tasks run in parallel for this scenario (default: the declared teams).',
  }),
  description: z.string().max(2000).optional(),
});
export type SavedScenario = z.infer<typeof savedScenarioSchema>;

export const continuitySchema = z.strictObject({
  teams: z.array(recoveryTeamSchema).optional().meta({
    description: 'Recovery teams: who recovers, how many tasks in parallel, with which skills.',
  }),
  crisisRoles: z.array(crisisRoleSchema).optional(),
  contacts: z.array(externalContactSchema).optional().meta({
    description: 'Suppliers, providers, insurer, CERT, authorities to call during a recovery.',
  }),
  exercises: z.array(exerciseSchema).optional().meta({
    description:
      'Continuity exercises held: restore tests, tabletops, failovers, with measured times.',
  }),
  scenarios: z.array(savedScenarioSchema).optional().meta({
    description:
      "Disaster scenarios kept with the model and re-run after every change (a change that breaks a scenario's RTO shows).",
  }),
});
export type Continuity = z.infer<typeof continuitySchema>;

export const organisationSchema = z.strictObject({
  id: idSchema.optional(),
  name: nameSchema,
  legalName: nameSchema.optional(),
  description: textSchema.optional(),
  sector: z.string().max(200).optional(),
  sectorFamily: z.enum(SECTOR_FAMILIES).optional().meta({
    description:
      'health, public, industry, commerce, services, finance, education or other: sets the wording of feared events and impacts (inferred from `sector` when left out).',
  }),
  employees: z.int().min(0).optional(),
  country: countrySchema.optional(),
  locale: z.enum(['fr', 'en']).optional().meta({
    description: 'Default language of the documents and messages made from this model.',
  }),
  regulatory: regulatoryProfileSchema.optional(),
  continuity: continuitySchema.optional().meta({
    description: 'Disaster recovery organisation: teams, crisis roles, contacts, exercises.',
  }),
  securityReferent: refSchema.optional(),
  domains: z.array(mailDomainSchema).optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;
