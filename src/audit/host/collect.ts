/**
 * Collects what the host audit judges, through the read-only `HostReader`: each part is read on
 * its own and a part that cannot be read is recorded as unknown (null), never fatal. The file
 * walk (world-writable files, setuid binaries) is bounded in entries and stays on each root's
 * filesystem.
 */
import type { HostObservation, SensitiveFile } from './observation.js';
import {
  parseColonFile,
  parseKeyValues,
  parseMounts,
  parseOsRelease,
  parseProcNet,
  parseSudoers,
  sshdIncludes,
} from './parse.js';
import type { HostReader } from './reader.js';

/** Kernel settings the checks read (hardening guides' usual list). */
export const SYSCTL_KEYS = [
  'kernel.randomize_va_space',
  'kernel.kptr_restrict',
  'kernel.dmesg_restrict',
  'kernel.yama.ptrace_scope',
  'kernel.unprivileged_bpf_disabled',
  'kernel.sysrq',
  'fs.protected_hardlinks',
  'fs.protected_symlinks',
  'fs.suid_dumpable',
  'net.ipv4.ip_forward',
  'net.ipv4.conf.all.accept_redirects',
  'net.ipv4.conf.all.send_redirects',
  'net.ipv4.conf.all.accept_source_route',
  'net.ipv4.conf.all.rp_filter',
  'net.ipv4.conf.all.log_martians',
  'net.ipv4.tcp_syncookies',
  'net.ipv6.conf.all.accept_redirects',
] as const;

export const SENSITIVE_FILES = [
  '/etc/passwd',
  '/etc/group',
  '/etc/shadow',
  '/etc/gshadow',
  '/etc/sudoers',
  '/etc/ssh/sshd_config',
  '/etc/crontab',
  '/root',
  '/boot/grub/grub.cfg',
] as const;

export interface CollectOptions {
  /** Most directory entries the walk visits (default 200,000). */
  readonly maxEntries?: number;
  readonly suidRoots?: readonly string[];
  readonly writableRoots?: readonly string[];
  readonly now?: () => number;
}

const SUID_ROOTS = [
  '/usr/bin',
  '/usr/sbin',
  '/usr/lib',
  '/usr/libexec',
  '/usr/local',
  '/bin',
  '/sbin',
  '/opt',
];
const WRITABLE_ROOTS = ['/etc', '/usr', '/opt', '/srv', '/var/lib', '/var/www', '/root', '/home'];

async function walk(
  reader: HostReader,
  roots: readonly string[],
  budget: { left: number },
  visit: (path: string, mode: number) => void,
): Promise<boolean> {
  for (const root of roots) {
    const top = await reader.stat(root);
    if (top?.kind !== 'dir') continue;
    const stack = [root];
    while (stack.length > 0) {
      const dir = stack.pop() as string;
      const entries = await reader.readDir(dir);
      for (const entry of entries ?? []) {
        if (budget.left <= 0) return true;
        budget.left -= 1;
        const path = dir === '/' ? `/${entry.name}` : `${dir}/${entry.name}`;
        if (entry.kind === 'symlink' || entry.kind === 'other') continue;
        const info = await reader.stat(path);
        if (info === null) continue;
        if (entry.kind === 'dir') {
          if (info.dev === top.dev) stack.push(path);
          continue;
        }
        visit(path, info.mode);
      }
    }
  }
  return false;
}

async function sshdOf(reader: HostReader, root: boolean): Promise<HostObservation['sshd']> {
  const binary = await reader.stat('/usr/sbin/sshd');
  const installed = binary !== null;
  if (installed && root) {
    const effective = await reader.run('/usr/sbin/sshd', ['-T'], { timeoutMs: 5000 });
    if (effective?.code === 0 && effective.stdout.trim() !== '')
      return { installed, source: 'sshd -T', options: parseKeyValues(effective.stdout) };
  }
  const main = await reader.readFile('/etc/ssh/sshd_config');
  if (main === null) return { installed, source: null, options: {} };
  // included files come first in effect (first value wins): the Debian sshd_config.d layout
  let text = '';
  for (const pattern of sshdIncludes(main)) {
    const path = pattern.startsWith('/') ? pattern : `/etc/ssh/${pattern}`;
    const star = path.lastIndexOf('*');
    if (star === -1) text += `${(await reader.readFile(path)) ?? ''}\n`;
    else {
      const dir = path.slice(0, path.lastIndexOf('/'));
      const suffix = path.slice(star + 1);
      const names = ((await reader.readDir(dir)) ?? [])
        .map((entry) => entry.name)
        .filter((name) => name.endsWith(suffix))
        .sort();
      for (const name of names) text += `${(await reader.readFile(`${dir}/${name}`)) ?? ''}\n`;
    }
  }
  return { installed, source: 'file', options: parseKeyValues(`${text}\n${main}`) };
}

async function pamOf(reader: HostReader): Promise<HostObservation['pam']> {
  const password =
    (await reader.readFile('/etc/pam.d/common-password')) ??
    (await reader.readFile('/etc/pam.d/system-auth'));
  const auth =
    (await reader.readFile('/etc/pam.d/common-auth')) ??
    (await reader.readFile('/etc/pam.d/system-auth'));
  if (password === null && auth === null)
    return { readable: false, quality: false, minLength: null, lockout: false };
  const quality = /pam_(pwquality|cracklib|passwdqc)\.so/.test(password ?? '');
  const conf = parseKeyValues((await reader.readFile('/etc/security/pwquality.conf')) ?? '');
  const inline = /minlen=(\d+)/.exec(password ?? '')?.[1];
  const minLength = inline ?? conf.minlen;
  return {
    readable: true,
    quality,
    minLength: minLength === undefined ? null : Number(minLength),
    lockout: /pam_(faillock|tally2?)\.so/.test(auth ?? ''),
  };
}

async function sudoersOf(reader: HostReader): Promise<HostObservation['sudoers']> {
  const main = await reader.readFile('/etc/sudoers');
  if (main === null) return { readable: false, nopasswd: [], noAuthenticate: [] };
  let text = main;
  const entries = (await reader.readDir('/etc/sudoers.d')) ?? [];
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.kind === 'file' && !entry.name.includes('.') && !entry.name.endsWith('~'))
      text += `\n${(await reader.readFile(`/etc/sudoers.d/${entry.name}`)) ?? ''}`;
  }
  return { readable: true, ...parseSudoers(text) };
}

async function filesOf(reader: HostReader): Promise<SensitiveFile[]> {
  const keys = ((await reader.readDir('/etc/ssh')) ?? [])
    .filter((e) => /^ssh_host_.*_key$/.test(e.name))
    .map((e) => `/etc/ssh/${e.name}`);
  const out: SensitiveFile[] = [];
  for (const path of [...SENSITIVE_FILES, ...keys.sort()]) {
    const info = await reader.stat(path);
    out.push(
      info === null
        ? { path, exists: false, mode: null, uid: null, gid: null }
        : { path, exists: true, mode: info.mode, uid: info.uid, gid: info.gid },
    );
  }
  return out;
}

async function processesOf(reader: HostReader): Promise<string[]> {
  const names = new Set<string>();
  const entries = ((await reader.readDir('/proc')) ?? []).filter((e) => /^\d+$/.test(e.name));
  for (const entry of entries.slice(0, 5000)) {
    const comm = await reader.readFile(`/proc/${entry.name}/comm`, 64);
    if (comm !== null && comm.trim() !== '') names.add(comm.trim());
  }
  return [...names].sort();
}

async function firewallOf(reader: HostReader): Promise<HostObservation['firewall']> {
  const nft = await reader.run('nft', ['list', 'ruleset'], { timeoutMs: 5000 });
  if (nft?.code === 0) {
    const rules = nft.stdout
      .split('\n')
      .filter((l) => /\b(accept|drop|reject|jump|goto)\b/.test(l) && !/policy/.test(l)).length;
    const input = /type filter hook input[^;]*;\s*policy (\w+)/.exec(nft.stdout)?.[1];
    if (rules > 0 || input !== undefined)
      return {
        tool: 'nftables',
        rules,
        inputPolicyDrop: input === undefined ? null : input === 'drop',
        readable: true,
      };
  }
  const ipt = await reader.run('iptables', ['-S'], { timeoutMs: 5000 });
  if (ipt?.code === 0) {
    const rules = ipt.stdout.split('\n').filter((l) => l.startsWith('-A ')).length;
    return {
      tool: 'iptables',
      rules,
      inputPolicyDrop: /^-P INPUT DROP/m.test(ipt.stdout),
      readable: true,
    };
  }
  const readable = nft?.code === 0 || ipt !== null;
  return {
    tool: nft?.code === 0 ? 'nftables' : null,
    rules: nft?.code === 0 ? 0 : null,
    inputPolicyDrop: null,
    readable,
  };
}

async function updatesOf(reader: HostReader): Promise<HostObservation['updates']> {
  if ((await reader.stat('/usr/bin/apt-get')) !== null) {
    let periodic = '';
    for (const entry of (await reader.readDir('/etc/apt/apt.conf.d')) ?? [])
      periodic += `${(await reader.readFile(`/etc/apt/apt.conf.d/${entry.name}`, 65536)) ?? ''}\n`;
    const unattended = (await reader.stat('/usr/bin/unattended-upgrade')) !== null;
    const automatic = unattended && /APT::Periodic::Unattended-Upgrade\s+"1"/.test(periodic);
    const simulated = await reader.run('apt-get', ['-s', '-o', 'Debug::NoLocking=1', 'upgrade'], {
      timeoutMs: 30_000,
    });
    const installs =
      simulated?.code === 0
        ? simulated.stdout.split('\n').filter((l) => l.startsWith('Inst '))
        : null;
    return {
      manager: 'apt',
      automatic,
      pending: installs?.length ?? null,
      security: installs?.filter((l) => /securi/i.test(l)).length ?? null,
    };
  }
  const dnf = (await reader.stat('/usr/bin/dnf')) !== null;
  if (dnf || (await reader.stat('/usr/bin/yum')) !== null) {
    const automatic =
      (await reader.stat('/etc/dnf/automatic.conf')) !== null ||
      (await reader.stat('/etc/yum/yum-cron.conf')) !== null;
    return { manager: dnf ? 'dnf' : 'yum', automatic, pending: null, security: null };
  }
  return { manager: null, automatic: null, pending: null, security: null };
}

const TIME_DAEMONS = ['chronyd', 'systemd-timesyn', 'ntpd', 'openntpd', 'ntpsec'];

async function loggingOf(
  reader: HostReader,
  processes: readonly string[],
): Promise<HostObservation['logging']> {
  const daemon =
    ['rsyslogd', 'syslog-ng', 'systemd-journal'].find((name) => processes.includes(name)) ?? null;
  let text = (await reader.readFile('/etc/rsyslog.conf')) ?? '';
  for (const entry of (await reader.readDir('/etc/rsyslog.d')) ?? [])
    if (entry.name.endsWith('.conf'))
      text += `\n${(await reader.readFile(`/etc/rsyslog.d/${entry.name}`)) ?? ''}`;
  text += `\n${(await reader.readFile('/etc/syslog-ng/syslog-ng.conf')) ?? ''}`;
  const lines = text.split('\n').filter((line) => !line.trim().startsWith('#'));
  const targets = [
    ...lines.flatMap((line) => /\s@@?(\[?[\w.:-]+\]?(?::\d+)?)/.exec(line)?.[1] ?? []),
    ...lines.flatMap((line) => /type="omfwd"[^)]*target="([^"]+)"/.exec(line)?.[1] ?? []),
    ...lines.flatMap((line) => /\b(?:network|tcp|udp|syslog)\(\s*"([^"]+)"/.exec(line)?.[1] ?? []),
  ];
  const upload = await reader.readFile('/etc/systemd/journal-upload.conf');
  const url = /^\s*URL\s*=\s*(\S+)/m.exec(upload ?? '')?.[1];
  if (url !== undefined) targets.push(url);
  return { daemon, forwarding: targets.length > 0, targets: [...new Set(targets)].sort() };
}

async function auditOf(
  reader: HostReader,
  processes: readonly string[],
  root: boolean,
): Promise<HostObservation['audit']> {
  const installed =
    (await reader.stat('/sbin/auditd')) !== null ||
    (await reader.stat('/usr/sbin/auditd')) !== null;
  let rules: number | null = null;
  if (root) {
    const listed = await reader.run('auditctl', ['-l'], { timeoutMs: 5000 });
    if (listed?.code === 0)
      rules = listed.stdout.split('\n').filter((l) => l.startsWith('-')).length;
  }
  if (rules === null && installed) {
    let count = 0;
    for (const entry of (await reader.readDir('/etc/audit/rules.d')) ?? [])
      count += ((await reader.readFile(`/etc/audit/rules.d/${entry.name}`)) ?? '')
        .split('\n')
        .filter((l) => /^-[aw]\s/.test(l)).length;
    rules = count;
  }
  return { running: processes.includes('auditd'), installed, rules };
}

async function accountsOf(reader: HostReader): Promise<HostObservation['accounts']> {
  const passwd = parseColonFile((await reader.readFile('/etc/passwd')) ?? '');
  const shadow = await reader.readFile('/etc/shadow');
  return {
    uid0: passwd
      .filter((f) => f[2] === '0')
      .map((f) => f[0] ?? '')
      .sort(),
    emptyPassword:
      shadow === null
        ? null
        : parseColonFile(shadow)
            .filter((f) => f[1] === '')
            .map((f) => f[0] ?? '')
            .sort(),
  };
}

/** Reads the host. Never throws for what it cannot read: unknown parts stay null or empty. */
export async function collectHost(
  reader: HostReader,
  options: CollectOptions = {},
): Promise<HostObservation> {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const root = reader.euid() === 0;
  const osRelease = parseOsRelease((await reader.readFile('/etc/os-release')) ?? '');
  const processes = await processesOf(reader);
  const sysctl: Record<string, string | null> = {};
  for (const key of SYSCTL_KEYS)
    sysctl[key] =
      (await reader.readFile(`/proc/sys/${key.replace(/\./g, '/')}`, 256))?.trim() ?? null;
  const listening = [
    ...parseProcNet((await reader.readFile('/proc/net/tcp')) ?? '', 'tcp', false),
    ...parseProcNet((await reader.readFile('/proc/net/tcp6')) ?? '', 'tcp', true),
    ...parseProcNet((await reader.readFile('/proc/net/udp')) ?? '', 'udp', false),
    ...parseProcNet((await reader.readFile('/proc/net/udp6')) ?? '', 'udp', true),
  ].sort((a, b) => a.port - b.port || (a.address < b.address ? -1 : 1));
  const budget = { left: options.maxEntries ?? 200_000 };
  const suid: string[] = [];
  const worldWritable: string[] = [];
  const suidRoots = options.suidRoots ?? SUID_ROOTS;
  const writableRoots = options.writableRoots ?? WRITABLE_ROOTS;
  let truncated = await walk(reader, suidRoots, budget, (path, mode) => {
    if ((mode & 0o6000) !== 0) suid.push(path);
  });
  if (!truncated)
    truncated = await walk(reader, writableRoots, budget, (path, mode) => {
      if ((mode & 0o002) !== 0) worldWritable.push(path);
    });
  const timeService = TIME_DAEMONS.find((name) => processes.includes(name)) ?? null;
  const synced = await reader.run('timedatectl', ['show', '-p', 'NTPSynchronized', '--value'], {
    timeoutMs: 3000,
  });
  return {
    hostname: reader.hostname(),
    root,
    os:
      osRelease.ID === undefined
        ? null
        : {
            id: osRelease.ID,
            version: osRelease.VERSION_ID ?? '',
            name: osRelease.PRETTY_NAME ?? osRelease.ID,
          },
    kernel: (await reader.readFile('/proc/sys/kernel/osrelease', 256))?.trim() ?? null,
    sshd: await sshdOf(reader, root),
    loginDefs: await reader
      .readFile('/etc/login.defs')
      .then((text) => (text === null ? null : parseKeyValues(text))),
    pam: await pamOf(reader),
    sudoers: await sudoersOf(reader),
    files: await filesOf(reader),
    walk: {
      roots: [...suidRoots, ...writableRoots],
      visited: (options.maxEntries ?? 200_000) - budget.left,
      truncated,
      worldWritable: [...new Set(worldWritable)].sort(),
      suid: [...new Set(suid)].sort(),
    },
    listening,
    firewall: await firewallOf(reader),
    updates: await updatesOf(reader),
    time: {
      service: timeService,
      synchronized: synced?.code === 0 ? synced.stdout.trim() === 'yes' : null,
    },
    audit: await auditOf(reader, processes, root),
    logging: await loggingOf(reader, processes),
    sysctl,
    mounts: parseMounts((await reader.readFile('/proc/mounts')) ?? ''),
    accounts: await accountsOf(reader),
    processes,
    durationMs: Math.round(now() - started),
  };
}
