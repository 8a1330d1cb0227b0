/**
 * Classifications of the model's kinds, defined once for every engine that reads the model
 * (rules, CP1 evidence, attack paths, documents, the platform). Each name says what its members
 * have in common; a list that means something more is composed from these bases.
 */
import type { AssetKind } from './asset.js';
import { PROTOCOL_REGISTRY, PROTOCOLS, protocolsOfFamily, type Protocol } from './protocol.js';
import type { ZoneKind } from './zone.js';

// Asset kinds

/** Asset kinds that provide services to others: they belong in a server zone. */
export const SERVER_KINDS: readonly AssetKind[] = [
  // hosts
  'server',
  'virtual-machine',
  'hypervisor',
  // infrastructure services
  'directory',
  'siem',
  'log-collector',
  'backup-server',
  'storage',
  // data and mail
  'database',
  'file-server',
  'mail-server',
  // applications
  'application',
  'web-application',
  'service',
];

/** Office computers people read mail and browse on: what phishing compromises. */
export const OFFICE_WORKSTATION_KINDS: readonly AssetKind[] = ['workstation', 'laptop'];

/** Everyday end-user devices (not dedicated administration workstations). */
export const USER_DEVICE_KINDS: readonly AssetKind[] = [...OFFICE_WORKSTATION_KINDS, 'mobile'];

/** Workstations of the IT side, administration workstations included (not engineering ones). */
export const IT_WORKSTATION_KINDS: readonly AssetKind[] = [
  ...OFFICE_WORKSTATION_KINDS,
  'admin-workstation',
];

/** Workstations: the computers people sit at, IT and OT engineering alike. */
export const WORKSTATION_KINDS: readonly AssetKind[] = [
  ...IT_WORKSTATION_KINDS,
  'engineering-workstation',
];

/** Appliances among servers: their vendor image takes no agent and runs no general-purpose OS. */
const APPLIANCE_SERVER_KINDS: readonly AssetKind[] = ['hypervisor', 'storage'];

/** Servers and workstations that run a general-purpose OS, where an EDR or antivirus installs. */
export const AGENT_HOST_KINDS: readonly AssetKind[] = [
  ...SERVER_KINDS.filter((kind) => !APPLIANCE_SERVER_KINDS.includes(kind)),
  ...WORKSTATION_KINDS,
];

/** Medical devices: biomedical equipment and imaging modalities (CT, MRI, ultrasound…). */
export const MEDICAL_DEVICE_KINDS: readonly AssetKind[] = ['medical-device', 'imaging-modality'];

/**
 * Embedded devices with a vendor firmware, no agent and often a vendor's remote access: IoT,
 * cameras, medical devices, payment terminals, printers.
 */
export const EMBEDDED_DEVICE_KINDS: readonly AssetKind[] = [
  'iot',
  'camera',
  ...MEDICAL_DEVICE_KINDS,
  'payment-terminal',
  'printer',
];

/** Services run by a provider outside the organisation's network. */
export const CLOUD_SERVICE_KINDS: readonly AssetKind[] = ['saas', 'cloud-service'];

/** Industrial supervision assets that keep data and logs: SCADA, historians, engineering stations. */
export const OT_SUPERVISION_KINDS: readonly AssetKind[] = [
  'scada',
  'historian',
  'engineering-workstation',
];

/** Devices that filter or relay the traffic crossing them (a switch or a router does not count). */
export const FILTERING_KINDS: readonly AssetKind[] = [
  'firewall',
  'vpn-gateway',
  'proxy',
  'reverse-proxy',
  'ot-gateway',
];

/**
 * Assets a flow may be declared to cross (its `via`): devices that filter, route, switch or relay
 * traffic (a mail server relays mail), the filtering ones included.
 */
export const FLOW_RELAY_KINDS: readonly AssetKind[] = [
  ...FILTERING_KINDS,
  'router',
  'switch',
  'load-balancer',
  'wifi-controller',
  'ids',
  'mail-server',
];

/** Devices that filter or terminate traffic at a trust boundary. */
export const PERIMETER_KINDS: readonly AssetKind[] = ['firewall', 'vpn-gateway'];

/**
 * Assets whose events an investigation needs (ANSSI hygiene measure 36, logging guide R2):
 * servers, security and network devices that filter, route or watch traffic, administration
 * workstations and industrial supervision; not switches, user devices or PLCs.
 */
export const LOGGING_EXPECTED_KINDS: readonly AssetKind[] = [
  ...SERVER_KINDS,
  ...FILTERING_KINDS,
  'router',
  'load-balancer',
  'ids',
  'admin-workstation',
  ...OT_SUPERVISION_KINDS,
];

/**
 * Assets that hold state worth restoring from a backup: servers (not hypervisors, whose state is
 * their virtual machines', each an asset of its own), cloud services and industrial supervision;
 * not network gear, fleets of endpoints or PLCs.
 */
export const STATEFUL_KINDS: readonly AssetKind[] = [
  ...SERVER_KINDS.filter((kind) => kind !== 'hypervisor'),
  ...CLOUD_SERVICE_KINDS,
  ...OT_SUPERVISION_KINDS,
];

// Zone kinds

/** Assets that collect others' logs (the central points the logging guide asks for). */
export const LOG_COLLECTOR_KINDS: readonly AssetKind[] = ['siem', 'log-collector'];

/** Software hosted on a server: an application or a database runs on an OS it does not own. */
export const HOSTED_SOFTWARE_KINDS: readonly AssetKind[] = [
  'application',
  'web-application',
  'service',
  'database',
];

/** Zones of devices rather than people: biomedical, IoT and industrial networks. */
export const DEVICE_ZONE_KINDS: readonly ZoneKind[] = ['biomedical', 'iot', 'ot'];

/** Zones where the organisation's own people work on site. */
export const OFFICE_ZONE_KINDS: readonly ZoneKind[] = ['user', 'wifi'];

/** Zones where users or visitors work: servers and privileged sessions do not belong there. */
export const USER_ZONE_KINDS: readonly ZoneKind[] = [...OFFICE_ZONE_KINDS, 'guest-wifi'];

/** Zones administration must not come from: where users work, and the Internet. */
export const USER_OR_INTERNET_ZONE_KINDS: readonly ZoneKind[] = [...USER_ZONE_KINDS, 'internet'];

/** Zones the organisation's own people log in from, on site or remotely (not visitors). */
export const STAFF_ZONE_KINDS: readonly ZoneKind[] = [...OFFICE_ZONE_KINDS, 'remote-access'];

/** Zones that are not on one of the organisation's sites: the Internet, clouds, partners. */
export const OFF_SITE_ZONE_KINDS: readonly ZoneKind[] = ['internet', 'cloud', 'partner'];

/** Zones outside the organisation's own network. */
export const EXTERNAL_ZONE_KINDS: readonly ZoneKind[] = [
  'internet',
  'cloud',
  'dmz',
  'partner',
  'guest-wifi',
];

// Protocols

/** Protocols of remote administration sessions (flows; an admin interface has its own list). */
export const REMOTE_ADMIN_PROTOCOLS: readonly Protocol[] = [
  'ssh',
  'telnet',
  'rdp',
  'vnc',
  'winrm',
  'snmp',
];

/** Protocols that carry credentials or data in clear unless wrapped. */
export const CLEARTEXT_PROTOCOLS: readonly Protocol[] = [
  'http',
  'telnet',
  'ftp',
  'ldap',
  'smtp',
  'imap',
  'pop3',
  'snmp',
  'vnc',
];

/**
 * Administration protocols that carry credentials in clear unless wrapped in a tunnel; typed as
 * strings because flows and administration interfaces have protocol lists of their own.
 */
export const CLEARTEXT_ADMIN_PROTOCOLS: readonly string[] = ['telnet', 'http', 'vnc', 'snmp'];

/** Industrial protocols, which carry no authentication of their own. */
export const OT_PROTOCOLS: readonly Protocol[] = protocolsOfFamily('industrial');

/** Medical protocols (DICOM imaging, HL7 v2 messages over MLLP). */
export const MEDICAL_PROTOCOLS: readonly Protocol[] = protocolsOfFamily('medical');

/** Building-management protocols (BACnet, KNX). */
export const BUILDING_PROTOCOLS: readonly Protocol[] = protocolsOfFamily('building');

/** Database client protocols: what reaches the data tier directly. */
export const DATABASE_PROTOCOLS: readonly Protocol[] = protocolsOfFamily('database');

/** Remote-support tools that open an outbound session to a broker (TeamViewer, AnyDesk). */
export const REMOTE_SUPPORT_PROTOCOLS: readonly Protocol[] = protocolsOfFamily('remote-support');

/** VPN tunnel protocols. */
export const VPN_PROTOCOLS: readonly Protocol[] = ['ipsec', 'openvpn', 'wireguard'];

/** Protocols that encrypt by themselves when a flow does not say how it is encrypted. */
export const SELF_ENCRYPTING_PROTOCOLS: readonly Protocol[] = PROTOCOLS.filter(
  (protocol) => PROTOCOL_REGISTRY[protocol].encryption === 'always',
);
