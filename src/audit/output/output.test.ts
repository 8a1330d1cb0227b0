import { describe, expect, it } from 'vitest';
import { sampleResults } from '../../../test/support/audit-results.js';
import { auditToCsv } from './csv.js';
import { auditToSarif } from './sarif.js';

describe('audit outputs', () => {
  const results = sampleResults();

  it('SARIF: one descriptor per check, one result per finding with its CVSS and target', () => {
    const log = auditToSarif(results, { locale: 'fr' });
    const run = log.runs[0];
    expect(run?.tool.driver.rules?.map((r) => r.id).sort()).toEqual([
      'drift-undeclared-port',
      'ssh-password-auth',
      'tls-certificate-expired',
      'tls-protocol-tls10',
    ]);
    expect(run?.results).toHaveLength(results.findings.length);
    const password = run?.results?.find((r) => r.ruleId === 'ssh-password-auth');
    expect(password).toMatchObject({
      level: 'error',
      properties: { 'security-severity': '9.8' },
      locations: [
        {
          logicalLocations: [
            { fullyQualifiedName: '127.0.0.90:22' },
            { fullyQualifiedName: 'srv-web' },
          ],
        },
      ],
    });
    expect(password?.message.text).toContain('Authentification SSH par mot de passe');
    for (const result of run?.results ?? []) {
      expect(run?.tool.driver.rules?.[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    }
  });

  it('CSV: a header in the chosen language, one defused row per finding', () => {
    const csv = auditToCsv(results, 'en');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,severity,cvss,vector,domain,check,target,entities,title,detail,evidence,remediation',
    );
    expect(lines).toHaveLength(results.findings.length + 1);
    expect(csv).toContain(
      '"evidence for ssh-password-auth on 127.0.0.90:22, ""quoted"", =formula"',
    );
    expect(auditToCsv(results, 'fr').split('\r\n')[0]).toContain('gravité');
  });
});
