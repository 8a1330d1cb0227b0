import { z } from 'zod';
import { countrySchema, idSchema, nameSchema, refSchema, textSchema } from './common.js';

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
  securityReferent: refSchema.optional(),
  domains: z.array(mailDomainSchema).optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;
