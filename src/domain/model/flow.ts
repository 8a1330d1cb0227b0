import { z } from 'zod';
import {
  cidrSchema,
  entityBase,
  ipAddressSchema,
  portSchema,
  refListSchema,
  refSchema,
} from './common.js';
import { AUTHENTICATIONS, ENCRYPTIONS, protocolSchema, TRANSPORTS } from './protocol.js';

/** Address translation a flow goes through. */
export const NAT_TYPES = ['port-forward', 'static', 'source'] as const;

export const flowSchema = z.strictObject({
  ...entityBase,
  from: refSchema.meta({ description: 'Source asset or zone (the initiator).' }),
  to: refSchema.meta({ description: 'Destination asset or zone.' }),
  protocol: protocolSchema,
  transport: z.enum(TRANSPORTS).optional(),
  port: portSchema.optional(),
  encryption: z.enum(ENCRYPTIONS).optional().meta({
    description:
      "Encryption of the flow; `native` is the protocol's own (SMB 3 encryption, LDAP sealing, OPC UA SignAndEncrypt, DICOM or HL7 over TLS count as tls).",
  }),
  signing: z.boolean().optional().meta({
    description: 'Message signing is required (SMB signing, LDAP signing, OPC UA Sign).',
  }),
  authentication: z.enum(AUTHENTICATIONS).optional(),
  data: refListSchema.optional().meta({ description: 'Data sets carried by the flow.' }),
  via: refListSchema.optional().meta({ description: 'Filtering devices or gateways crossed.' }),
  purpose: z.string().max(500).optional(),
  allowedSources: z
    .array(z.union([cidrSchema, ipAddressSchema]))
    .min(1)
    .optional()
    .meta({
      description:
        "Source addresses or networks the filtering devices accept for this flow (e.g. a partner's address).",
    }),
  nat: z
    .strictObject({
      type: z.enum(NAT_TYPES),
      external: ipAddressSchema.optional().meta({ description: 'Public or translated address.' }),
      externalPort: portSchema.optional(),
    })
    .optional()
    .meta({
      description:
        'Address translation on the way: a port forward publishes the destination on the external address.',
    }),
  bidirectional: z.boolean().optional(),
});
export type Flow = z.infer<typeof flowSchema>;
