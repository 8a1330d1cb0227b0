import { describe, expect, it } from 'vitest';
import { parseCvss31 } from '../cvss.js';
import { HOST_CHECKS } from './checks/index.js';
import { collectHost } from './collect.js';
import { judgeHost } from './index.js';
import type { CommandOutput, FileInfo, HostReader } from './reader.js';

interface FakeFile {
  readonly content?: string;
  readonly mode?: number;
  readonly uid?: number;
  readonly dir?: boolean;
}

/** An in-memory host: files by path (directories implied), command outputs by command line. */
function fakeHost(
  files: Readonly<Record<string, FakeFile>>,
  commands: Readonly<Record<string, CommandOutput>> = {},
  euid = 0,
): HostReader {
  const dirs = new Set<string>(['/']);
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let i = 2; i < parts.length; i += 1) dirs.add(parts.slice(0, i).join('/'));
    if (files[path]?.dir === true) dirs.add(path);
  }
  const info = (path: string): FileInfo | null => {
    const file = files[path];
    if (dirs.has(path))
      return { kind: 'dir', mode: file?.mode ?? 0o755, uid: 0, gid: 0, size: 0, dev: 1 };
    if (file === undefined) return null;
    return {
      kind: 'file',
      mode: file.mode ?? 0o644,
      uid: file.uid ?? 0,
      gid: 0,
      size: file.content?.length ?? 0,
      dev: 1,
    };
  };
  return {
    readFile: (path) => Promise.resolve(files[path]?.content ?? null),
    readDir: (path) => {
      if (!dirs.has(path)) return Promise.resolve(null);
      const prefix = path === '/' ? '/' : `${path}/`;
      const names = new Set<string>();
      for (const candidate of [...Object.keys(files), ...dirs]) {
        if (candidate.startsWith(prefix) && candidate !== path)
          names.add(candidate.slice(prefix.length).split('/')[0] ?? '');
      }
      return Promise.resolve(
        [...names].map((name) => ({ name, kind: info(`${prefix}${name}`)?.kind ?? 'file' })),
      );
    },
    stat: (path) => Promise.resolve(info(path)),
    run: (command, args) => Promise.resolve(commands[[command, ...args].join(' ')] ?? null),
    euid: () => euid,
    hostname: () => 'web1',
  };
}

const WEAK: Record<string, FakeFile> = {
  '/etc/os-release': {
    content: 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
  },
  '/usr/sbin/sshd': { mode: 0o755 },
  '/etc/ssh/sshd_config': {
    content:
      'Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin yes\nX11Forwarding yes\nMaxAuthTries 10\n',
  },
  '/etc/ssh/sshd_config.d/50-cloud.conf': {
    content: 'PasswordAuthentication yes\nPermitEmptyPasswords yes\n',
  },
  '/etc/ssh/ssh_host_ed25519_key': { mode: 0o644 },
  '/etc/login.defs': { content: 'UMASK 022\nENCRYPT_METHOD MD5\n' },
  '/etc/pam.d/common-password': {
    content: 'password [success=1 default=ignore] pam_unix.so obscure sha512\n',
  },
  '/etc/pam.d/common-auth': { content: 'auth [success=1 default=ignore] pam_unix.so nullok\n' },
  '/etc/sudoers': {
    content: 'root ALL=(ALL:ALL) ALL\n%admin ALL=(ALL) NOPASSWD: ALL\nDefaults !authenticate\n',
    mode: 0o440,
  },
  '/etc/passwd': {
    content:
      'root:x:0:0:root:/root:/bin/bash\ntoor:x:0:0::/root:/bin/sh\nbob:x:1000:1000::/home/bob:/bin/bash\n',
  },
  '/etc/shadow': {
    content: 'root:$6$x:19000::::::\ntoor::19000::::::\nbob:!:19000::::::\n',
    mode: 0o644,
  },
  '/etc/cron.d/job.sh': { content: 'x', mode: 0o666 },
  '/usr/bin/sudo': { mode: 0o4755 },
  '/usr/local/bin/backdoor': { mode: 0o4755 },
  '/proc/net/tcp': {
    content:
      '  sl  local_address rem_address   st\n   0: 00000000:0016 00000000:0000 0A 0\n   1: 0100007F:1F90 00000000:0000 0A 0\n',
  },
  '/proc/mounts': {
    content: 'tmpfs /tmp tmpfs rw,relatime 0 0\ntmpfs /dev/shm tmpfs rw,nosuid,nodev 0 0\n',
  },
  '/proc/sys/kernel/randomize_va_space': { content: '0\n' },
  '/proc/sys/fs/protected_symlinks': { content: '1\n' },
  '/proc/1/comm': { content: 'systemd\n' },
  '/proc/2/comm': { content: 'rsyslogd\n' },
  '/etc/rsyslog.conf': { content: '*.* /var/log/syslog\n' },
  '/usr/bin/apt-get': { mode: 0o755 },
  '/etc/apt/apt.conf.d/01autoremove': { content: 'APT::NeverAutoRemove {};\n' },
};

const HARDENED: Record<string, FakeFile> = {
  '/etc/os-release': { content: 'ID=debian\nVERSION_ID="12"\n' },
  '/usr/sbin/sshd': { mode: 0o755 },
  '/etc/ssh/sshd_config': {
    content: 'PermitRootLogin no\nPasswordAuthentication no\nX11Forwarding no\nMaxAuthTries 3\n',
  },
  '/etc/ssh/ssh_host_ed25519_key': { mode: 0o600 },
  '/etc/login.defs': { content: 'UMASK 027\nENCRYPT_METHOD YESCRYPT\n' },
  '/etc/pam.d/common-password': {
    content: 'password requisite pam_pwquality.so retry=3 minlen=14\n',
  },
  '/etc/pam.d/common-auth': { content: 'auth required pam_faillock.so preauth\n' },
  '/etc/sudoers': { content: 'root ALL=(ALL:ALL) ALL\n%sudo ALL=(ALL:ALL) ALL\n', mode: 0o440 },
  '/etc/passwd': { content: 'root:x:0:0:root:/root:/bin/bash\n' },
  '/etc/shadow': { content: 'root:$y$x:19000::::::\n', mode: 0o640 },
  '/usr/bin/sudo': { mode: 0o4755 },
  '/proc/net/tcp': { content: '  sl  local_address\n   0: 0A000005:0016 00000000:0000 0A 0\n' },
  '/proc/mounts': { content: 'tmpfs /tmp tmpfs rw,nosuid,nodev,noexec 0 0\n' },
  '/proc/sys/kernel/randomize_va_space': { content: '2\n' },
  '/proc/1/comm': { content: 'chronyd\n' },
  '/proc/2/comm': { content: 'auditd\n' },
  '/proc/3/comm': { content: 'rsyslogd\n' },
  '/etc/rsyslog.d/90-forward.conf': { content: '*.* @@logs.example.test:6514\n' },
  '/usr/bin/apt-get': { mode: 0o755 },
  '/usr/bin/unattended-upgrade': { mode: 0o755 },
  '/etc/apt/apt.conf.d/20auto-upgrades': { content: 'APT::Periodic::Unattended-Upgrade "1";\n' },
};

const HARDENED_COMMANDS: Record<string, CommandOutput> = {
  'nft list ruleset': {
    code: 0,
    stdout:
      'table inet filter {\n chain input {\n  type filter hook input priority 0; policy drop;\n  tcp dport 22 accept\n }\n}\n',
  },
  'apt-get -s -o Debug::NoLocking=1 upgrade': {
    code: 0,
    stdout: 'Reading package lists...\n0 upgraded\n',
  },
  'auditctl -l': { code: 0, stdout: '-w /etc/passwd -p wa -k identity\n' },
  'timedatectl show -p NTPSynchronized --value': { code: 0, stdout: 'yes\n' },
};

const WEAK_COMMANDS: Record<string, CommandOutput> = {
  'nft list ruleset': { code: 0, stdout: '' },
  'iptables -S': { code: 0, stdout: '-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n' },
  'apt-get -s -o Debug::NoLocking=1 upgrade': {
    code: 0,
    stdout:
      'Inst openssl [3.0.1] (3.0.2 Debian-Security:12/stable-security [amd64])\nInst vim [9.0] (9.1 Debian:12/stable [amd64])\n',
  },
};

describe('the host audit', () => {
  it('finds what the weak host gets wrong, each with its evidence', async () => {
    const audit = judgeHost(await collectHost(fakeHost(WEAK, WEAK_COMMANDS)));
    expect(audit.findings.map((f) => f.check).sort()).toEqual([
      'host-account-lockout',
      'host-auditd-missing',
      'host-empty-passwords',
      'host-firewall-missing',
      'host-log-forwarding-missing',
      'host-mount-options',
      'host-password-hashing',
      'host-password-quality',
      'host-sensitive-file-permissions',
      'host-services-all-interfaces',
      'host-ssh-empty-passwords',
      'host-ssh-max-auth-tries',
      'host-ssh-password-auth',
      'host-ssh-root-login',
      'host-ssh-x11-forwarding',
      'host-sudo-no-authenticate',
      'host-sudo-nopasswd',
      'host-sysctl-hardening',
      'host-time-sync-missing',
      'host-uid0-accounts',
      'host-umask',
      'host-unexpected-suid',
      'host-updates-not-automatic',
      'host-updates-pending',
      'host-world-writable-files',
    ]);
    const byCheck = new Map(audit.findings.map((f) => [f.check, f]));
    expect(byCheck.get('host-unexpected-suid')?.evidence).toBe('/usr/local/bin/backdoor');
    expect(byCheck.get('host-uid0-accounts')?.evidence).toContain('toor');
    expect(byCheck.get('host-empty-passwords')?.detail.en).toBe('Empty password: toor.');
    expect(byCheck.get('host-services-all-interfaces')?.detail.en).toBe(
      'TCP ports on every interface: 22.',
    );
    expect(byCheck.get('host-sensitive-file-permissions')?.evidence).toContain('/etc/shadow 0644');
    expect(byCheck.get('host-sensitive-file-permissions')?.evidence).toContain(
      '/etc/ssh/ssh_host_ed25519_key 0644',
    );
    expect(byCheck.get('host-mount-options')?.evidence).toContain(
      '/tmp (tmpfs) rw,relatime: missing nodev,nosuid',
    );
    expect(byCheck.get('host-updates-pending')?.detail.en).toBe(
      '1 security update(s) pending (2 in all).',
    );
    expect(byCheck.get('host-ssh-password-auth')?.subject).toBe('host:web1:sshd');
    expect(audit.hardening.index).toBeLessThan(20);
  });

  it('finds nothing on the hardened host', async () => {
    const audit = judgeHost(await collectHost(fakeHost(HARDENED, HARDENED_COMMANDS)));
    expect(audit.findings).toEqual([]);
    expect(audit.hardening).toEqual({ index: 100, passed: HOST_CHECKS.length, failed: 0 });
  });

  it('without root, what cannot be read stays unknown and raises nothing', async () => {
    const noShadow = { ...WEAK };
    delete noShadow['/etc/shadow'];
    delete noShadow['/etc/sudoers'];
    const observation = await collectHost(fakeHost(noShadow, {}, 1000));
    expect(observation.root).toBe(false);
    expect(observation.accounts.emptyPassword).toBeNull();
    expect(observation.sudoers.readable).toBe(false);
    expect(observation.firewall.readable).toBe(false);
    const checks = judgeHost(observation).findings.map((f) => f.check);
    expect(checks).not.toContain('host-empty-passwords');
    expect(checks).not.toContain('host-sudo-nopasswd');
    expect(checks).not.toContain('host-firewall-missing');
  });

  it('bounds the file walk', async () => {
    const many: Record<string, FakeFile> = {};
    for (let i = 0; i < 50; i += 1) many[`/usr/bin/tool${String(i)}`] = { mode: 0o755 };
    const observation = await collectHost(fakeHost(many), { maxEntries: 10 });
    expect(observation.walk).toMatchObject({ truncated: true, visited: 10 });
  });

  it('every check has complete metadata in both languages and a Lynis mapping where one exists', async () => {
    const ids = HOST_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const empty = await collectHost(fakeHost({}, {}, 1000));
    for (const check of HOST_CHECKS) {
      expect(check.id).toMatch(/^host-[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const field of [check.title, check.description, check.rationale, check.remediation]) {
        expect(field.en.length).toBeGreaterThan(5);
        expect(field.fr.length).toBeGreaterThan(5);
        expect(field.fr).not.toBe(field.en);
      }
      expect(parseCvss31(check.cvss).ok).toBe(true);
      expect(check.references.length).toBeGreaterThan(0);
      for (const id of check.lynis ?? []) expect(id).toMatch(/^[A-Z]{3,5}-\d{4}$/);
      expect(check.evaluate(empty, undefined)).toEqual(check.evaluate(empty, undefined));
    }
  });
});
