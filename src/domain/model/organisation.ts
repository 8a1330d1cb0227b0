import { z } from 'zod';
import { countrySchema, idSchema, nameSchema, refSchema, textSchema } from './common.js';

export const GDPR_ROLES = ['controller', 'processor', 'joint-controller', 'none'] as const;
export const NIS2_ENTITY_TYPES = ['essential', 'important', 'none'] as const;
export const DMARC_POLICIES = ['none', 'quarantine', 'reject'] as const;

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
  dmarc: z.enum(DMARC_POLICIES).optional(),
});

export const organisationSchema = z.strictObject({
  id: idSchema.optional(),
  name: nameSchema,
  legalName: nameSchema.optional(),
  description: textSchema.optional(),
  sector: z.string().max(200).optional(),
  employees: z.int().min(0).optional(),
  country: countrySchema.optional(),
  locale: z.enum(['fr', 'en']).optional(),
  regulatory: regulatoryProfileSchema.optional(),
  securityReferent: refSchema.optional(),
  domains: z.array(mailDomainSchema).optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;
