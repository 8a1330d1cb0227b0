// bench/audit/ssh.js: Vigie's SSH audit against ssh-audit (Debian package) on the same loopback
// OpenSSH servers, in the same run. Target (issue #15): the same algorithm verdicts.
// Two OpenSSH servers are started on 127.0.0.200 with the configurations of test/support/sshd.ts
// (weak, and ssh-audit's hardening guide for OpenSSH 9.2). For each, every algorithm of the
// server's KEXINIT gets a verdict (fail / warn / ok) from Vigie (dist/audit/ssh) and from
// ssh-audit's text output (its -j output carries no verdicts in 2.5.0), compared one by one:
//   1. stock ssh-audit (Debian's 2.5.0, database of 2021);
//   2. the same ssh-audit engine given the 2026 database Vigie ships (a shim module built from
//      dist/audit/ssh/data), which isolates the engine logic from the database's revision.
// Times: median of RUNS probes (Vigie) against median of RUNS `ssh-audit` runs.
// Run: npx tsc -p tsconfig.build.json && node bench/audit/ssh.js
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SSH_AUDIT_DB, SSH_AUDIT_REASONS } from '../../dist/audit/ssh/data/ssh-audit-kexdb.js';
import { SSH_CHECKS } from '../../dist/audit/ssh/checks/index.js';
import { runChecks } from '../../dist/audit/findings.js';
import { nodeNet } from '../../dist/audit/net/node-net.js';
import { probeSsh } from '../../dist/audit/ssh/probe.js';
import { sshVerdicts } from '../../dist/audit/ssh/verdicts.js';

const run = promisify(execFile);
const ADDRESS = '127.0.0.200';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SSH_AUDIT_PACKAGE = '/usr/lib/python3/dist-packages/ssh_audit';

const SERVERS = {
  weak: {
    port: 30220,
    keys: [
      ['rsa', 1024],
      ['dsa', 1024],
    ],
    options: [
      'KexAlgorithms diffie-hellman-group1-sha1,diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1,diffie-hellman-group14-sha256,curve25519-sha256',
      'HostKeyAlgorithms ssh-rsa,ssh-dss,rsa-sha2-256',
      'Ciphers aes128-cbc,3des-cbc,aes256-cbc,aes128-ctr',
      'MACs hmac-md5,hmac-sha1,hmac-sha1-96,umac-64@openssh.com,hmac-sha2-256',
      'PasswordAuthentication yes',
      'KbdInteractiveAuthentication yes',
    ],
  },
  hardened: {
    port: 30221,
    keys: [
      ['ed25519', 256],
      ['rsa', 3072],
    ],
    options: [
      'KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512',
      'HostKeyAlgorithms ssh-ed25519,rsa-sha2-512,rsa-sha2-256',
      'Ciphers aes256-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-gcm@openssh.com,aes128-ctr',
      'MACs hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,umac-128-etm@openssh.com',
      'RequiredRSASize 3072',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
    ],
  },
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const isOpen = (port) =>
  new Promise((resolve) => {
    const socket = connect({ host: ADDRESS, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

async function startSshd(dir, { port, keys, options }) {
  const lines = [`ListenAddress ${ADDRESS}:${port}`, `PidFile ${join(dir, 'pid')}`, 'UsePAM no'];
  for (const [type, bits] of keys) {
    const file = join(dir, `host_${type}_key`);
    execFileSync('ssh-keygen', ['-q', '-t', type, '-b', String(bits), '-N', '', '-f', file]);
    lines.push(`HostKey ${file}`);
  }
  writeFileSync(join(dir, 'sshd_config'), [...lines, ...options, ''].join('\n'));
  mkdirSync('/run/sshd', { recursive: true });
  const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100 && !(await isOpen(port)); i += 1) await sleep(50);
  return child;
}

/** ssh-audit's text output → Map `category name` → fail | warn | ok. */
function parseSshAudit(output) {
  const verdicts = new Map();
  let current = null;
  for (const line of output.split('\n')) {
    const head = /^\((kex|key|enc|mac)\) (\S+)(?: \(\d+-bit\))?\s*(?:-- \[(\w+)\])?/.exec(line);
    const more = /^\s+`- \[(\w+)\]/.exec(line);
    if (head !== null) {
      current = `${head[1]} ${head[2]}`;
      verdicts.set(current, []);
      if (head[3] !== undefined) verdicts.get(current).push(head[3]);
    } else if (more !== null && current !== null) verdicts.get(current).push(more[1]);
    else current = null;
  }
  const level = (tags) => (tags.includes('fail') ? 'fail' : tags.includes('warn') ? 'warn' : 'ok');
  return new Map([...verdicts].map(([key, tags]) => [key, level(tags)]));
}

/** ssh-audit 2.5.0's package with its database replaced by the one Vigie ships. */
function shimPackage(dir) {
  const target = join(dir, 'ssh_audit');
  cpSync(SSH_AUDIT_PACKAGE, target, { recursive: true });
  const algorithms = {};
  for (const [category, entries] of Object.entries(SSH_AUDIT_DB)) {
    algorithms[category] = {};
    for (const [name, [fail, warn, info]] of Object.entries(entries)) {
      const texts = (ids) => ids.map((id) => SSH_AUDIT_REASONS[id]);
      algorithms[category][name] = [[], texts(fail), texts(warn), texts(info)];
    }
  }
  writeFileSync(
    join(target, 'ssh2_kexdb.py'),
    `import json\nclass SSH2_KexDB:\n    ALGORITHMS = json.loads(${JSON.stringify(JSON.stringify(algorithms))})\n`,
  );
  return dir;
}

async function sshAudit(port, pythonPath) {
  const started = performance.now();
  const env = pythonPath === null ? process.env : { ...process.env, PYTHONPATH: pythonPath };
  const command = pythonPath === null ? ['ssh-audit', []] : ['python3', ['-m', 'ssh_audit']];
  const { stdout } = await run(command[0], [...command[1], '-n', '-p', String(port), ADDRESS], {
    env,
  }).catch((error) => error); // exit code 3 = failures found
  return { ms: performance.now() - started, verdicts: parseSshAudit(stdout ?? '') };
}

function compare(ours, theirs) {
  const agree = [];
  const differ = [];
  for (const [key, verdict] of ours) {
    const other = theirs.get(key) ?? 'absent';
    (other === verdict ? agree : differ).push(`${key}: vigie ${verdict}, ssh-audit ${other}`);
  }
  for (const key of theirs.keys()) if (!ours.has(key)) differ.push(`${key}: only in ssh-audit`);
  return { agree: agree.length, differ };
}

const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-ssh-'));
const children = [];
try {
  const shim = shimPackage(join(dir, 'shim'));
  const net = nodeNet();
  for (const [name, server] of Object.entries(SERVERS)) {
    const serverDir = join(dir, name);
    mkdirSync(serverDir);
    children.push(await startSshd(serverDir, server));
    const endpoint = { address: ADDRESS, port: server.port };
    const times = [];
    let observation;
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      observation = await probeSsh(net, endpoint, { timeoutMs: 5000, maxBytes: 65_536 });
      times.push(performance.now() - started);
    }
    const ours = new Map(
      sshVerdicts(observation).map((v) => [
        `${v.category} ${v.name}`,
        v.verdict === 'unknown' ? 'ok' : v.verdict,
      ]),
    );
    const stock = [];
    for (let i = 0; i < RUNS; i += 1) stock.push(await sshAudit(server.port, null));
    const shimmed = await sshAudit(server.port, shim);
    // ssh-audit 2.5.0 predates the strict-kex marker and lists it as an unknown algorithm
    for (const result of [...stock, shimmed])
      result.verdicts.delete('kex kex-strict-s-v00@openssh.com');
    const vigieMs = median(times);
    const auditMs = median(stock.map((s) => s.ms));
    const findings = runChecks(SSH_CHECKS, observation, undefined).map((f) => f.check);
    const againstStock = compare(ours, stock[0].verdicts);
    const againstShim = compare(ours, shimmed.verdicts);
    console.log(`\n== ${name} (${ADDRESS}:${server.port}, ${observation.banner?.raw ?? '?'})`);
    console.log(`auth methods: ${observation.authMethods?.join(',') ?? observation.authError}`);
    console.log(`vigie findings: ${findings.join(', ') || 'none'}`);
    console.log(
      `time: vigie ${vigieMs.toFixed(0)} ms, ssh-audit ${auditMs.toFixed(0)} ms, ratio ssh-audit/vigie ${(auditMs / vigieMs).toFixed(1)}×`,
    );
    console.log(
      `verdicts vs ssh-audit 2.5.0 + Vigie's 2026 database: ${againstShim.agree}/${ours.size} agree`,
    );
    for (const line of againstShim.differ) console.log(`  differs: ${line}`);
    console.log(
      `verdicts vs stock ssh-audit 2.5.0 (2021 database): ${againstStock.agree}/${ours.size} agree`,
    );
    for (const line of againstStock.differ) console.log(`  differs: ${line}`);
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
