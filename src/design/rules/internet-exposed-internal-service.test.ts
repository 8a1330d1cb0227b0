import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { internetExposedInternalService } from './internet-exposed-internal-service.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: srv, kind: server }
  - { id: remote, kind: remote-access }
assets:
  - { id: fw, kind: firewall }
  - { id: db, kind: database, zone: srv }
  - { id: files, kind: file-server, zone: srv }
data: [{ id: customers, needs: { confidentiality: 4 }, storedOn: [db] }]
flows:
`;

describe('internet-exposed-internal-service', () => {
  it('fires on a database and a file share reached from the Internet', () => {
    const findings = runRule(
      internetExposedInternalService,
      `${base}  - { id: sql, from: internet, to: db, protocol: mssql, port: 1433, via: [fw] }
  - { id: shares, from: internet, to: files, protocol: smb, port: 445 }
`,
    );
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['internet-exposed-internal-service@db', 'critical'],
      ['internet-exposed-internal-service@files', 'medium'],
    ]);
    expect(findings[0]?.subjects).toEqual(['db', 'sql', 'fw']);
    expect(findings[0]?.detail).toBe(
      'db is reached from the Internet with internal protocols: sql (mssql/1433).',
    );
  });

  it('stays silent for the same protocols from the remote-access zone and for HTTPS from the Internet', () => {
    const findings = runRule(
      internetExposedInternalService,
      `${base}  - { id: sql, from: remote, to: db, protocol: mssql, port: 1433 }
  - { id: web, from: internet, to: files, protocol: https, port: 443 }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds nothing in the demo, which publishes no internal protocol', () => {
    expect(runRule(internetExposedInternalService, exampleModel('forges-de-l-est'))).toEqual([]);
  });
});

describe('internet-exposed-internal-service: protocols of the registry', () => {
  it('fires on every database protocol and on medical protocols, less likely from listed sources', () => {
    const findings = runRule(
      internetExposedInternalService,
      `${base}  - { id: mongo, from: internet, to: db, protocol: mongodb, port: 27017, via: [fw] }
  - { id: hl7, from: internet, to: files, protocol: hl7-mllp, port: 2575, via: [fw], allowedSources: [198.51.100.7] }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood])).toEqual([
      ['internet-exposed-internal-service@db', 4],
      ['internet-exposed-internal-service@files', 3],
    ]);
  });
});
