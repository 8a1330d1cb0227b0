/**
 * The MITRE ATT&CK techniques an attack step can stand for: Enterprise ids (T1xxx) and, for
 * industrial controllers, ICS ids (T08xx). Names are ATT&CK's, which has no French version.
 */
export const TECHNIQUES = {
  T1003: 'OS Credential Dumping',
  T1021: 'Remote Services',
  'T1021.001': 'Remote Services: Remote Desktop Protocol',
  'T1021.002': 'Remote Services: SMB/Windows Admin Shares',
  'T1021.004': 'Remote Services: SSH',
  'T1021.005': 'Remote Services: VNC',
  'T1021.006': 'Remote Services: Windows Remote Management',
  'T1059.012': 'Command and Scripting Interpreter: Hypervisor CLI',
  T1078: 'Valid Accounts',
  T1110: 'Brute Force',
  'T1110.003': 'Brute Force: Password Spraying',
  T1133: 'External Remote Services',
  T1190: 'Exploit Public-Facing Application',
  T1199: 'Trusted Relationship',
  T1210: 'Exploitation of Remote Services',
  T1219: 'Remote Access Software',
  T1566: 'Phishing',
  T0843: 'Program Download',
  T0855: 'Unauthorized Command Message',
} as const;

export type TechniqueId = keyof typeof TECHNIQUES;

/** A technique as reports show it. */
export interface Technique {
  readonly id: TechniqueId;
  readonly name: string;
}

/** The technique with this id and its ATT&CK name. */
export function technique(id: TechniqueId): Technique {
  return { id, name: TECHNIQUES[id] };
}
