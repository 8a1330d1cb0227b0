import { z } from 'zod';
import {
  AUTHENTICATIONS,
  CLASSIFICATIONS,
  countrySchema,
  durationSchema,
  ENCRYPTIONS,
  idSchema,
  nameSchema,
  needsSchema,
  PERSONAL_DATA_CATEGORIES,
  protocolSchema,
  refListSchema,
  refSchema,
  textSchema,
} from '../../domain/model/index.js';

export const USER_ORIGINS = ['internal', 'internet', 'partner', 'remote-access'] as const;
export const HOSTING_KINDS = ['on-premises', 'cloud', 'saas'] as const;
export const DIRECTIONS = ['inbound', 'outbound', 'bidirectional'] as const;
export const ADMINISTRATORS = ['internal', 'provider', 'vendor', 'mixed'] as const;
export const AUTH_METHODS = ['password', 'directory', 'sso', 'certificate', 'key', 'none'] as const;

const authenticationSchema = z.strictObject({
  method: z.enum(AUTH_METHODS).optional(),
  mfa: z.boolean().optional(),
  provider: z.string().max(200).optional().meta({ description: 'Identity provider (SSO).' }),
});

const userSchema = z.strictObject({
  id: idSchema,
  who: nameSchema.meta({ description: 'Who they are (e.g. suppliers’ sales staff).' }),
  count: z.int().min(1).optional(),
  type: z.enum(['internal', 'external']),
  from: z.array(z.enum(USER_ORIGINS)).min(1).meta({ description: 'Where they connect from.' }),
  zones: refListSchema.optional().meta({ description: 'Zones of the model they connect from.' }),
  privileged: z.boolean().optional(),
  authentication: authenticationSchema.optional(),
});

const specDataSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  description: textSchema.optional(),
  ref: refSchema.optional().meta({ description: 'Data set of the model this data is.' }),
  classification: z.enum(CLASSIFICATIONS).optional(),
  personal: z
    .strictObject({
      categories: z.array(z.enum(PERSONAL_DATA_CATEGORIES)).min(1),
      subjects: z.int().min(0).optional(),
    })
    .optional(),
  records: z.int().min(0).optional().meta({ description: 'Volume (number of records).' }),
  retention: durationSchema.optional(),
  needs: needsSchema.optional(),
});

const hostingSchema = z.strictObject({
  kind: z.enum(HOSTING_KINDS),
  zone: refSchema.optional().meta({ description: 'Zone of the model (on-premises).' }),
  site: refSchema.optional(),
  provider: z.string().max(200).optional(),
  country: countrySchema.optional().meta({ description: 'Where the data is kept.' }),
  qualification: z.string().max(200).optional().meta({ description: 'e.g. SecNumCloud, HDS.' }),
});

const interconnectionSchema = z.strictObject({
  id: idSchema,
  with: refSchema.optional().meta({ description: 'Asset, zone or process of the model.' }),
  partner: z.string().max(200).optional().meta({ description: 'External system or partner.' }),
  direction: z.enum(DIRECTIONS),
  protocol: protocolSchema.optional(),
  port: z.int().min(0).max(65_535).optional(),
  encryption: z.enum(ENCRYPTIONS).optional(),
  authentication: z.enum(AUTHENTICATIONS).optional(),
  data: refListSchema.optional().meta({ description: 'Data of the spec or of the model.' }),
  purpose: z.string().max(500).optional(),
});

const availabilitySchema = z.strictObject({
  hours: z.enum(['24/7', 'business-hours', 'extended']).optional(),
  rto: durationSchema.optional(),
  rpo: durationSchema.optional(),
  mtpd: durationSchema.optional(),
});

const administrationSchema = z.strictObject({
  by: z.enum(ADMINISTRATORS),
  provider: z.string().max(200).optional(),
  from: refListSchema
    .optional()
    .meta({ description: 'Zones or assets administration comes from.' }),
  mfa: z.boolean().optional(),
  dedicatedAccounts: z.boolean().optional(),
});

/** A structured specification of a new project or change (`spec.yaml`). */
export const specSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: idSchema,
    title: nameSchema,
    purpose: textSchema,
    owner: refSchema.optional(),
    processes: refListSchema.optional().meta({ description: 'Processes of the model it serves.' }),
    users: z.array(userSchema).optional(),
    data: z.array(specDataSchema).optional(),
    hosting: hostingSchema.optional(),
    interconnections: z.array(interconnectionSchema).optional(),
    availability: availabilitySchema.optional(),
    administration: administrationSchema.optional(),
    authentication: authenticationSchema.optional(),
  })
  .meta({
    title: 'Vigie project specification',
    description:
      'A new project or change to analyse: purpose, users, data, hosting, interconnections, availability, administration and authentication.',
  });

export type Spec = z.infer<typeof specSchema>;
export type SpecUser = z.infer<typeof userSchema>;
export type SpecData = z.infer<typeof specDataSchema>;
export type SpecInterconnection = z.infer<typeof interconnectionSchema>;
