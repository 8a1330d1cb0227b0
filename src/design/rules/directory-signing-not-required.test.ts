import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { directorySigningNotRequired } from './directory-signing-not-required.js';

const base = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: srv, kind: server }
assets:
  - { id: pc, kind: workstation, zone: lan }
  - { id: files, kind: file-server, zone: srv }
`;

describe('directory-signing-not-required', () => {
  it('fires with a medium severity on a directory whose service or flows do not require signing', () => {
    const findings = runRule(
      directorySigningNotRequired,
      `${base}  - id: dc
    kind: directory
    zone: srv
    services: [{ port: 445, signing: false }, { port: 389, protocol: ldap, signing: true }]
processes: [{ id: logon, needs: { integrity: 4, confidentiality: 4 }, assets: [dc] }]
flows:
  - { id: pc-ldap, from: pc, to: dc, protocol: ldap, port: 389, signing: false }
  - { id: pc-smb, from: pc, to: files, protocol: smb, port: 445, signing: false }
`,
    );
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['directory-signing-not-required@dc', 'medium'],
    ]);
    expect(findings[0]?.subjects).toEqual(['dc', 'pc-ldap']);
    expect(findings[0]?.detail).toBe(
      'dc does not require message signing: services smb/445; flows pc-ldap (ldap/389).',
    );
  });

  it('says nothing when signing is required or not stated, and in the demo', () => {
    const findings = runRule(
      directorySigningNotRequired,
      `${base}  - { id: dc, kind: directory, zone: srv, services: [{ port: 445 }, { port: 389, signing: true }] }
flows:
  - { id: pc-ldap, from: pc, to: dc, protocol: ldap, port: 389 }
  - { id: pc-smb, from: pc, to: dc, protocol: smb, port: 445, signing: true }
`,
    );
    expect(findings).toEqual([]);
    expect(runRule(directorySigningNotRequired, exampleModel('forges-de-l-est'))).toEqual([]);
  });
});
