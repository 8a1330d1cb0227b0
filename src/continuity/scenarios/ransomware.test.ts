import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { simulateScenario } from './simulate.js';

/**
 * pc in the office. From there: a flow to fs (a foothold, not admin), app's RDP admin interface
 * open to the office (admin), a flow to vault (a foothold). On app log in op (admin of hv, reached
 * by a flow from app) and u1 (user on nas, in app's zone). hv hosts vm. Backups: b-app on app
 * (encrypted storage), b-repl a replication of app, b-imm immutable on hv, b-nas on nas (not
 * reached), b-vault on vault (exposed: a flow from the office reaches it).
 */
const model = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: srv, kind: server }
  - { id: adm, kind: admin }
assets:
  - { id: pc, kind: workstation, zone: lan, recovery: { duration: 1h } }
  - { id: fs, kind: file-server, zone: srv }
  - { id: app, kind: server, zone: srv, recovery: { duration: 2h }, adminInterfaces: [{ protocol: rdp, from: [lan] }] }
  - { id: hv, kind: hypervisor, zone: adm, recovery: { duration: 3h } }
  - { id: vm, kind: virtual-machine, hostedOn: hv, zone: srv, recovery: { duration: 1h } }
  - { id: nas, kind: storage, zone: srv }
  - { id: vault, kind: storage, zone: adm }
  - { id: lone, kind: server, zone: adm }
flows:
  - { id: f1, from: lan, to: fs, protocol: smb }
  - { id: f2, from: app, to: hv, protocol: https }
  - { id: f3, from: lan, to: vault, protocol: smb }
identities:
  - { id: op, kind: person, loginFrom: [app], rights: [{ on: hv, level: admin }] }
  - { id: u1, kind: person, loginFrom: [app], rights: [{ on: nas, level: user }] }
backups:
  - { id: b-app, protects: [fs], target: app, frequency: 1h }
  - { id: b-repl, protects: [app], method: replication, target: vault }
  - { id: b-imm, protects: [app], target: hv, immutable: true, frequency: 1d }
  - { id: b-nas, protects: [fs], target: nas, frequency: 1d }
  - { id: b-vault, protects: [fs], target: vault, frequency: 4h }
processes:
  - { id: p1, rto: 8h, rpo: 1d, assets: [app] }
  - { id: p2, rto: 1h, assets: [lone] }
`;

describe('ransomware', () => {
  const { graph } = modelFrom(model);
  const result = simulateScenario(graph, { kind: 'ransomware', target: 'pc' });

  it('encrypts what the attack graph reaches with admin control, not mere footholds', () => {
    expect(result.error).toBeUndefined();
    expect(result.title.en).toBe('Ransomware from pc');
    expect(result.lost).toEqual([
      { asset: 'app', cause: 'encrypted' }, // its admin interface, open to the office
      { asset: 'hv', cause: 'encrypted', via: 'op' }, // op's admin right, stolen on app
      { asset: 'pc', cause: 'encrypted' }, // the entry point
      { asset: 'vm', cause: 'encrypted', via: 'hv' }, // its host
    ]);
  });

  it('loses backups on encrypted storage, replicas and exposed ones; isolated ones survive', () => {
    const fates = Object.fromEntries(result.backups.map((b) => [b.backup, b.survives]));
    expect(fates).toEqual({
      'b-app': false,
      'b-repl': false,
      'b-imm': true,
      'b-vault': false,
    }); // b-nas copies fs, which is not lost: not concerned
    const reason = (id: string) => result.backups.find((b) => b.backup === id)?.reason.en;
    expect(reason('b-app')).toBe('Its storage is encrypted: app.');
    expect(reason('b-repl')).toBe('A replication of encrypted data: it copies the encryption.');
    expect(reason('b-vault')).toMatch(
      /^Exposed to the office zones the ransomware starts from: flow f3/,
    );
  });

  it('restores from the immutable copy and meets p1; p2 is untouched', () => {
    // app's own data: the immutable daily copy → 1 day against RPO 1 day
    expect(result.dataLoss.find((d) => d.entity === 'app')).toEqual({
      entity: 'app',
      windowMinutes: 1440,
      rpo: 1440,
      status: 'met',
      from: 'b-imm',
    });
    // p1 needs app (2 h) and hv, the hypervisor app calls (3 h): one team, 5 h, before pc and vm
    expect(result.processes.find((p) => p.process === 'p1')).toMatchObject({
      impacted: true,
      achievable: 300,
      rtoStatus: 'met',
      rpoStatus: 'met',
    });
    expect(result.processes.find((p) => p.process === 'p2')?.impacted).toBe(false);
    expect(
      result.runbook
        .slice(0, 2)
        .map((s) => s.asset)
        .sort(),
    ).toEqual(['app', 'hv']);
    expect(result.runbook[1]?.end).toBe(300);
    expect(result.runbook.find((s) => s.asset === 'app')?.action.en).toBe('Restore app from b-imm');
  });

  it('from an asset nothing leaves, encrypts that asset alone', () => {
    const alone = simulateScenario(graph, { kind: 'ransomware', target: 'lone' });
    expect(alone.lost).toEqual([{ asset: 'lone', cause: 'encrypted' }]);
    expect(alone.backups).toEqual([]);
  });

  it('reports an unknown entry point as an error', () => {
    const unknown = simulateScenario(graph, { kind: 'ransomware', target: 'ghost' });
    expect(unknown.error?.fr).toContain("ghost n'est pas un actif du modèle");
  });
});
