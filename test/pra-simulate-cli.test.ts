import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vigie } from './support/cli.js';

/**
 * Site hq holds app (2 h to restore, procedure P-APP, backed up daily to vault at dr) and pc in
 * the office; the office reaches app's RDP admin interface. billing (RTO 4 h, RPO 1 d) runs on
 * app. A fire at hq: app on spare hardware (2 h), the daily copy at dr survives.
 */
const model = `
organisation: { name: Test }
sites: [{ id: hq }, { id: dr }]
zones:
  - { id: lan, kind: user, site: hq }
  - { id: srv, kind: server, site: hq }
  - { id: far, kind: server, site: dr }
assets:
  - { id: pc, kind: workstation, zone: lan, recovery: { duration: 1h, spare: true } }
  - { id: app, kind: server, zone: srv, recovery: { duration: 2h, spare: true, procedure: P-APP }, adminInterfaces: [{ protocol: rdp, from: [lan] }] }
  - { id: vault, kind: storage, zone: far }
backups:
  - { id: b-vault, protects: [app], target: vault, frequency: 1d }
processes:
  - { id: billing, rto: 4h, rpo: 1d, assets: [app] }
`;

const dir = mkdtempSync(join(tmpdir(), 'vigie-simulate-'));
const file = join(dir, 'model.yaml');
writeFileSync(file, model);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Result {
  scenario: string;
  lost: { asset: string; cause: string }[];
  backups: { backup: string; survives: boolean }[];
  processes: { process: string; achievable: number | null; rtoStatus: string; rpoStatus: string }[];
  plan: { teams: number; makespan: number };
  runbook: { step: number; asset: string; procedure?: string }[];
}

const json = async (...args: string[]): Promise<Result> => {
  const out = await vigie(['pra', 'simulate', file, '--format', 'json', ...args]);
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout) as Result;
};

describe('vigie pra simulate', () => {
  it('simulates the loss of a site as JSON', async () => {
    const result = await json('--scenario', 'site-loss:hq');
    expect(result.scenario).toBe('site-loss:hq');
    expect(result.lost.map((l) => [l.asset, l.cause])).toEqual([
      ['app', 'site'],
      ['pc', 'site'],
    ]);
    expect(result.backups).toEqual([
      expect.objectContaining({ backup: 'b-vault', survives: true }) as unknown,
    ]);
    // one team: app (billing) first, 2 h: RTO 4 h met; a daily copy against a 1-day RPO
    expect(result.processes).toEqual([
      expect.objectContaining({
        process: 'billing',
        achievable: 120,
        rtoStatus: 'met',
        rpoStatus: 'met',
      }) as unknown,
    ]);
    expect(result.runbook.find((s) => s.asset === 'app')?.procedure).toBe('P-APP');
  });

  it('re-plans with the teams given', async () => {
    expect((await json('--scenario', 'site-loss:hq')).plan).toMatchObject({
      teams: 1,
      makespan: 180,
    });
    // the workstation waits for the server of its site (clients after servers): 2 h + 1 h still
    expect((await json('--scenario', 'site-loss:hq', '--teams', '2')).plan).toMatchObject({
      teams: 2,
      makespan: 180,
    });
  });

  it('prints a table: title, losses, backups, processes, data loss, missing, runbook', async () => {
    const out = await vigie(['pra', 'simulate', file, '--scenario', 'ransomware:pc']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Ransomware from pc');
    expect(out.stdout).toContain('2 asset(s) lost or unusable: app (encrypted), pc (encrypted)');
    expect(out.stdout).toContain('Backups concerned: 0 lost, 1 surviving');
    expect(out.stdout).toContain('1 process(es) impacted:');
    expect(out.stdout).toMatch(/billing\s+4h\s+2h\s+RTO met\s+1d\s+RPO met/);
    expect(out.stdout).toContain('Runbook: 2 step(s)');
    expect(out.stdout).toContain('Restore app from b-vault');
    const fr = await vigie([
      'pra',
      'simulate',
      file,
      '--scenario',
      'ransomware:pc',
      '--lang',
      'fr',
    ]);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain('Rançongiciel depuis pc');
    expect(fr.stdout).toContain('Restaurer app depuis b-vault');
  });

  it('names assets and processes with their ids, and writes durations the French way', async () => {
    const named = join(dir, 'named.yaml');
    writeFileSync(
      named,
      model
        .replace('{ id: app, kind: server', '{ id: app, name: Billing server, kind: server')
        .replace('{ id: billing, rto', '{ id: billing, name: Billing, rto'),
    );
    const out = await vigie([
      'pra',
      'simulate',
      named,
      '--scenario',
      'site-loss:hq',
      '--lang',
      'fr',
    ]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Billing server (app, site perdu), pc (site perdu)');
    expect(out.stdout).toContain('\n  + b-vault : '); // French puts a space before a colon
    expect(out.stdout).toMatch(/Billing \(billing\)\s+4 h\s+2 h\s+RTO tenu\s+1 j\s+RPO tenu/);
  });

  it('names the declared team slots of the runbook in words', async () => {
    const teamed = join(dir, 'teamed.yaml');
    writeFileSync(
      teamed,
      model.replace(
        'organisation: { name: Test }',
        'organisation: { name: Test, continuity: { teams: [{ id: ops, name: Ops, parallel: 2 }] } }',
      ),
    );
    // ops has two slots: the first restores app, the step says which of the two
    const out = await vigie(['pra', 'simulate', teamed, '--scenario', 'site-loss:hq']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/\n1\s+0\s+2h\s+ops, slot 1\/2\s+Restore app/);
    const forced = await vigie([
      'pra',
      'simulate',
      teamed,
      '--scenario',
      'site-loss:hq',
      '--teams',
      '1',
    ]);
    expect(forced.stdout).toMatch(/\n1\s+0\s+\S+( \S+)?\s+Team 1\s/);
  });

  it('writes to a file with -o', async () => {
    const target = join(dir, 'out.json');
    const out = await vigie([
      'pra',
      'simulate',
      file,
      '--scenario',
      'directory',
      '--format',
      'json',
      '-o',
      target,
    ]);
    // the model has no directory: the scenario cannot run
    expect(out.code).toBe(2);
    const ok = await vigie([
      'pra',
      'simulate',
      file,
      '--scenario',
      'link:hq',
      '--format',
      'json',
      '-o',
      target,
    ]);
    expect(ok.code).toBe(0);
    expect((JSON.parse(readFileSync(target, 'utf8')) as Result).scenario).toBe('link:hq');
  });

  it.each([
    [['--scenario', 'meteor:hq'], /--scenario meteor:hq: Unknown scenario kind "meteor"/],
    [
      ['--scenario', 'site-loss:nowhere'],
      /--scenario site-loss:nowhere: site-loss: nowhere is not a site/,
    ],
    [['--scenario', 'ransomware'], /needs a target/],
    [[], /needs --scenario/],
    [['--scenario', 'site-loss:hq', '--teams', '0'], /"0" is not a number of teams/],
    [['--scenario', 'site-loss:hq', '--format', 'markdown'], /writes a table or JSON/],
    [['--scenario', 'site-loss:hq', '--today', 'soon'], /soon/],
  ])('exits 2 on %j with a clear message', async (args, message) => {
    const out = await vigie(['pra', 'simulate', file, ...args]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses --scenario on another action', async () => {
    const out = await vigie(['pra', 'analyze', file, '--scenario', 'site-loss:hq']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--scenario is for "pra simulate"');
  });
});
