import { z } from 'zod';
import { cidrSchema, entityBase, refSchema } from './common.js';

export const ZONE_KINDS = [
  'internet',
  'dmz',
  'user',
  'server',
  'admin',
  'ot',
  'partner',
  'guest-wifi',
  'wifi',
  'cloud',
  'remote-access',
  'biomedical',
  'iot',
  'other',
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export const TRUST_LEVELS = ['untrusted', 'low', 'medium', 'high'] as const;

export const zoneSchema = z.strictObject({
  ...entityBase,
  kind: z.enum(ZONE_KINDS),
  parent: refSchema.optional().meta({ description: 'Enclosing zone (zones nest).' }),
  site: refSchema.optional(),
  subnets: z.array(cidrSchema).optional(),
  vlans: z.array(z.int().min(1).max(4094)).optional(),
  trust: z.enum(TRUST_LEVELS).optional(),
});
export type Zone = z.infer<typeof zoneSchema>;
