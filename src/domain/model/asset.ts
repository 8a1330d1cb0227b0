import { z } from 'zod';
import {
  countrySchema,
  dateSchema,
  durationSchema,
  entityBase,
  ipAddressSchema,
  portSchema,
  refListSchema,
  refSchema,
} from './common.js';
import { AUTHENTICATIONS, ENCRYPTIONS, protocolSchema, TRANSPORTS } from './protocol.js';

export const IT_ASSET_KINDS = [
  'server',
  'virtual-machine',
  'hypervisor',
  'workstation',
  'laptop',
  'admin-workstation',
  'mobile',
  'printer',
  'firewall',
  'router',
  'switch',
  'vpn-gateway',
  'wifi-ap',
  'wifi-controller',
  'proxy',
  'reverse-proxy',
  'load-balancer',
  'ids',
  'siem',
  'log-collector',
  'directory',
  'application',
  'web-application',
  'service',
  'database',
  'file-server',
  'mail-server',
  'storage',
  'backup-server',
  'saas',
  'cloud-service',
  'iot',
  'camera',
  'medical-device',
  'imaging-modality',
  'payment-terminal',
  'other',
] as const;

/** Operational technology (industrial) asset kinds. */
export const OT_ASSET_KINDS = [
  'plc',
  'hmi',
  'scada',
  'historian',
  'engineering-workstation',
  'rtu',
  'ot-gateway',
  'safety-system',
] as const;

export const ASSET_KINDS = [...IT_ASSET_KINDS, ...OT_ASSET_KINDS] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const softwareSchema = z.strictObject({
  name: z.string().min(1).max(200),
  version: z.string().max(100).optional(),
  supportEnd: dateSchema.optional().meta({ description: 'End of vendor support (ISO date).' }),
});

export const serviceSchema = z.strictObject({
  port: portSchema,
  transport: z.enum(TRANSPORTS).optional(),
  protocol: protocolSchema.optional(),
  product: z.string().max(200).optional(),
  version: z.string().max(100).optional(),
  encryption: z.enum(ENCRYPTIONS).optional(),
  signing: z.boolean().optional().meta({
    description: 'Message signing is required (SMB signing, LDAP signing, OPC UA Sign).',
  }),
  authentication: z.enum(AUTHENTICATIONS).optional(),
  vulnerabilities: z.array(z.string().max(40)).optional().meta({
    description: 'Known vulnerabilities of this service (CVE ids).',
  }),
});

/** Protocols an administration interface speaks (flows use `REMOTE_ADMIN_PROTOCOLS`). */
export const ADMIN_INTERFACE_PROTOCOLS = [
  'ssh',
  'rdp',
  'https',
  'http',
  'telnet',
  'vnc',
  'winrm',
  'snmp',
  'serial',
  'vendor',
  'other',
] as const;

export const adminInterfaceSchema = z.strictObject({
  protocol: z.enum(ADMIN_INTERFACE_PROTOCOLS),
  port: portSchema.optional(),
  from: refListSchema.optional().meta({ description: 'Zones or assets it is reachable from.' }),
  mfa: z.boolean().optional(),
});

export const REDUNDANCY_MODES = [
  'none',
  'cold-standby',
  'active-passive',
  'active-active',
  'cluster',
] as const;

export const LOG_SOURCE_KINDS = [
  'windows-security',
  'windows-system',
  'sysmon',
  'powershell',
  'syslog',
  'auditd',
  'web-access',
  'firewall',
  'vpn',
  'proxy',
  'dns',
  'dhcp',
  'antivirus',
  'edr',
  'database',
  'application',
  'ot',
  'cloud',
  'other',
] as const;

/** Certifications and attestations a provider holds for the service or hosting it provides. */
export const ATTESTATION_KINDS = [
  'hds',
  'iso27001',
  'iso27017',
  'iso27018',
  'secnumcloud',
  'soc2-type1',
  'soc2-type2',
  'pci-dss',
  'c5',
  'other',
] as const;
export type AttestationKind = (typeof ATTESTATION_KINDS)[number];

export const attestationSchema = z.strictObject({
  kind: z.enum(ATTESTATION_KINDS).meta({
    description:
      'hds (French health data hosting), iso27001, iso27017, iso27018, secnumcloud (ANSSI), soc2-type1, soc2-type2, pci-dss, c5 (BSI), other.',
  }),
  validUntil: dateSchema.optional().meta({ description: 'End of validity of the certificate.' }),
  scope: z.string().max(500).optional().meta({ description: 'What the certificate covers.' }),
  reference: z.string().max(200).optional().meta({ description: 'Certificate number or URL.' }),
});
export type Attestation = z.infer<typeof attestationSchema>;

/** Remote-support tools a vendor reaches a device through, from a session the device opens. */
export const REMOTE_SUPPORT_TOOLS = [
  'teamviewer',
  'anydesk',
  'splashtop',
  'rustdesk',
  'screenconnect',
  'vendor-cloud',
  'other',
] as const;

/** How a remote-support session is controlled on the organisation's side. */
export const SESSION_CONTROLS = [
  'none',
  'approval',
  'recording',
  'approval-and-recording',
] as const;

export const remoteSupportSchema = z.strictObject({
  tool: z.enum(REMOTE_SUPPORT_TOOLS),
  by: refSchema.optional().meta({ description: 'Identity (often a third party) who connects.' }),
  broker: refSchema.optional().meta({
    description: "Asset standing for the tool's cloud broker or the vendor's portal.",
  }),
  unattended: z.boolean().optional().meta({
    description: 'Sessions start without anyone on site accepting them.',
  }),
  mfa: z.boolean().optional(),
  sessionControl: z.enum(SESSION_CONTROLS).optional(),
});
export type RemoteSupport = z.infer<typeof remoteSupportSchema>;

/** How an asset comes back after a disaster. */
export const RECOVERY_METHODS = ['restore', 'rebuild', 'failover', 'supplier'] as const;
export type RecoveryMethod = (typeof RECOVERY_METHODS)[number];

export const assetSchema = z.strictObject({
  ...entityBase,
  kind: z.enum(ASSET_KINDS),
  zone: refSchema.optional(),
  site: refSchema.optional(),
  hostname: z.string().max(253).optional(),
  addresses: z.array(ipAddressSchema).optional(),
  hostedOn: refSchema.optional().meta({ description: 'Asset this one runs on (VM host, server).' }),
  os: softwareSchema.optional(),
  software: z.array(softwareSchema).optional(),
  services: z.array(serviceSchema).optional(),
  owner: refSchema.optional(),
  count: z.int().min(1).optional().meta({
    description: 'For a fleet described once (e.g. 180 office workstations).',
  }),
  provider: z.string().max(200).optional(),
  dataLocation: countrySchema.optional().meta({ description: 'Country where a SaaS keeps data.' }),
  attestations: z.array(attestationSchema).optional().meta({
    description:
      'Certifications of the provider for this service or its hosting (HDS, ISO 27001, SecNumCloud, SOC 2…).',
  }),
  remoteSupport: z.array(remoteSupportSchema).optional().meta({
    description:
      'Remote access a vendor gets through a broker tool the device connects out to (TeamViewer, AnyDesk, vendor cloud).',
  }),
  recovery: z
    .strictObject({
      method: z.enum(RECOVERY_METHODS).optional(),
      duration: durationSchema.optional().meta({
        description: 'Time to restore, rebuild, fail over or get the asset back from its supplier.',
      }),
      procedure: z.string().max(500).optional().meta({
        description: 'Where the documented recovery procedure is (title, reference or URL).',
      }),
      team: refSchema
        .optional()
        .meta({ description: 'Recovery team (organisation.continuity.teams).' }),
      spare: z.boolean().optional().meta({
        description:
          'Spare hardware (or a standby replacement) is on hand: the asset can be rebuilt on it without waiting for a delivery.',
      }),
      exitPlan: z.string().max(500).optional().meta({
        description:
          'For a cloud or SaaS service: where the documented exit (reversibility) plan is — how the data and the service are taken back or moved if the provider is lost.',
      }),
    })
    .optional()
    .meta({ description: 'How the asset is recovered after a disaster, and how long it takes.' }),
  repairTime: durationSchema.optional().meta({
    description: 'Time to repair or replace the hardware (spare part, maintenance contract).',
  }),
  redundancy: z
    .strictObject({ mode: z.enum(REDUNDANCY_MODES), with: refListSchema.optional() })
    .optional(),
  adminInterfaces: z.array(adminInterfaceSchema).optional(),
  authentication: z
    .strictObject({
      method: z.enum(['password', 'directory', 'sso', 'certificate', 'key', 'none']).optional(),
      mfa: z.boolean().optional(),
    })
    .optional(),
  edr: z.boolean().optional(),
  antivirus: z.boolean().optional(),
  encryptedStorage: z.boolean().optional(),
  logging: z
    .strictObject({
      sources: z.array(z.enum(LOG_SOURCE_KINDS)).optional(),
      sendsTo: refSchema.optional(),
      retention: durationSchema.optional(),
    })
    .optional(),
  wifi: z
    .strictObject({
      ssid: z.string().max(32).optional(),
      security: z.enum([
        'open',
        'wep',
        'wpa2-psk',
        'wpa2-enterprise',
        'wpa3-sae',
        'wpa3-enterprise',
      ]),
      isolated: z.boolean().optional(),
    })
    .optional(),
});
export type Asset = z.infer<typeof assetSchema>;
export type Service = z.infer<typeof serviceSchema>;
