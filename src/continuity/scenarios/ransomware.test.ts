import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { simulateScenario } from './simulate.js';

/**
 * pc in the office (lan), the entry point. Reached with administrator control from lan: app's
 * RDP interface, fw's, plc's and printer's web consoles. On pc log in alice (user on fs, read on
 * archive) and it (admin of the SaaS m365, reached by an HTTPS flow). On app log in op (admin of
 * hv) and da (admin of the directory dc). hv hosts vm and fw-v (a virtual firewall). erp and
 * sw-core are joined to the domain (method directory), lone is not; nothing routes to them.
 * Backups: b-repl-fs replicates fs, b-repl-db replicates db (untouched), b-imm immutable on hv,
 * b-tape offline and immutable on hv, b-imm2 immutable on vault (not reached), b-fs on nas;
 * b-share on share (an SMB flow from lan reaches it) and b-vault on vault copy archive.
 */
const model = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: srv, kind: server }
  - { id: adm, kind: admin }
  - { id: ot, kind: ot }
  - { id: far, kind: server }
assets:
  - { id: pc, kind: workstation, zone: lan, recovery: { duration: 1h } }
  - { id: app, kind: server, zone: srv, adminInterfaces: [{ protocol: rdp, from: [lan] }] }
  - { id: fw, kind: firewall, zone: srv, adminInterfaces: [{ protocol: https, from: [lan] }] }
  - { id: plc, kind: plc, zone: ot, adminInterfaces: [{ protocol: https, from: [lan] }] }
  - { id: printer, kind: printer, zone: lan, adminInterfaces: [{ protocol: http, from: [lan] }] }
  - { id: m365, kind: saas }
  - { id: fs, kind: file-server, zone: srv }
  - { id: archive, kind: file-server, zone: srv }
  - { id: dc, kind: directory, zone: srv }
  - { id: hv, kind: hypervisor, zone: adm }
  - { id: vm, kind: virtual-machine, hostedOn: hv, zone: adm }
  - { id: fw-v, kind: firewall, hostedOn: hv, zone: adm }
  - { id: erp, kind: server, zone: far, authentication: { method: directory } }
  - { id: sw-core, kind: switch, zone: far, authentication: { method: directory } }
  - { id: lone, kind: server, zone: far, authentication: { method: password } }
  - { id: db, kind: database, zone: far }
  - { id: nas, kind: storage, zone: far }
  - { id: vault, kind: storage, zone: far }
  - { id: share, kind: storage, zone: far }
flows:
  - { id: f1, from: lan, to: fs, protocol: smb }
  - { id: f2, from: lan, to: archive, protocol: smb }
  - { id: f3, from: app, to: hv, protocol: https }
  - { id: f4, from: app, to: dc, protocol: ldap }
  - { id: f5, from: lan, to: m365, protocol: https }
  - { id: f6, from: lan, to: share, protocol: smb }
identities:
  - { id: alice, kind: person, loginFrom: [pc], rights: [{ on: fs, level: user }, { on: archive, level: read }] }
  - { id: it, kind: person, loginFrom: [pc], rights: [{ on: m365, level: admin }] }
  - { id: op, kind: person, loginFrom: [app], rights: [{ on: hv, level: admin }] }
  - { id: da, kind: person, loginFrom: [app], rights: [{ on: dc, level: admin }] }
data:
  - { id: d-docs, storedOn: [fs] }
backups:
  - { id: b-repl-fs, protects: [fs], method: replication, target: vault }
  - { id: b-repl-db, protects: [db], method: replication, target: vault }
  - { id: b-imm, protects: [app], target: hv, immutable: true, frequency: 1d }
  - { id: b-tape, protects: [app], target: hv, offline: true, immutable: true, frequency: 1w }
  - { id: b-imm2, protects: [erp], target: vault, immutable: true, frequency: 1d }
  - { id: b-fs, protects: [fs], target: nas, frequency: 1d }
  - { id: b-share, protects: [archive], target: share, frequency: 1d }
  - { id: b-vault, protects: [archive], target: vault, frequency: 1d }
`;

describe('ransomware', () => {
  const { graph } = modelFrom(model);
  const result = simulateScenario(graph, { kind: 'ransomware', target: 'pc' });
  const lost = new Map(result.lost.map((l) => [l.asset, l]));

  it('encrypts servers, storage and workstations under admin control, and the guests of a host', () => {
    expect(result.error).toBeUndefined();
    expect(result.title.en).toBe('Ransomware from pc');
    expect(lost.get('pc')).toEqual({ asset: 'pc', cause: 'encrypted' }); // the entry point
    expect(lost.get('app')).toEqual({ asset: 'app', cause: 'encrypted' }); // its RDP interface
    expect(lost.get('hv')).toEqual({ asset: 'hv', cause: 'encrypted', via: 'op' }); // stolen on app
    expect(lost.get('dc')).toEqual({ asset: 'dc', cause: 'encrypted', via: 'da' });
    expect(lost.get('vm')).toEqual({ asset: 'vm', cause: 'encrypted', via: 'hv' });
    // a virtual firewall's disk is a file of its encrypted host
    expect(lost.get('fw-v')).toEqual({ asset: 'fw-v', cause: 'encrypted', via: 'hv' });
  });

  it('lists network gear, printers and PLCs under control to check, not to rebuild', () => {
    for (const id of ['fw', 'plc', 'printer']) expect(lost.has(id)).toBe(false);
    const check = result.missing.find((m) => m.code === 'to-check');
    expect(check?.subjects).toEqual(['fw', 'plc', 'printer']);
    expect(check?.message.en).toMatch(/^To check and reconfigure: fw, plc, printer\./);
    expect(result.runbook.map((s) => s.asset)).not.toContain('fw');
  });

  it('reports a SaaS whose admin account is stolen as a tenant compromise, not encrypted', () => {
    expect(lost.has('m365')).toBe(false);
    const tenant = result.missing.find((m) => m.code === 'tenant-compromise');
    expect(tenant).toMatchObject({ severity: 'critical', subjects: ['m365'] });
  });

  it('encrypts the shares the stolen accounts can write, not those they only read', () => {
    expect(lost.get('fs')).toEqual({ asset: 'fs', cause: 'encrypted', via: 'alice' });
    expect(lost.has('archive')).toBe(false);
    expect(result.dataLoss.find((d) => d.entity === 'd-docs')).toMatchObject({
      windowMinutes: 1440,
      from: 'b-fs',
    });
  });

  it('once the directory is controlled, encrypts every domain-joined computer', () => {
    expect(lost.get('erp')).toEqual({ asset: 'erp', cause: 'encrypted', via: 'dc' });
    expect(lost.has('sw-core')).toBe(false); // joined, but no OS to encrypt
    expect(lost.has('lone')).toBe(false); // its own accounts
    expect(lost.has('db')).toBe(false);
    expect(result.lost.length).toBe(8);
    expect(result.lost.map((l) => l.asset)).not.toContain('share'); // a flow: a foothold only
  });

  it('loses a replica only with its source; immutable copies on controlled storage survive on an assumption', () => {
    const fate = (id: string) => result.backups.find((b) => b.backup === id);
    expect(fate('b-repl-fs')).toMatchObject({ survives: false });
    expect(fate('b-repl-fs')?.reason.en).toBe(
      'A replication of encrypted data: it copies the encryption.',
    );
    expect(fate('b-repl-db')).toBeUndefined(); // db is untouched: neither lost nor concerned
    expect(fate('b-imm')?.survives).toBe(true);
    expect(fate('b-imm')?.reason.en).toBe(
      'Immutable copy: survives if its immutability resists an administrator of hv.',
    );
    expect(fate('b-tape')?.reason.en).toBe('Offline copy: the ransomware cannot reach it.');
    expect(fate('b-imm2')?.reason.en).toBe(
      'Immutable copy on storage the attacker does not administer.',
    );
    const about = (id: string) => result.assumptions.filter((a) => a.subject === id);
    expect(about('b-imm').map((a) => a.message.en)).toEqual([
      'b-imm: immutability assumed to resist an administrator of hv (compliance mode / retention lock).',
    ]);
    expect(about('b-tape')).toEqual([]);
    expect(about('b-imm2')).toEqual([]);
    // app's data comes back from the immutable daily copy
    expect(result.dataLoss.find((d) => d.entity === 'app')).toMatchObject({
      windowMinutes: 1440,
      from: 'b-imm',
    });
  });

  it('loses a backup exposed to the office on storage the walk reaches, not one out of reach', () => {
    const fate = (id: string) => result.backups.find((b) => b.backup === id);
    expect(fate('b-share')?.survives).toBe(false);
    expect(fate('b-share')?.reason.en).toMatch(
      /^Exposed to the office zones the ransomware starts from: .*f6/,
    );
    expect(fate('b-vault')).toBeUndefined(); // archive is not lost, vault not reached
  });

  it('from an asset nothing leaves, encrypts that asset alone', () => {
    const alone = simulateScenario(graph, { kind: 'ransomware', target: 'lone' });
    expect(alone.lost).toEqual([{ asset: 'lone', cause: 'encrypted' }]);
    expect(alone.missing.filter((m) => m.code === 'to-check')).toEqual([]);
  });

  it('from a replicated database, loses the replica with it', () => {
    const db = simulateScenario(graph, { kind: 'ransomware', target: 'db' });
    expect(db.lost).toEqual([{ asset: 'db', cause: 'encrypted' }]);
    expect(db.backups).toMatchObject([{ backup: 'b-repl-db', survives: false }]);
  });

  it('reports an unknown entry point as an error', () => {
    const unknown = simulateScenario(graph, { kind: 'ransomware', target: 'ghost' });
    expect(unknown.error?.fr).toContain("ghost n'est pas un actif du modèle");
  });
});
