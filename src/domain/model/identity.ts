import { z } from 'zod';
import { dateSchema, entityBase, refListSchema, refSchema } from './common.js';
import { AUTHENTICATIONS } from './protocol.js';

export const IDENTITY_KINDS = ['person', 'group', 'service-account', 'third-party'] as const;
export const ACCESS_LEVELS = ['admin', 'user', 'read'] as const;

export const identitySchema = z.strictObject({
  ...entityBase,
  kind: z.enum(IDENTITY_KINDS),
  email: z.email().optional(),
  title: z.string().max(200).optional(),
  department: z.string().max(200).optional(),
  company: z.string().max(200).optional().meta({ description: 'Employer of a third party.' }),
  count: z.int().min(1).optional().meta({ description: 'Number of people a group stands for.' }),
  privileged: z.boolean().optional(),
  mfa: z.boolean().optional(),
  shared: z.boolean().optional().meta({ description: 'Account used by several people.' }),
  memberOf: refListSchema.optional(),
  loginFrom: refListSchema.optional().meta({ description: 'Zones or assets it logs in from.' }),
  rights: z.array(z.strictObject({ on: refSchema, level: z.enum(ACCESS_LEVELS) })).optional(),
  remoteAccess: z
    .strictObject({
      via: refSchema,
      authentication: z.enum(AUTHENTICATIONS).optional(),
      permanent: z.boolean().optional(),
    })
    .optional(),
  joined: dateSchema.optional(),
  left: dateSchema.optional().meta({
    description:
      'Last day of the person (ISO date): the identity is active up to and including it, and has left from the day after.',
  }),
});
export type Identity = z.infer<typeof identitySchema>;
