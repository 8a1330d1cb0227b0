/**
 * DNS and mail audit against a real authoritative server (Debian's nsd) on loopback: a hardened
 * domain (good.test: strict SPF, 2048-bit DKIM, DMARC reject with reports, MX with STARTTLS and a
 * trusted certificate, MTA-STS enforce, TLS-RPT, CAA, DNSSEC-signed) gives no finding; a weak one
 * (bad.test) gives exactly its known weaknesses; a hostile resolver costs one timeout, no throw.
 */
import { execFileSync } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { createServer as createTcpServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DNS_CHECKS, dnsClient, probeDnsMail } from '../../src/audit/dns/index.js';
import type { DnsMailObservation } from '../../src/audit/dns/observation.js';
import { runChecks } from '../../src/audit/findings.js';
import { nodeNet } from '../../src/audit/net/node-net.js';
import { scopedNet } from '../../src/audit/net/scoped.js';
import { parseScope, resolveScope } from '../../src/audit/scope/index.js';
import type { AuditNet, ScopeGuard } from '../../src/audit/net/types.js';
import { createTestPki, type TestPki } from '../support/certs.js';
import { startNsd, txtData, type RunningNsd } from '../support/nsd.js';

const DNS = { address: '127.0.0.80', port: 27053 };
const SMTP_PORT = 27025;
const HTTPS_PORT = 27443;
const TIMEOUT_MS = 1500;
const TODAY = new Date().toISOString().slice(0, 10);

/** Only 127.0.0.80–89, ports 27000–27999: anything else is refused before a packet. */
const GUARD: ScopeGuard = {
  check(endpoint) {
    const match = /^127\.0\.0\.(\d+)$/.exec(endpoint.address);
    const host = match === null ? -1 : Number(match[1]);
    if (host < 80 || host > 89)
      return { allowed: false, reason: `${endpoint.address} is out of scope` };
    if (endpoint.port < 27000 || endpoint.port > 27999)
      return { allowed: false, reason: `port ${String(endpoint.port)} is out of scope` };
    return { allowed: true };
  },
};

/** A DKIM public key (base64 SPKI) of an RSA key openssl makes now. */
function dkimKey(bits: number): string {
  const pem = execFileSync(
    'openssl',
    ['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${String(bits)}`],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const der = execFileSync('openssl', ['pkey', '-pubout', '-outform', 'DER'], { input: pem });
  return der.toString('base64');
}

function goodZone(): string[] {
  const policy = 'v=spf1 ip4:127.0.0.81 include:_spf.good.test -all';
  return [
    `@ IN TXT "${policy}"`,
    '_spf IN TXT "v=spf1 ip4:127.0.0.81 -all"',
    `s1._domainkey IN TXT ${txtData(`v=DKIM1; k=rsa; p=${dkimKey(2048)}`)}`,
    '_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@good.test"',
    '@ IN MX 10 mx',
    'mx IN A 127.0.0.81',
    '_mta-sts IN TXT "v=STSv1; id=20261208"',
    'mta-sts IN A 127.0.0.82',
    '_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:tlsrpt@good.test"',
    '@ IN CAA 0 issue "ca.good.test"',
  ];
}

function badZone(): string[] {
  // 3 includes + 3 lookups in each of them = 12 DNS-querying terms (RFC 7208 allows 10)
  const nested = '"v=spf1 a:ns.bad.test mx:bad.test exists:ns.bad.test ?all"';
  return [
    '@ IN TXT "v=spf1 include:a._spf.bad.test include:b._spf.bad.test include:c._spf.bad.test +all"',
    `a._spf IN TXT ${nested}`,
    `b._spf IN TXT ${nested}`,
    `c._spf IN TXT ${nested}`,
    `s1._domainkey IN TXT ${txtData(`v=DKIM1; k=rsa; p=${dkimKey(1024)}`)}`,
    '_dmarc IN TXT "v=DMARC1; p=none"',
    '@ IN MX 10 mx',
    'mx IN A 127.0.0.83',
  ];
}

const BAD_EXPECTED = [
  'dns-caa-missing',
  'dns-dnssec-missing',
  'mail-dkim-weak-key',
  'mail-dmarc-no-reports',
  'mail-dmarc-not-enforced',
  'mail-mta-sts-missing',
  'mail-mx-no-starttls',
  'mail-spf-permissive',
  'mail-spf-too-many-lookups',
  'mail-tls-rpt-missing',
];

const listen = (server: SMTPServer | Server, host: string, port: number) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      resolve();
    });
  });

let nsd: RunningNsd | undefined;
let pki: TestPki | undefined;
const servers: (SMTPServer | Server)[] = [];
const refused: { address: string; port: number; reason: string }[] = [];
const net: AuditNet = scopedNet(nodeNet(), GUARD, { refused });

function close(server: SMTPServer | Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
}

beforeAll(async () => {
  pki = createTestPki({ hosts: ['mx.good.test', 'mta-sts.good.test'] });
  const key = readFileSync(pki.leaves.valid.key);
  const cert = readFileSync(pki.leaves.valid.cert);
  const goodSmtp = new SMTPServer({ key, cert, authOptional: true, logger: false });
  const badSmtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    hideSTARTTLS: true,
    authOptional: true,
    logger: false,
  });
  const policyServer = createHttpsServer({ key, cert }, (request, response) => {
    if (request.url !== '/.well-known/mta-sts.txt') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('version: STSv1\r\nmode: enforce\r\nmx: mx.good.test\r\nmax_age: 604800\r\n');
  });
  servers.push(goodSmtp, badSmtp, policyServer);
  await listen(goodSmtp, '127.0.0.81', SMTP_PORT);
  await listen(badSmtp, '127.0.0.83', SMTP_PORT);
  await listen(policyServer, '127.0.0.82', HTTPS_PORT);
  nsd = await startNsd(DNS.address, DNS.port, [
    { name: 'good.test', records: goodZone(), signed: true },
    { name: 'bad.test', records: badZone() },
    {
      name: 'far.test',
      records: [
        '@ IN TXT "v=spf1 mx -all"',
        '_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@far.test"',
        '@ IN MX 10 mx',
        'mx IN A 127.0.0.1',
      ],
    },
  ]);
}, 60_000);

afterAll(async () => {
  await nsd?.stop();
  for (const server of servers) await close(server);
  pki?.dispose();
});

async function audit(
  domain: string,
  through: AuditNet = net,
): Promise<{ observation: DnsMailObservation; ids: string[]; ms: number }> {
  const started = Date.now();
  const observation = await probeDnsMail(
    through,
    { domain, resolver: DNS, dkimSelectors: ['s1'] },
    {
      timeoutMs: TIMEOUT_MS,
      smtpPort: SMTP_PORT,
      httpsPort: HTTPS_PORT,
      ca: pki === undefined ? [] : [pki.caPem],
    },
  );
  const findings = runChecks(DNS_CHECKS, observation, { today: TODAY });
  return {
    observation,
    ids: [...new Set(findings.map((f) => f.check))].sort(),
    ms: Date.now() - started,
  };
}

describe('DNS and mail audit against nsd on loopback', () => {
  it('finds nothing on the hardened domain', async () => {
    const { observation, ids, ms } = await audit('good.test');
    expect(observation.resolvable, nsd?.log()).toBe(true);
    expect(ids, JSON.stringify(observation, null, 1)).toEqual([]);
    expect(observation.spf).toMatchObject({ all: '-', lookups: 1, voidLookups: 0 });
    expect(observation.dkim[0]).toMatchObject({ found: true, keyType: 'rsa', bits: 2048 });
    expect(observation.mx[0]).toMatchObject({
      host: 'mx.good.test',
      addresses: ['127.0.0.81'],
      starttls: true,
    });
    expect(observation.mx[0]?.certificate?.authorized).toBe(true);
    expect(observation.mtaSts.policy).toMatchObject({
      fetched: true,
      mode: 'enforce',
      maxAge: 604800,
      mx: ['mx.good.test'],
    });
    expect(observation.dnssec).toMatchObject({ dnskey: true, signed: true });
    expect(observation.caa).toEqual(['0 issue "ca.good.test"']);
    expect(refused).toEqual([]);
    expect(ms).toBeLessThan(10_000);
  });

  it('finds every known weakness of the weak domain, and only those', async () => {
    const { observation, ids } = await audit('bad.test');
    expect(ids, JSON.stringify(observation, null, 1)).toEqual(BAD_EXPECTED);
    expect(observation.spf.all).toBe('+');
    expect(observation.spf.lookups).toBe(12);
    expect(observation.dkim[0]?.bits).toBe(1024);
    expect(observation.dmarc.tags.p).toBe('none');
    expect(observation.mx[0]).toMatchObject({ host: 'mx.bad.test', starttls: false });
    expect(observation.dnssec).toMatchObject({ dnskey: false, signed: false });
  });

  it('never connects to an MX outside the scope: listed as not checked, judged by nothing', async () => {
    const log: { address: string; port: number; reason: string }[] = [];
    const { observation, ids } = await audit(
      'far.test',
      scopedNet(nodeNet(), GUARD, { refused: log }),
    );
    expect(observation.mx[0]).toMatchObject({
      host: 'mx.far.test',
      addresses: ['127.0.0.1'],
      skipped: '127.0.0.1 is out of scope',
      starttls: null,
    });
    expect(log).toEqual([
      { address: '127.0.0.1', port: SMTP_PORT, reason: '127.0.0.1 is out of scope' },
    ]);
    expect(ids.filter((id) => id.startsWith('mail-mx-'))).toEqual([]);
  });

  it('gives the same verdicts through a scope file naming the resolver, domains and selectors', async () => {
    const yaml = [
      'name: mail lab',
      'model: none',
      'ports: declared',
      'targets:',
      `  - { host: 127.0.0.81, ports: [${String(SMTP_PORT)}] }`,
      `  - { host: 127.0.0.82, ports: [${String(HTTPS_PORT)}] }`,
      `  - { host: 127.0.0.83, ports: [${String(SMTP_PORT)}] }`,
      `dns: { resolver: "${DNS.address}:${String(DNS.port)}", domains: [good.test, bad.test], dkimSelectors: [s1] }`,
      '',
    ].join('\n');
    const parsedScope = parseScope(yaml, 'scope.yaml');
    expect(parsedScope.diagnostics).toEqual([]);
    if (parsedScope.scope === null) throw new Error('scope not parsed');
    const scope = await resolveScope(parsedScope.scope);
    expect(scope.dns.resolver).toEqual(DNS);
    const verdicts: Record<string, string[]> = {};
    for (const domain of scope.dns.domains) {
      const resolver = scope.dns.resolver ?? DNS;
      const observation = await probeDnsMail(
        scopedNet(nodeNet(), scope.guard),
        { domain, resolver, dkimSelectors: scope.dns.dkimSelectors },
        {
          timeoutMs: TIMEOUT_MS,
          smtpPort: SMTP_PORT,
          httpsPort: HTTPS_PORT,
          ca: pki === undefined ? [] : [pki.caPem],
        },
      );
      const found = runChecks(DNS_CHECKS, observation, { today: TODAY }).map((f) => f.check);
      verdicts[domain] = [...new Set(found)].sort();
    }
    expect(verdicts).toEqual({ 'good.test': [], 'bad.test': BAD_EXPECTED });
  });

  it('reports a domain the server does not serve as unresolvable, with no finding', async () => {
    const { observation, ids } = await audit('absent.test');
    expect(observation.resolvable).toBe(false);
    expect(observation.error).not.toBeNull();
    expect(ids).toEqual([]);
  });
});

type Hostility = 'garbage' | 'wrong-id' | 'silent' | 'truncated-then-closed';

/** A UDP "resolver" that answers every query with garbage, another id, TC=1, or nothing. */
async function hostileResolver(port: number, mode: Hostility): Promise<Socket> {
  const socket = createSocket('udp4');
  socket.on('message', (query, peer) => {
    if (mode === 'silent') return;
    let answer: Buffer;
    if (mode === 'garbage') answer = Buffer.from('\xc0\xc0garbage that is no DNS message at all');
    else {
      answer = Buffer.from(query);
      answer[2] = 0x83; // QR, TC when asked, RD
      answer[3] = 0x80;
      if (mode === 'wrong-id') answer[0] = (answer[0] ?? 0) ^ 0xff;
      else answer[2] = 0x83 | 0x02;
    }
    socket.send(answer, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => {
    socket.bind(port, '127.0.0.84', () => {
      resolve();
    });
  });
  return socket;
}

describe('a hostile resolver', () => {
  const modes: [Hostility, number][] = [
    ['garbage', 27061],
    ['wrong-id', 27062],
    ['silent', 27063],
    ['truncated-then-closed', 27064],
  ];
  it.each(modes)(
    'answering %s gives an error observation within one timeout',
    async (mode, port) => {
      const socket = await hostileResolver(port, mode);
      try {
        const started = Date.now();
        const observation = await probeDnsMail(
          scopedNet(nodeNet(), GUARD),
          { domain: 'good.test', resolver: { address: '127.0.0.84', port }, dkimSelectors: ['s1'] },
          { timeoutMs: 800, smtpPort: SMTP_PORT, httpsPort: HTTPS_PORT },
        );
        const elapsed = Date.now() - started;
        expect(observation.resolvable).toBe(false);
        expect(observation.error).toMatch(/\S/);
        expect(runChecks(DNS_CHECKS, observation, { today: TODAY })).toEqual([]);
        expect(elapsed).toBeLessThan(2 * 800 + 300);
      } finally {
        await new Promise<void>((resolve) => {
          socket.close(() => {
            resolve();
          });
        });
      }
    },
  );

  it('is refused before any packet when it is out of scope', async () => {
    const observation = await probeDnsMail(
      scopedNet(nodeNet(), GUARD),
      { domain: 'good.test', resolver: { address: '127.0.0.1', port: 27053 }, dkimSelectors: [] },
      { timeoutMs: 800 },
    );
    expect(observation.resolvable).toBe(false);
    expect(observation.error).toMatch(/out of scope/);
  });
});

describe('a truncated UDP answer', () => {
  it('is asked again over TCP and the TCP answer is used', async () => {
    const port = 27065;
    const udp = await hostileResolver(port, 'truncated-then-closed');
    const tcp = createTcpServer((socket) => {
      socket.once('data', (framed) => {
        const query = framed.subarray(2, 2 + framed.readUInt16BE(0));
        const question = query.subarray(0, query.length - 11); // without the OPT record
        const answer = Buffer.concat([
          question,
          Buffer.from([0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 85]),
        ]);
        answer[2] = 0x81;
        answer[3] = 0x80;
        answer.writeUInt16BE(1, 6);
        answer.writeUInt16BE(0, 10);
        const length = Buffer.alloc(2);
        length.writeUInt16BE(answer.length);
        socket.end(Buffer.concat([length, answer]));
      });
    });
    await new Promise<void>((resolve) => {
      tcp.listen(port, '127.0.0.84', () => {
        resolve();
      });
    });
    try {
      const client = dnsClient(scopedNet(nodeNet(), GUARD), { address: '127.0.0.84', port }, 800);
      const outcome = await client.query('big.good.test', 'A');
      expect(outcome.ok && outcome.message.answers.map((a) => a.data)).toEqual([
        { type: 'A', address: '127.0.0.85' },
      ]);
      expect(client.asked()).toBe(2);
    } finally {
      await new Promise<void>((resolve) => {
        udp.close(() => {
          resolve();
        });
      });
      await new Promise<void>((resolve) => {
        tcp.close(() => {
          resolve();
        });
      });
    }
  });
});
