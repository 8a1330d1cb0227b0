/**
 * The TLS audit against a real nginx on loopback (127.0.0.50, ports 24001–24099), one server block
 * per case derived from badssl.com's (self-signed, expired, wrong host, incomplete chain, TLS 1.0/1.1
 * only, NULL and anonymous suites, no forward secrecy, weak DH, RSA 1024, SHA-1, …) with
 * certificates made by the test PKI: `probeTls` + `TLS_CHECKS` find exactly the known defects of
 * each configuration and nothing on the hardened Mozilla-intermediate one. Debian's OpenSSL 3
 * has no RC4, 3DES, DES or export suites left, so those cases are covered by the checks' unit tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/audit/findings.js';
import { nodeNet } from '../../src/audit/net/node-net.js';
import { TLS_CHECKS } from '../../src/audit/tls/checks/index.js';
import type { TlsCheckContext } from '../../src/audit/tls/checks/index.js';
import { probeTls } from '../../src/audit/tls/probe.js';
import { tlsVerdicts } from '../../src/audit/tls/verdicts.js';
import { createTestPki, type LeafKind, type TestPki } from '../support/certs.js';
import { startNginx, type NginxServerBlock, type RunningNginx } from '../support/nginx.js';

const ADDRESS = '127.0.0.50';
const INTERMEDIATE =
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:' +
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:' +
  'DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305';

interface Case {
  readonly name: string;
  readonly port: number;
  readonly leaf?: LeafKind;
  readonly protocols?: string;
  readonly ciphers?: string;
  readonly prefer?: boolean;
  readonly weakDh?: boolean;
  /** The exact set of check ids the audit must report. */
  readonly expected: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'hardened (Mozilla intermediate)', port: 24001, expected: [] },
  {
    name: 'self-signed',
    port: 24002,
    leaf: 'selfSigned',
    expected: ['tls-certificate-self-signed'],
  },
  { name: 'expired', port: 24003, leaf: 'expired', expected: ['tls-certificate-expired'] },
  {
    name: 'not yet valid',
    port: 24004,
    leaf: 'notYetValid',
    expected: ['tls-certificate-not-yet-valid'],
  },
  {
    name: 'expiring soon',
    port: 24005,
    leaf: 'expiringSoon',
    expected: ['tls-certificate-expiring-soon'],
  },
  {
    name: 'wrong host',
    port: 24006,
    leaf: 'wrongHost',
    expected: ['tls-certificate-hostname-mismatch'],
  },
  {
    name: 'incomplete chain',
    port: 24007,
    leaf: 'incompleteChain',
    expected: ['tls-certificate-chain-incomplete'],
  },
  {
    name: 'RSA 1024',
    port: 24008,
    leaf: 'rsa1024',
    ciphers: `${INTERMEDIATE}:@SECLEVEL=0`,
    expected: ['tls-certificate-weak-key'],
  },
  {
    name: 'SHA-1 signature',
    port: 24009,
    leaf: 'sha1',
    ciphers: `${INTERMEDIATE}:@SECLEVEL=0`,
    expected: ['tls-certificate-weak-signature'],
  },
  {
    name: 'must-staple',
    port: 24010,
    leaf: 'mustStaple',
    expected: ['tls-certificate-must-staple-without-staple'],
  },
  {
    name: 'TLS 1.0/1.1 only',
    port: 24011,
    protocols: 'TLSv1 TLSv1.1',
    ciphers: 'ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA:@SECLEVEL=0',
    prefer: true,
    expected: ['tls-protocol-tls10', 'tls-protocol-tls11', 'tls-no-tls12', 'tls-cbc-tls10'],
  },
  {
    name: 'NULL suite',
    port: 24012,
    ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:NULL-SHA256:@SECLEVEL=0',
    prefer: true,
    expected: ['tls-cipher-null'],
  },
  {
    name: 'anonymous suite',
    port: 24013,
    ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:AECDH-AES128-SHA:@SECLEVEL=0',
    prefer: true,
    expected: ['tls-cipher-anon'],
  },
  {
    name: 'no forward secrecy',
    port: 24014,
    ciphers: 'AES128-GCM-SHA256:AES256-GCM-SHA384',
    prefer: true,
    expected: ['tls-no-forward-secrecy'],
  },
  {
    name: 'weak DH (1024 bits)',
    port: 24015,
    ciphers: 'DHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0',
    weakDh: true,
    expected: ['tls-weak-dh'],
  },
  {
    name: 'client order with CBC suites',
    port: 24016,
    ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384',
    prefer: false,
    expected: ['tls-no-server-preference'],
  },
  { name: 'TLS 1.2 only', port: 24017, protocols: 'TLSv1.2', expected: ['tls-no-tls13'] },
];

let pki: TestPki;
let nginx: RunningNginx;

function block(pkiFiles: TestPki, c: Case, dh: { weak: string; strong: string }): NginxServerBlock {
  const leaf = pkiFiles.leaves[c.leaf ?? 'valid'];
  return {
    listen: [{ address: ADDRESS, port: c.port, ssl: true }],
    cert: leaf.cert,
    key: leaf.key,
    protocols: c.protocols ?? 'TLSv1.2 TLSv1.3',
    ciphers: c.ciphers ?? INTERMEDIATE,
    preferServerCiphers: c.prefer ?? false,
    dhParam: c.weakDh === true ? dh.weak : dh.strong,
    curves: 'X25519:prime256v1:secp384r1',
  };
}

beforeAll(async () => {
  pki = createTestPki({ hosts: ['localhost', ADDRESS] });
  const dh = { weak: pki.dhParams(1024), strong: pki.dhParams(2048) };
  nginx = await startNginx(CASES.map((c) => block(pki, c, dh)));
}, 60_000);

afterAll(async () => {
  await nginx.stop();
  pki.dispose();
});

const today = new Date().toISOString().slice(0, 10);

/** Probes one case; `anchors` null: the checks get no CA and rely on the probe's verdict. */
async function audit(port: number, anchors: readonly string[] | null = [pki.caPem]) {
  const observation = await probeTls(
    nodeNet(),
    { address: ADDRESS, port, servername: 'localhost' },
    { timeoutMs: 3000, ca: anchors ?? [pki.caPem] },
  );
  const context: TlsCheckContext =
    anchors === null
      ? { today, expectedHost: 'localhost' }
      : { today, expectedHost: 'localhost', ca: anchors };
  return { observation, findings: runChecks(TLS_CHECKS, observation, context) };
}

describe('TLS audit of nginx configurations derived from badssl', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const { observation, findings } = await audit(c.port);
      expect(observation.error).toBeNull();
      expect(findings.map((f) => f.check).sort()).toEqual([...c.expected].sort());
      for (const finding of findings) expect(finding.subject).toBe(`${ADDRESS}:${String(c.port)}`);
    },
    60_000,
  );

  it('calls the test root untrusted against other anchors, and sees the chain gap', async () => {
    const other = createTestPki();
    try {
      const full = await audit(24001, [other.caPem]);
      expect(full.findings.map((f) => f.check)).toEqual(['tls-certificate-untrusted']);
      const gap = await audit(24007, [other.caPem]);
      expect(gap.findings.map((f) => f.check)).toEqual(['tls-certificate-chain-incomplete']);
    } finally {
      other.dispose();
    }
  }, 60_000);

  it('falls back on the probe’s own verdict when no anchors are given', async () => {
    const { findings } = await audit(24007, null);
    expect(findings.map((f) => f.check)).toEqual(['tls-certificate-chain-incomplete']);
  }, 60_000);

  it('meets the Mozilla intermediate profile on the hardened configuration only', async () => {
    const hardened = tlsVerdicts((await audit(24001)).observation);
    const intermediate = hardened.mozilla.find((v) => v.profile === 'intermediate');
    expect(intermediate?.compliant).toBe(true);
    const old = tlsVerdicts((await audit(24011)).observation);
    const oldIntermediate = old.mozilla.find((v) => v.profile === 'intermediate');
    expect(oldIntermediate?.compliant).toBe(false);
    expect(oldIntermediate?.deviations.map((d) => d.en).join('\n')).toMatch(/TLS 1\.0/);
    expect(old.anssi.compliant).toBe(false);
  }, 60_000);
});
