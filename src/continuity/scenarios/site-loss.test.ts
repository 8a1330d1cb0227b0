import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { simulateScenario } from './simulate.js';

/**
 * Site hq: hv (spare on hand, 4 h) hosting vm (on hq through its host) and vm2 (declared in a
 * zone of dr, but running on hv); fs declared on hq (repair 2 d, recovery 2 h) storing docs; pc
 * in the hq office (default 4 h, no repair time: 3 d delivery assumed); nas1 on hq. Backups of
 * docs: hourly on nas1 (lost), a tape kept on hq (offline, lost too: a fire spares no tape), a
 * daily copy on nas2 at dr (survives).
 */
const model = `
organisation: { name: Test }
sites: [{ id: hq }, { id: dr }, { id: empty }]
zones:
  - { id: srv, kind: server, site: hq }
  - { id: lan, kind: user, site: hq }
  - { id: srv2, kind: server, site: dr }
assets:
  - { id: hv, kind: hypervisor, zone: srv, recovery: { duration: 4h, spare: true } }
  - { id: vm, kind: virtual-machine, hostedOn: hv, recovery: { method: rebuild, duration: 1h } }
  - { id: vm2, kind: virtual-machine, hostedOn: hv, zone: srv2, recovery: { method: rebuild, duration: 1h } }
  - { id: fs, kind: file-server, site: hq, repairTime: 2d, recovery: { duration: 2h } }
  - { id: pc, kind: workstation, zone: lan }
  - { id: nas1, kind: storage, zone: srv }
  - { id: nas2, kind: storage, zone: srv2 }
data: [{ id: docs, storedOn: [fs] }]
backups:
  - { id: b-onsite, protects: [docs], target: nas1, frequency: 1h }
  - { id: b-tape, protects: [docs], site: hq, offline: true, frequency: 1h }
  - { id: b-offsite, protects: [docs], target: nas2, frequency: 1d }
processes:
  - { id: p, rto: 1d, rpo: 4h, assets: [vm], data: [docs] }
  - { id: q, rto: 1h, assets: [nas2] }
`;

describe('site-loss', () => {
  const { graph } = modelFrom(model);

  it('loses every asset of the site, its guests elsewhere, and the backups kept there', () => {
    const result = simulateScenario(graph, { kind: 'site-loss', target: 'hq' }, { teams: 10 });
    expect(result.error).toBeUndefined();
    expect(result.title.en).toBe('Loss of site hq');
    expect(result.lost).toEqual([
      { asset: 'fs', cause: 'site', via: 'hq' },
      { asset: 'hv', cause: 'site', via: 'hq' },
      { asset: 'nas1', cause: 'site', via: 'hq' },
      { asset: 'pc', cause: 'site', via: 'hq' },
      { asset: 'vm', cause: 'site', via: 'hq' },
      { asset: 'vm2', cause: 'dependency', via: 'hv' },
    ]);
    expect(result.backups.map((b) => [b.backup, b.survives])).toEqual([
      ['b-offsite', true],
      ['b-onsite', false],
      ['b-tape', false],
    ]);
    expect(result.dataLoss.find((d) => d.entity === 'docs')).toEqual({
      entity: 'docs',
      windowMinutes: 1440,
      rpo: 240,
      status: 'missed',
      from: 'b-offsite',
    });
  });

  it('makes hardware without a spare wait for its repair time, or 3 days assumed', () => {
    const result = simulateScenario(graph, { kind: 'site-loss', target: 'hq' }, { teams: 10 });
    const ends = Object.fromEntries(result.plan.tasks.map((t) => [t.asset, t.end]));
    // hv spare: 4 h; vm after hv: 5 h; nas1: 3 d + 1 d; fs (2 d + 2 h) after the site's storage
    // (implicit infrastructure order), pc (3 d + 4 h) after the site's servers
    expect(ends).toMatchObject({
      hv: 240,
      vm: 300,
      vm2: 300,
      nas1: 5760,
      fs: 5760 + 3000,
      pc: 5760 + 3000 + 4560,
    });
    const spare = result.missing.find((m) => m.code === 'no-spare-hardware');
    expect(spare?.subjects).toEqual(['fs', 'nas1', 'pc']);
    expect(result.assumptions.some((a) => a.subject === 'hardware')).toBe(true);
    // p waits for fs (docs) beyond its 1-day RTO; its data comes back 1 day old (RPO 4 h)
    expect(result.processes.find((x) => x.process === 'p')).toMatchObject({
      impacted: true,
      achievable: 5760 + 3000,
      rtoStatus: 'missed',
      rpoStatus: 'missed',
      chain: ['nas1', 'fs'],
    });
    expect(result.processes.find((x) => x.process === 'q')?.impacted).toBe(false);
  });

  it('strikes nothing on a site without assets', () => {
    const result = simulateScenario(graph, { kind: 'site-loss', target: 'empty' });
    expect(result.error).toBeUndefined();
    expect(result.lost).toEqual([]);
    expect(result.runbook).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.processes.every((x) => !x.impacted)).toBe(true);
  });

  it('reports an unknown site as an error', () => {
    const result = simulateScenario(graph, { kind: 'site-loss', target: 'nowhere' });
    expect(result.error?.en).toBe('site-loss: nowhere is not a site of the model.');
    expect(result.lost).toEqual([]);
  });

  it('keeps an off-site tape whose drive burns, and loses it with its own site', () => {
    const { graph: g } = modelFrom(`
organisation: { name: Test }
sites:
  - { id: paris, name: Paris, kind: head-office }
  - { id: lyon, name: Lyon, kind: branch }
assets:
  - { id: fs, kind: file-server, site: paris, recovery: { duration: 6h } }
  - { id: lto, kind: storage, site: paris }
  - { id: nas, kind: storage, site: paris }
backups:
  - { id: b-tape, protects: [fs], target: lto, frequency: 1w, offline: true, site: lyon }
  - { id: b-nas, protects: [fs], target: nas, frequency: 1d }
processes:
  - { id: p, rto: 1w, rpo: 1w, assets: [fs] }
`);
    const paris = simulateScenario(g, { kind: 'site-loss', target: 'paris' });
    expect(paris.backups.map((b) => [b.backup, b.survives])).toEqual([
      ['b-nas', false],
      ['b-tape', true],
    ]);
    expect(paris.backups.find((b) => b.backup === 'b-tape')?.reason.en).toBe(
      'Kept on another site (Lyon); its drive or target is lost and is replaced before restoring.',
    );
    expect(paris.dataLoss).toEqual([
      { entity: 'fs', windowMinutes: 10080, rpo: 10080, status: 'met', from: 'b-tape' },
    ]);
    expect(paris.processes.find((x) => x.process === 'p')?.rtoStatus).not.toBe('unrecoverable');
    expect(paris.missing.some((m) => m.code === 'no-surviving-backup')).toBe(false);
    const lyon = simulateScenario(g, { kind: 'site-loss', target: 'lyon' });
    expect(lyon.lost).toEqual([]);
    expect(lyon.backups).toEqual([
      {
        backup: 'b-tape',
        survives: false,
        reason: { en: 'Kept on the lost site.', fr: 'Conservée sur le site perdu.' },
      },
    ]);
  });
});
