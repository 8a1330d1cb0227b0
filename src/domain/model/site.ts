import { z } from 'zod';
import { countrySchema, entityBase } from './common.js';

export const SITE_KINDS = [
  'head-office',
  'plant',
  'branch',
  'datacenter',
  'warehouse',
  'remote',
  'other',
] as const;

export const siteSchema = z.strictObject({
  ...entityBase,
  kind: z.enum(SITE_KINDS).optional(),
  address: z.string().max(500).optional(),
  city: z.string().max(200).optional(),
  country: countrySchema.optional(),
  power: z
    .strictObject({ ups: z.boolean().optional(), generator: z.boolean().optional() })
    .optional(),
  network: z
    .strictObject({
      redundant: z.boolean().optional(),
      providers: z.array(z.string().max(200)).optional(),
    })
    .optional(),
});
export type Site = z.infer<typeof siteSchema>;
