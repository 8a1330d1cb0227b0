/** What the host audit saw on the local system (plain data, JSON-serialisable). */

export interface SensitiveFile {
  readonly path: string;
  readonly exists: boolean;
  readonly mode: number | null;
  readonly uid: number | null;
  readonly gid: number | null;
}

export interface HostObservation {
  readonly hostname: string;
  /** The audit ran as root (some facts are only readable by root: shadow, sudoers, sshd -T). */
  readonly root: boolean;
  readonly os: { readonly id: string; readonly version: string; readonly name: string } | null;
  readonly kernel: string | null;
  /** Effective sshd settings (keys lower-case), from `sshd -T` when possible, else the files. */
  readonly sshd: {
    readonly installed: boolean;
    readonly source: 'sshd -T' | 'file' | null;
    readonly options: Readonly<Record<string, string>>;
  };
  /** /etc/login.defs settings. */
  readonly loginDefs: Readonly<Record<string, string>> | null;
  readonly pam: {
    readonly readable: boolean;
    readonly quality: boolean;
    readonly minLength: number | null;
    readonly lockout: boolean;
  };
  readonly sudoers: {
    readonly readable: boolean;
    readonly nopasswd: readonly string[];
    readonly noAuthenticate: readonly string[];
  };
  readonly files: readonly SensitiveFile[];
  readonly walk: {
    readonly roots: readonly string[];
    readonly visited: number;
    readonly truncated: boolean;
    readonly worldWritable: readonly string[];
    readonly suid: readonly string[];
  };
  readonly listening: readonly {
    readonly protocol: 'tcp' | 'udp';
    readonly address: string;
    readonly port: number;
  }[];
  readonly firewall: {
    readonly tool: 'nftables' | 'iptables' | null;
    readonly rules: number | null;
    readonly inputPolicyDrop: boolean | null;
    readonly readable: boolean;
  };
  readonly updates: {
    readonly manager: 'apt' | 'dnf' | 'yum' | null;
    readonly automatic: boolean | null;
    readonly pending: number | null;
    readonly security: number | null;
  };
  readonly time: { readonly service: string | null; readonly synchronized: boolean | null };
  readonly audit: {
    readonly running: boolean;
    readonly installed: boolean;
    readonly rules: number | null;
  };
  readonly logging: {
    readonly daemon: string | null;
    readonly forwarding: boolean;
    readonly targets: readonly string[];
  };
  /** Kernel settings read from /proc/sys (null: not present on this kernel). */
  readonly sysctl: Readonly<Record<string, string | null>>;
  readonly mounts: readonly {
    readonly mountpoint: string;
    readonly fstype: string;
    readonly options: readonly string[];
  }[];
  readonly accounts: {
    readonly uid0: readonly string[];
    /** Accounts with an empty password field; null when /etc/shadow is not readable. */
    readonly emptyPassword: readonly string[] | null;
  };
  /** Processes running, by command name (/proc/<pid>/comm). */
  readonly processes: readonly string[];
  readonly durationMs: number;
}
