import { z } from 'zod';
import { entityBase, portSchema, refListSchema, refSchema } from './common.js';
import { AUTHENTICATIONS, ENCRYPTIONS, protocolSchema, TRANSPORTS } from './protocol.js';

export const flowSchema = z.strictObject({
  ...entityBase,
  from: refSchema.meta({ description: 'Source asset or zone (the initiator).' }),
  to: refSchema.meta({ description: 'Destination asset or zone.' }),
  protocol: protocolSchema,
  transport: z.enum(TRANSPORTS).optional(),
  port: portSchema.optional(),
  encryption: z.enum(ENCRYPTIONS).optional(),
  authentication: z.enum(AUTHENTICATIONS).optional(),
  data: refListSchema.optional().meta({ description: 'Data sets carried by the flow.' }),
  via: refListSchema.optional().meta({ description: 'Filtering devices or gateways crossed.' }),
  purpose: z.string().max(500).optional(),
  bidirectional: z.boolean().optional(),
});
export type Flow = z.infer<typeof flowSchema>;
