// bench/audit/tls.js: the TLS audit of one nginx endpoint (127.0.0.200, a port in 30000–39999,
// started here with a deliberately mixed configuration) by Vigie (probeTls + TLS_CHECKS, and
// probeHttp for HSTS) against testssl.sh (`testssl --quiet --color 0 --jsonfile`) and sslscan
// (`sslscan --no-colour --xml=`), Debian packages, in the same run: same verdicts on protocols,
// cipher classes, certificate (expiry, self-signed, hostname) and HSTS; times and ratios (targets:
// ≥ 20× faster than testssl.sh, no slower than sslscan). Needs `npx tsc -p tsconfig.build.json`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChecks } from '../../dist/audit/findings.js';
import { probeHttp } from '../../dist/audit/http/probe.js';
import { nodeNet } from '../../dist/audit/net/node-net.js';
import { TLS_CHECKS } from '../../dist/audit/tls/checks/index.js';
import { probeTls } from '../../dist/audit/tls/probe.js';
import { suiteByCode } from '../../dist/audit/tls/suites.js';

const ADDRESS = '127.0.0.200';
const PORT = 30000 + Math.floor(Math.random() * 9000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-tls-'));

// A self-signed RSA certificate for another name, valid 20 days: self-signed, hostname mismatch,
// expiring soon. Protocols TLS 1.0–1.3, a NULL suite and suites without forward secrecy; no HSTS.
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
    '-days',
    '20',
    '-subj',
    '/CN=bench.example.test',
    '-addext',
    'subjectAltName=DNS:bench.example.test',
  ],
  { stdio: 'ignore' },
);
const conf = `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
events { worker_connections 256; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `${n}_temp_path ${join(dir, n)};`).join(' ')}
  server {
    listen ${ADDRESS}:${PORT} ssl;
    ssl_certificate ${join(dir, 'cert.pem')};
    ssl_certificate_key ${join(dir, 'key.pem')};
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
    ssl_ciphers "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA:AES128-SHA:AES256-GCM-SHA384:NULL-SHA256:@SECLEVEL=0";
    ssl_prefer_server_ciphers on;
    location / { return 200 "ok\\n"; }
  }
}
`;
writeFileSync(join(dir, 'nginx.conf'), conf);
const nginx = spawn(
  '/usr/sbin/nginx',
  [
    '-e',
    join(dir, 'error.log'),
    '-p',
    dir,
    '-c',
    join(dir, 'nginx.conf'),
    '-g',
    `daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')};`,
  ],
  { stdio: 'ignore' },
);

const accepts = () =>
  new Promise((resolve) => {
    const s = connect({ host: ADDRESS, port: PORT }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
for (let i = 0; !(await accepts()); i++) {
  if (i > 100)
    throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
  await new Promise((r) => setTimeout(r, 50));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const today = new Date().toISOString().slice(0, 10);
const net = nodeNet();

async function vigie() {
  const started = performance.now();
  const observation = await probeTls(net, { address: ADDRESS, port: PORT }, { timeoutMs: 3000 });
  const findings = runChecks(TLS_CHECKS, observation, { today, expectedHost: ADDRESS, ca: [] });
  const http = await probeHttp(
    net,
    { address: ADDRESS, port: PORT, tls: true, host: null },
    { timeoutMs: 3000, extraRequests: false, plainPort: null },
  );
  return { ms: performance.now() - started, observation, findings, http };
}

function timed(command, args) {
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { ms: performance.now() - started, status: run.status, stdout: run.stdout };
}

// --- verdicts in one vocabulary -------------------------------------------------------------
const CLASSES = ['NULL', 'anon', 'export', 'RC4', '3DES', 'noFS'];
function classOfOpenssl(name) {
  const out = [];
  if (/NULL/.test(name) && !/^A(EC)?DH|ADH/.test(name)) out.push('NULL');
  if (/^(ADH|AECDH)/.test(name)) out.push('anon');
  if (/EXP/.test(name)) out.push('export');
  if (/RC4/.test(name)) out.push('RC4');
  if (/DES-CBC3|3DES/.test(name)) out.push('3DES');
  if (!/^(ECDHE|DHE|EDH|TLS_|AECDH|ADH)/.test(name) && !/NULL/.test(name)) out.push('noFS');
  return out;
}

function ours(run) {
  const o = run.observation;
  const classes = new Set();
  for (const list of o.ciphers)
    for (const code of list.suites) {
      const s = suiteByCode(code);
      if (s === undefined) continue;
      if (s.flags.null) classes.add('NULL');
      if (s.flags.anon) classes.add('anon');
      if (s.flags.export) classes.add('export');
      if (s.flags.rc4) classes.add('RC4');
      if (s.flags['3des']) classes.add('3DES');
      if (!s.forwardSecrecy && !s.flags.null && !s.flags.anon) classes.add('noFS');
    }
  const ids = new Set(run.findings.map((f) => f.check));
  return {
    protocols: o.protocols,
    classes: CLASSES.filter((c) => classes.has(c)),
    expired: ids.has('tls-certificate-expired'),
    selfSigned: ids.has('tls-certificate-self-signed'),
    hostMismatch: ids.has('tls-certificate-hostname-mismatch'),
    hsts: run.http.hsts !== null,
  };
}

function sslscanVerdicts(xml) {
  const enabled = (v) =>
    new RegExp(`<protocol type="(ssl|tls)" version="${v}" enabled="1"`).test(xml);
  const names = [
    ...xml.matchAll(/<cipher status="(?:accepted|preferred)"[^>]*cipher="([^"]+)"/g),
  ].map((m) => m[1]);
  const classes = new Set(names.flatMap(classOfOpenssl));
  const altnames = /<altnames>([^<]*)</.exec(xml)?.[1] ?? '';
  const subject = /<subject><!\[CDATA\[([^\]]*)/.exec(xml)?.[1] ?? '';
  return {
    protocols: {
      ssl3: enabled('3'),
      tls10: enabled('1.0'),
      tls11: enabled('1.1'),
      tls12: enabled('1.2'),
      tls13: enabled('1.3'),
    },
    classes: CLASSES.filter((c) => classes.has(c)),
    expired: /<expired>true<\/expired>/.test(xml),
    selfSigned: /<self-signed>true<\/self-signed>/.test(xml),
    hostMismatch: !`${altnames} ${subject}`.includes(ADDRESS),
    hsts: null,
  };
}

function testsslVerdicts(json) {
  const byId = new Map(json.map((e) => [e.id, e.finding ?? '']));
  const offered = (id) => /^offered/.test(byId.get(id) ?? '');
  const classes = [];
  if (offered('cipherlist_NULL')) classes.push('NULL');
  if (offered('cipherlist_aNULL')) classes.push('anon');
  if (offered('cipherlist_EXPORT')) classes.push('export');
  if (
    json.some(
      (e) =>
        /RC4/.test(e.id) &&
        /VULNERABLE|offered/.test(e.finding ?? '') &&
        !/not/.test(e.finding ?? ''),
    )
  )
    classes.push('RC4');
  if (offered('cipherlist_3DES_IDEA')) classes.push('3DES');
  if (
    offered('cipherlist_OBSOLETED') ||
    offered('cipherlist_STRONG_NOFS') ||
    offered('cipherlist_AVERAGE')
  )
    classes.push('noFS');
  const trust = [...byId]
    .filter(([id]) => id.startsWith('cert_chain_of_trust') || id.startsWith('cert_trust'))
    .map(([, f]) => f)
    .join(' ');
  return {
    protocols: {
      ssl3: offered('SSLv3'),
      tls10: offered('TLS1'),
      tls11: offered('TLS1_1'),
      tls12: offered('TLS1_2'),
      tls13: offered('TLS1_3'),
    },
    classes: CLASSES.filter((c) => classes.includes(c)),
    expired:
      /expired/i.test(byId.get('cert_expirationStatus') ?? '') &&
      !/expires/.test(byId.get('cert_expirationStatus') ?? ''),
    selfSigned: /self signed/i.test(trust),
    hostMismatch: /not match|does not/i.test(byId.get('cert_trust') ?? ''),
    hsts: !/not offered/i.test(byId.get('HSTS') ?? 'not offered'),
  };
}

try {
  const vigieRuns = [];
  for (let i = 0; i < RUNS; i++) vigieRuns.push(await vigie());
  console.error(`vigie: ${vigieRuns.map((r) => Math.round(r.ms)).join(', ')} ms`);
  const sslscanRuns = [];
  for (let i = 0; i < RUNS; i++)
    sslscanRuns.push(
      timed('sslscan', ['--no-colour', `--xml=${join(dir, 'sslscan.xml')}`, `${ADDRESS}:${PORT}`]),
    );
  console.error(`sslscan: ${sslscanRuns.map((r) => Math.round(r.ms)).join(', ')} ms`);
  const testsslRun = timed('testssl', [
    '--quiet',
    '--color',
    '0',
    '--warnings',
    'off',
    '--jsonfile',
    join(dir, 'testssl.json'),
    `${ADDRESS}:${PORT}`,
  ]);

  const v = ours(vigieRuns[0]);
  const s = sslscanVerdicts(readFileSync(join(dir, 'sslscan.xml'), 'utf8'));
  const t = testsslVerdicts(JSON.parse(readFileSync(join(dir, 'testssl.json'), 'utf8')));
  const rows = ['protocols', 'classes', 'expired', 'selfSigned', 'hostMismatch', 'hsts'].map(
    (key) => {
      const [a, b, c] = [v[key], s[key], t[key]].map((x) => JSON.stringify(x));
      const same = (x) => x === 'null' || x === a;
      return {
        verdict: key,
        vigie: a,
        sslscan: b,
        testssl: c,
        agree: same(b) && same(c) ? 'yes' : 'NO',
      };
    },
  );
  console.log(
    `TLS audit of ${ADDRESS}:${PORT} (nginx, mixed configuration), ${RUNS} runs each but testssl (1)`,
  );
  console.table(rows);
  const vm = median(vigieRuns.map((r) => r.ms));
  const sm = median(sslscanRuns.map((r) => r.ms));
  console.table([
    { tool: 'vigie (probeTls + checks + HSTS)', ms: Math.round(vm), ratio: '1.0' },
    { tool: 'sslscan', ms: Math.round(sm), ratio: (sm / vm).toFixed(1) },
    { tool: 'testssl.sh', ms: Math.round(testsslRun.ms), ratio: (testsslRun.ms / vm).toFixed(1) },
  ]);
  console.log(
    `targets: ≥ 20× faster than testssl.sh: ${testsslRun.ms / vm >= 20 ? 'met' : 'MISSED'}; ` +
      `no slower than sslscan: ${vm <= sm ? 'met' : 'MISSED'}; verdicts agree: ${rows.every((r) => r.agree === 'yes') ? 'yes' : 'NO'}`,
  );
  console.log(`vigie findings: ${vigieRuns[0].findings.map((f) => f.check).join(', ')}`);
} finally {
  nginx.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  rmSync(dir, { recursive: true, force: true });
}
