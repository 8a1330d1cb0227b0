/**
 * Where Sigma's Windows log sources come from: services → event log channels, categories →
 * channel and event ids (Sigma taxonomy appendix, SigmaHQ's THOR mapping). Pure data.
 */

/** One way a category can be produced: a channel (or ETW provider) and, if given, event ids. */
export interface WindowsOrigin {
  readonly channels?: readonly string[];
  readonly providers?: readonly string[];
  readonly eventIds?: readonly number[];
}

const SYSMON = ['Microsoft-Windows-Sysmon/Operational'];
const POWERSHELL = ['Microsoft-Windows-PowerShell/Operational', 'PowerShellCore/Operational'];
const POWERSHELL_CLASSIC = ['Windows PowerShell'];
const DEFENDER = ['Microsoft-Windows-Windows Defender/Operational'];

function sysmon(...eventIds: number[]): readonly WindowsOrigin[] {
  return [{ channels: SYSMON, eventIds }];
}

/** `product: windows` categories. */
export const WINDOWS_CATEGORIES: Readonly<Record<string, readonly WindowsOrigin[]>> = {
  process_creation: [
    { channels: SYSMON, eventIds: [1] },
    { channels: ['Security'], eventIds: [4688] },
  ],
  file_change: sysmon(2),
  network_connection: sysmon(3),
  sysmon_status: sysmon(4, 16),
  process_termination: sysmon(5),
  driver_load: sysmon(6),
  image_load: sysmon(7),
  create_remote_thread: sysmon(8),
  raw_access_thread: sysmon(9),
  process_access: sysmon(10),
  file_event: sysmon(11),
  registry_event: sysmon(12, 13, 14),
  registry_add: sysmon(12),
  registry_delete: sysmon(12),
  registry_set: sysmon(13),
  registry_rename: sysmon(14),
  create_stream_hash: sysmon(15),
  pipe_created: sysmon(17, 18),
  wmi_event: sysmon(19, 20, 21),
  dns_query: sysmon(22),
  file_delete: sysmon(23, 26),
  clipboard_capture: sysmon(24),
  process_tampering: sysmon(25),
  file_delete_detected: sysmon(26),
  file_block_executable: sysmon(27),
  file_block_shredding: sysmon(28),
  file_executable_detected: sysmon(29),
  sysmon_error: sysmon(255),
  ps_module: [{ channels: POWERSHELL, eventIds: [4103] }],
  ps_script: [{ channels: POWERSHELL, eventIds: [4104] }],
  ps_classic_start: [{ channels: POWERSHELL_CLASSIC, eventIds: [400] }],
  ps_classic_provider_start: [{ channels: POWERSHELL_CLASSIC, eventIds: [600] }],
  ps_classic_script: [{ channels: POWERSHELL_CLASSIC, eventIds: [800] }],
  file_access: [{ providers: ['Microsoft-Windows-Kernel-File'] }],
  file_rename: [{ providers: ['Microsoft-Windows-Kernel-File'] }],
  antivirus: [
    {
      channels: DEFENDER,
      eventIds: [1006, 1007, 1008, 1009, 1010, 1011, 1012, 1017, 1018, 1019, 1115, 1116],
    },
  ],
};

/** `product: windows` services and their channels. */
export const WINDOWS_SERVICES: Readonly<Record<string, readonly string[]>> = {
  security: ['Security'],
  system: ['System'],
  application: ['Application'],
  sysmon: SYSMON,
  powershell: [...POWERSHELL, ...POWERSHELL_CLASSIC],
  'powershell-classic': POWERSHELL_CLASSIC,
  windefend: DEFENDER,
  taskscheduler: ['Microsoft-Windows-TaskScheduler/Operational'],
  wmi: ['Microsoft-Windows-WMI-Activity/Operational'],
  'application-experience': [
    'Microsoft-Windows-Application-Experience/Program-Telemetry',
    'Microsoft-Windows-Application-Experience/Program-Compatibility-Assistant',
  ],
  applocker: [
    'Microsoft-Windows-AppLocker/MSI and Script',
    'Microsoft-Windows-AppLocker/EXE and DLL',
    'Microsoft-Windows-AppLocker/Packaged app-Deployment',
    'Microsoft-Windows-AppLocker/Packaged app-Execution',
  ],
  'appmodel-runtime': ['Microsoft-Windows-AppModel-Runtime/Admin'],
  'appxdeployment-server': ['Microsoft-Windows-AppXDeploymentServer/Operational'],
  'appxpackaging-om': ['Microsoft-Windows-AppxPackaging/Operational'],
  bitlocker: ['Microsoft-Windows-BitLocker/BitLocker Management'],
  'bits-client': ['Microsoft-Windows-Bits-Client/Operational'],
  capi2: ['Microsoft-Windows-CAPI2/Operational'],
  'certificateservicesclient-lifecycle-system': [
    'Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational',
  ],
  'codeintegrity-operational': ['Microsoft-Windows-CodeIntegrity/Operational'],
  dhcp: ['Microsoft-Windows-DHCP-Server/Operational'],
  'diagnosis-scripted': ['Microsoft-Windows-Diagnosis-Scripted/Operational'],
  'dns-client': [
    'Microsoft-Windows-DNS Client Events/Operational',
    'Microsoft-Windows-DNS-Client/Operational',
  ],
  'dns-server': ['DNS Server'],
  'dns-server-analytic': ['Microsoft-Windows-DNS-Server/Analytical'],
  'dns-server-audit': ['Microsoft-Windows-DNS-Server/Audit'],
  'driver-framework': ['Microsoft-Windows-DriverFrameworks-UserMode/Operational'],
  'firewall-as': ['Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'],
  'hyper-v-worker': ['Microsoft-Windows-Hyper-V-Worker', 'Microsoft-Windows-Hyper-V-Worker-Admin'],
  'iis-configuration': ['Microsoft-IIS-Configuration/Operational'],
  'kernel-event-tracing': [
    'Microsoft-Windows-Kernel-EventTracing',
    'Microsoft-Windows-Kernel-EventTracing/Admin',
  ],
  'kernel-shimengine': [
    'Microsoft-Windows-Kernel-ShimEngine/Operational',
    'Microsoft-Windows-Kernel-ShimEngine/Diagnostic',
  ],
  ldap: ['Microsoft-Windows-LDAP-Client/Debug'],
  'lsa-server': ['Microsoft-Windows-LSA/Operational'],
  'microsoft-servicebus-client': [
    'Microsoft-ServiceBus-Client/Operational',
    'Microsoft-ServiceBus-Client/Admin',
  ],
  'msexchange-management': ['MSExchange Management'],
  ntfs: ['Microsoft-Windows-Ntfs/Operational'],
  ntlm: ['Microsoft-Windows-NTLM/Operational'],
  openssh: ['OpenSSH/Operational'],
  'printservice-admin': ['Microsoft-Windows-PrintService/Admin'],
  'printservice-operational': ['Microsoft-Windows-PrintService/Operational'],
  'security-mitigations': [
    'Microsoft-Windows-Security-Mitigations/Kernel Mode',
    'Microsoft-Windows-Security-Mitigations/User Mode',
  ],
  sense: ['Microsoft-Windows-SENSE/Operational'],
  'servicebus-client': [
    'Microsoft-ServiceBus-Client/Operational',
    'Microsoft-ServiceBus-Client/Admin',
  ],
  'shell-core': ['Microsoft-Windows-Shell-Core/Operational'],
  'smbclient-connectivity': ['Microsoft-Windows-SmbClient/Connectivity'],
  'smbclient-security': ['Microsoft-Windows-SmbClient/Security'],
  'smbserver-connectivity': ['Microsoft-Windows-SMBServer/Connectivity'],
  'terminalservices-localsessionmanager': [
    'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational',
  ],
  vhdmp: ['Microsoft-Windows-VHDMP/Operational'],
};
