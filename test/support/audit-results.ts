/**
 * A small, realistic audit campaign result for tests of what presents audits (SARIF, CSV, the
 * report document, the platform): findings built through the real `toFinding` from checks
 * written here, so severities and scores are the engine's.
 */
import { toFinding } from '../../src/audit/findings.js';
import type { AuditFinding, AuditResults, CheckMetadata } from '../../src/audit/types.js';
import { text } from '../../src/design/text.js';

const meta = (
  id: string,
  domain: CheckMetadata['domain'],
  cvss: string,
  title: [string, string],
): CheckMetadata => ({
  id,
  domain,
  title: text(...title),
  description: text(`${title[0]}.`, `${title[1]}.`),
  rationale: text('Why it matters.', 'Pourquoi c’est important.'),
  remediation: text(`Fix ${id}.`, `Corriger ${id}.`),
  cvss,
  references: [{ source: 'anssi', id: 'TLS R1', url: 'https://cyber.gouv.fr/' }],
});

export const SAMPLE_CHECKS = {
  tls10: meta('tls-protocol-tls10', 'tls', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N', [
    'TLS 1.0 accepted',
    'TLS 1.0 accepté',
  ]),
  expired: meta('tls-certificate-expired', 'tls', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N', [
    'Certificate expired',
    'Certificat expiré',
  ]),
  password: meta('ssh-password-auth', 'ssh', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', [
    'SSH password authentication',
    'Authentification SSH par mot de passe',
  ]),
  undeclared: meta(
    'drift-undeclared-port',
    'drift',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
    ['Undeclared open port', 'Port ouvert non déclaré'],
  ),
} as const;

function finding(check: CheckMetadata, subject: string, entities: string[] = []): AuditFinding {
  return toFinding(check, {
    subject,
    detail: text(`Seen on ${subject}.`, `Vu sur ${subject}.`),
    evidence: `evidence for ${check.id} on ${subject}, "quoted", =formula`,
    entities,
  });
}

/** A campaign on two loopback hosts; `omit` leaves findings out (a later, partly fixed campaign). */
export function sampleResults(
  options: { id?: string; omit?: readonly string[]; add?: readonly AuditFinding[] } = {},
): AuditResults {
  const all = [
    finding(SAMPLE_CHECKS.password, '127.0.0.90:22', ['srv-web']),
    finding(SAMPLE_CHECKS.expired, '127.0.0.90:443', ['srv-web']),
    finding(SAMPLE_CHECKS.tls10, '127.0.0.90:443', ['srv-web']),
    finding(SAMPLE_CHECKS.tls10, '127.0.0.91:8443'),
    {
      ...finding(SAMPLE_CHECKS.undeclared, '127.0.0.90:8080', ['srv-web']),
      proposal: {
        kind: 'update-entity' as const,
        section: 'assets' as const,
        id: 'srv-web',
        fields: {
          services: [
            { port: 443, protocol: 'https' },
            { port: 8080, protocol: 'http' },
          ],
        },
      },
    },
    ...(options.add ?? []),
  ].filter((f) => !(options.omit ?? []).includes(f.id));
  return {
    format: 'vigie-audit-results',
    version: 1,
    campaign: {
      id: options.id ?? 'c-2026-12-08',
      name: 'Audit Q4',
      startedAt: '2026-12-08T09:00:00.000Z',
      finishedAt: '2026-12-08T09:02:30.000Z',
      vantage: 'lan',
      model: { name: 'Forges de l’Est', digest: 'sha256:abc' },
      scope: { file: 'scope.yaml', targets: 2, ports: 'declared + top1000' },
      tool: { name: 'vigie', version: '0.1.0' },
    },
    hosts: [
      {
        address: '127.0.0.90',
        hostnames: ['web.example.test'],
        entities: ['srv-web'],
        reachable: true,
        open: [
          {
            port: 22,
            transport: 'tcp',
            service: { protocol: 'ssh', tls: false, product: 'OpenSSH', version: '9.2p1' },
          },
          {
            port: 443,
            transport: 'tcp',
            service: { protocol: 'https', tls: true, product: 'nginx' },
          },
          { port: 8080, transport: 'tcp', service: { protocol: 'http', tls: false } },
        ],
        tried: 1003,
      },
      {
        address: '127.0.0.91',
        hostnames: [],
        entities: [],
        reachable: true,
        open: [{ port: 8443, transport: 'tcp' }],
        tried: 1000,
      },
    ],
    observations: { tls: [], ssh: [], http: [], dns: [], host: null },
    findings: all,
    refused: [
      { address: '127.0.0.95', port: 22, reason: '127.0.0.95 is excluded by line 9 of scope.yaml' },
    ],
    errors: [],
    stats: { durationMs: 150_000, connections: 2010 },
  };
}
