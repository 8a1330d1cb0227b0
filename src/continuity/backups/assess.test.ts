import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../test/support/model.js';
import { assessBackups, describeExposure, type BackupAssessment } from './assess.js';

const TODAY = '2026-12-01';

/**
 * Head office with a user zone and a server zone; the file server fs stores docs, used by the
 * process billing (RPO 1 day). Backups are appended per test.
 */
const base = `
organisation: { name: Test }
sites: [{ id: hq, kind: head-office }, { id: dc2, kind: datacenter }]
zones:
  - { id: lan, kind: user, site: hq }
  - { id: srv, kind: server, site: hq }
  - { id: srv2, kind: server, site: dc2 }
  - { id: cloud, kind: cloud }
assets:
  - { id: fs, kind: file-server, zone: srv }
  - { id: pc, kind: workstation, zone: lan }
  - { id: nas, name: Backup NAS, kind: storage, zone: srv }
  - { id: nas2, kind: storage, zone: srv2 }
  - { id: vault, kind: cloud-service, zone: cloud }
data: [{ id: docs, storedOn: [fs] }]
processes: [{ id: billing, rpo: 1d, data: [docs] }]
`;

function assess(extra: string, maxRestoreTestAgeDays?: number): BackupAssessment {
  const { graph } = modelFrom(`${base}${extra}`);
  return assessBackups(graph, {
    today: TODAY,
    ...(maxRestoreTestAgeDays === undefined ? {} : { maxRestoreTestAgeDays }),
  });
}

const entity = (result: BackupAssessment, id: string) => {
  const found = result.entities.find((e) => e.id === id);
  if (found === undefined) throw new Error(`no entity ${id}`);
  return found;
};
const codes = (result: BackupAssessment, subject: string): string[] =>
  result.flags.filter((f) => f.subjects[0] === subject).map((f) => f.code);
const tested = `lastRestoreTest: { date: '2026-06-01', result: success }`;

describe('assessBackups', () => {
  it('takes the tightest RPO of the processes using an entity, and the assets storing its data', () => {
    const result = assess(`backups: [{ id: b1, protects: [fs], target: nas, frequency: 12h }]\n`);
    expect(entity(result, 'docs').rpo).toEqual({ minutes: 1440, process: 'billing' });
    // fs stores docs: it must meet billing's RPO too, and docs is covered through it
    expect(entity(result, 'fs').rpo).toEqual({ minutes: 1440, process: 'billing' });
    expect(entity(result, 'docs').copies).toMatchObject([
      { backup: 'b1', via: 'fs', meetsRpo: true },
    ]);
    expect(entity(result, 'docs').rpoMet).toBe(true);
    // stateful kinds are in scope; the workstation is not
    expect(result.entities.map((e) => e.id)).toEqual(['docs', 'fs', 'nas', 'nas2', 'vault']);
  });

  it('takes the smaller of two RPOs and flags a backup too rare for it', () => {
    const { graph } = modelFrom(
      base.replace(
        'processes: [{ id: billing, rpo: 1d, data: [docs] }]',
        'processes: [{ id: billing, rpo: 1d, data: [docs] }, { id: audit, rpo: 4h, assets: [fs] }]',
      ) + `backups: [{ id: b1, protects: [docs], target: nas, frequency: 12h }]\n`,
    );
    const result = assessBackups(graph, { today: TODAY });
    expect(entity(result, 'fs').rpo).toEqual({ minutes: 240, process: 'audit' });
    expect(entity(result, 'fs').rpoMet).toBe(false);
    expect(entity(result, 'docs').rpoMet).toBe(true);
    expect(codes(result, 'fs')).toContain('rpo-not-met');
    expect(codes(result, 'docs')).not.toContain('rpo-not-met');
  });

  it('counts 3 copies, 2 media, 1 off site, 1 immutable, 0 errors when all are there', () => {
    const result = assess(`backups:
  - { id: b1, protects: [docs], target: nas, frequency: 1d, retention: 30d, encrypted: true, ${tested} }
  - { id: b2, protects: [docs], target: vault, provider: Vault Co, frequency: 1d, retention: 90d, immutable: true, encrypted: true, ${tested} }
`);
    const docs = entity(result, 'docs');
    expect(docs.grid).toEqual({
      copies: 3,
      media: 3,
      offsite: true,
      isolated: true,
      errorFree: true,
      encrypted: true,
      met: true,
    });
    expect(codes(result, 'docs').filter((c) => c.startsWith('rule-'))).toEqual([]);
    // the immutable cloud copy alone: 2 copies only, every other rule met
    const single = assess(`backups:
  - { id: b2, protects: [docs], target: vault, frequency: 1d, retention: 90d, immutable: true, encrypted: true, ${tested} }
`);
    expect(entity(single, 'docs').grid).toMatchObject({
      copies: 2,
      media: 2,
      offsite: true,
      isolated: true,
      errorFree: true,
      met: false,
    });
    expect(codes(single, 'docs').filter((c) => c.startsWith('rule-'))).toEqual(['rule-3-copies']);
  });

  it('a NAS on the same site joined to the domain is exposed; an immutable cloud copy survives', () => {
    const nasJoined = base.replace(
      '{ id: nas, name: Backup NAS, kind: storage, zone: srv }',
      '{ id: nas, name: Backup NAS, kind: storage, zone: srv, authentication: { method: directory } }',
    );
    const { graph } = modelFrom(`${nasJoined}backups:
  - { id: b1, protects: [docs], target: nas, frequency: 1d }
  - { id: b2, protects: [docs], target: vault, frequency: 1d, immutable: true }
`);
    const result = assessBackups(graph, { today: TODAY });
    const [b1, b2] = result.backups;
    expect(b1).toMatchObject({ backup: 'b1', exposed: true, isolated: false });
    expect(b1?.reasons).toEqual([{ kind: 'domain-joined', asset: 'nas' }]);
    expect(b2).toMatchObject({ backup: 'b2', exposed: false, isolated: true, reasons: [] });
    expect(entity(result, 'docs').survivesRansomware).toBe(true);
    expect(codes(result, 'b1')).toContain('backup-exposed-to-ransomware');
    expect(codes(result, 'b2')).not.toContain('backup-exposed-to-ransomware');
    // the NAS alone: nothing survives, and the NAS copy is not off site
    const alone = assessBackups(
      modelFrom(`${nasJoined}backups: [{ id: b1, protects: [docs], target: nas }]\n`).graph,
      { today: TODAY },
    );
    expect(entity(alone, 'docs').survivesRansomware).toBe(false);
    expect(entity(alone, 'docs').grid.offsite).toBe(false);
    expect(codes(alone, 'docs')).toEqual(
      expect.arrayContaining(['no-backup-survives-ransomware', 'rule-1-offsite', 'rule-1-offline']),
    );
  });

  it('exposes a backup through a flow from the user zone, an admin interface, or a risky admin', () => {
    const flow = assess(`flows: [{ id: f1, from: lan, to: nas, protocol: smb }]
backups: [{ id: b1, protects: [docs], target: nas }]
`);
    expect(flow.backups[0]?.reasons).toEqual([{ kind: 'flow', flow: 'f1', to: 'nas' }]);
    const face = modelFrom(
      base.replace(
        '{ id: nas, name: Backup NAS, kind: storage, zone: srv }',
        '{ id: nas, kind: storage, zone: srv, adminInterfaces: [{ protocol: https, from: [lan] }] }',
      ) + `backups: [{ id: b1, protects: [docs], target: nas }]\n`,
    );
    expect(assessBackups(face.graph, { today: TODAY }).backups[0]?.reasons).toEqual([
      { kind: 'admin-interface', asset: 'nas', from: 'lan' },
    ]);
    const account = assess(`identities:
  - { id: admins, kind: group, privileged: true }
  - { id: alice, kind: person, memberOf: [admins], rights: [{ on: nas, level: admin }] }
  - { id: svc, kind: service-account, rights: [{ on: nas, level: admin }] }
backups: [{ id: b1, protects: [docs], target: nas }]
`);
    // the service account is not used interactively: only alice counts
    expect(account.backups[0]?.reasons).toEqual([
      { kind: 'admin-account', identity: 'alice', asset: 'nas' },
    ]);
    // the same administrator restricted to an admin zone is not held by the attacker
    const restricted = modelFrom(
      base.replace(
        '  - { id: cloud, kind: cloud }',
        '  - { id: adm, kind: admin, site: hq }\n  - { id: cloud, kind: cloud }',
      ) +
        `identities:
  - { id: admins, kind: group, privileged: true }
  - { id: alice, kind: person, memberOf: [admins], loginFrom: [adm], rights: [{ on: nas, level: admin }] }
  - { id: bob, kind: person, shared: true, rights: [{ on: nas2, level: admin }] }
backups: [{ id: b1, protects: [docs], target: nas }, { id: b2, protects: [docs], target: nas2 }]
`,
    );
    const [r1, r2] = assessBackups(restricted.graph, { today: TODAY }).backups;
    expect(r1).toMatchObject({ backup: 'b1', exposed: false });
    expect(r2?.reasons).toEqual([{ kind: 'admin-account', identity: 'bob', asset: 'nas2' }]);
    // a flow from the user zone to the whole server zone reaches the NAS in it
    const zoneFlow = assess(`flows: [{ id: f2, from: pc, to: srv, protocol: smb }]
backups: [{ id: b1, protects: [docs], target: nas }]
`);
    expect(zoneFlow.backups[0]?.reasons).toEqual([{ kind: 'flow', flow: 'f2', to: 'nas' }]);
    // nothing of the kind: not exposed
    const clean = assess(`backups: [{ id: b1, protects: [docs], target: nas }]\n`);
    expect(clean.backups[0]).toMatchObject({ exposed: false, reasons: [] });
  });

  it('reaches the NAS through the backup server writing to it', () => {
    const { graph } = modelFrom(
      base.replace(
        '  - { id: vault',
        '  - { id: bsrv, kind: backup-server, zone: srv, authentication: { method: directory } }\n  - { id: vault',
      ) +
        `flows: [{ id: w, from: bsrv, to: nas, protocol: smb }]
backups: [{ id: b1, protects: [docs], target: nas }]
`,
    );
    expect(assessBackups(graph, { today: TODAY }).backups[0]?.reasons).toEqual([
      { kind: 'domain-joined', asset: 'bsrv' },
    ]);
  });

  it('a replica only gives no backup and no offline copy, even when marked immutable', () => {
    const result = assess(
      `backups: [{ id: r1, method: replication, protects: [docs], target: nas2, immutable: true }]\n`,
    );
    const docs = entity(result, 'docs');
    expect(docs.grid).toMatchObject({ copies: 1, isolated: false, offsite: false, met: false });
    expect(docs.copies).toMatchObject([{ backup: 'r1', replica: true, isolated: false }]);
    expect(codes(result, 'docs')).toContain('replica-only');
    expect(result.backups[0]).toMatchObject({ exposed: true, reasons: [{ kind: 'replica' }] });
  });

  it('a snapshot on the storage it protects is no second medium and is exposed', () => {
    const result = assess(
      `backups: [{ id: s1, method: snapshot, protects: [fs], immutable: true }]\n`,
    );
    expect(entity(result, 'fs').grid).toMatchObject({ copies: 2, media: 1, isolated: false });
    expect(result.backups[0]).toMatchObject({
      isolated: false,
      reasons: [{ kind: 'same-storage' }],
    });
    expect(codes(result, 'fs')).toEqual(expect.arrayContaining(['rule-2-media', 'rule-3-copies']));
  });

  it('counts an off-site copy on another site, and copies declared', () => {
    const result = assess(`backups: [{ id: b1, protects: [fs], target: nas2, copies: 2 }]\n`);
    expect(entity(result, 'fs').grid).toMatchObject({ copies: 3, media: 2, offsite: true });
    expect(result.assumptions.map((a) => a.subject)).not.toContain('b1');
    const one = assess(`backups: [{ id: b1, protects: [fs], target: nas }]\n`);
    expect(one.assumptions.map((a) => a.subject)).toContain('b1');
  });

  it('a restore test 400 days old is stale; 300 days is fine; the age is configurable', () => {
    const old = assess(
      `backups: [{ id: b1, protects: [fs], target: nas, lastRestoreTest: { date: '2025-10-27', result: success } }]\n`,
    );
    expect(old.backups[0]).toMatchObject({ restoreTest: 'stale', restoreTestAgeDays: 400 });
    expect(codes(old, 'b1')).toContain('restore-test-stale');
    expect(entity(old, 'fs').grid.errorFree).toBe(false);
    expect(codes(old, 'fs')).toContain('rule-0-errors');
    expect(old.assumptions.map((a) => a.subject)).toContain('options');
    const recent = assess(
      `backups: [{ id: b1, protects: [fs], target: nas, lastRestoreTest: { date: '2026-02-04', result: success } }]\n`,
    );
    expect(recent.backups[0]).toMatchObject({ restoreTest: 'ok', restoreTestAgeDays: 300 });
    expect(entity(recent, 'fs').grid.errorFree).toBe(true);
    const strict = assess(
      `backups: [{ id: b1, protects: [fs], target: nas, lastRestoreTest: { date: '2026-02-04', result: success } }]\n`,
      200,
    );
    expect(strict.backups[0]?.restoreTest).toBe('stale');
    expect(strict.assumptions.map((a) => a.subject)).not.toContain('options');
  });

  it('flags failed, missing tests, missing encryption and a short retention', () => {
    const result = assess(`backups:
  - { id: b1, protects: [fs], target: nas, frequency: 1d, retention: 3d, lastRestoreTest: { date: '2026-11-01', result: failure } }
  - { id: b2, protects: [fs], target: nas2, encrypted: true }
`);
    expect(codes(result, 'b1')).toEqual(['backup-unencrypted', 'restore-test-failed']);
    expect(codes(result, 'b2')).toEqual(['restore-test-missing']);
    expect(entity(result, 'fs').copies[0]).toMatchObject({ retentionSensible: false });
    expect(codes(result, 'fs')).toContain('retention-too-short');
    expect(entity(result, 'fs').grid.encrypted).toBe(false);
    for (const flag of result.flags) {
      expect(flag.message.en.length).toBeGreaterThan(0);
      expect(flag.message.fr).not.toBe(flag.message.en);
    }
  });

  it('flags a data set with no backup, critical under an RPO', () => {
    const result = assess('');
    expect(result.flags.find((f) => f.subjects[0] === 'docs')).toMatchObject({
      code: 'no-backup',
      severity: 'critical',
    });
    // a cloud service is given back by its supplier: no backup expected
    expect(codes(result, 'vault')).toEqual([]);
  });

  it('flags no backup only on what holds data; stateless devices get a low configuration point', () => {
    const { graph } = modelFrom(`
organisation: { name: Test }
assets:
  - { id: printer, kind: printer }
  - { id: fw, kind: firewall }
  - { id: plc, kind: plc }
  - { id: plc2, kind: plc }
  - { id: app, kind: server }
data: [{ id: recipes, storedOn: [plc2] }]
processes: [{ id: make, rpo: 1h, assets: [printer, fw, plc, plc2, app] }]
`);
    const result = assessBackups(graph, { today: TODAY });
    const of = (id: string) =>
      result.flags.filter((f) => f.subjects[0] === id).map((f) => [f.code, f.severity]);
    // a printer has neither data nor a configuration worth a point
    expect(of('printer')).toEqual([]);
    // a firewall and a PLC without data: their configuration only, low
    expect(of('fw')).toEqual([['no-configuration-backup', 'low']]);
    expect(of('plc')).toEqual([['no-configuration-backup', 'low']]);
    // a PLC a data set is stored on, and a server, hold data: critical under the RPO of 1h
    expect(of('plc2')).toEqual([['no-backup', 'critical']]);
    expect(of('app')).toEqual([['no-backup', 'critical']]);
    expect(result.flags.find((f) => f.subjects[0] === 'app')?.message.fr).toBe(
      'app n’a aucune sauvegarde, pour un RPO de 1 h (make).',
    );
  });

  it('writes French durations and says at least one backup lacks a restore test', () => {
    const { graph } = modelFrom(
      base.replace('rpo: 1d', 'rpo: 4h') +
        `backups:
  - { id: b1, protects: [fs], target: nas, frequency: 1w, ${tested} }
  - { id: b2, protects: [fs], target: nas2, frequency: 1w }
`,
    );
    const result = assessBackups(graph, { today: TODAY });
    const message = (code: string) =>
      result.flags.find((f) => f.code === code && f.subjects[0] === 'fs')?.message;
    expect(message('rpo-not-met')?.fr).toBe(
      'fs n’est sauvegardé qu’à intervalle de 7 j au mieux, au-delà du RPO de 4 h (billing).',
    );
    expect(message('rule-0-errors')?.fr).toBe(
      'Au moins une sauvegarde de fs n’a pas de test de restauration récent et réussi.',
    );
  });

  it('on the demo, the head-office NAS backups are exposed and the immutable cloud copy survives', () => {
    const { graph } = exampleModel('forges-de-l-est');
    const result = assessBackups(graph, { today: TODAY });
    const exposed = (id: string) => result.backups.find((b) => b.backup === id)?.exposed;
    expect(exposed('sauv-fichiers-nas')).toBe(true);
    expect(exposed('sauv-vm-siege')).toBe(true);
    expect(exposed('sauv-cloud-immuable')).toBe(false);
    expect(
      describeExposure(
        graph,
        result.backups.find((b) => b.backup === 'sauv-fichiers-nas')?.reasons ?? [],
      ).en,
    ).toContain('NAS');
  });

  it('finds nothing to flag on the minimal example', () => {
    const result = assessBackups(exampleModel('minimal').graph, { today: TODAY });
    expect(result.flags).toEqual([]);
  });
});
