import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, vigie } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-pra-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
/** Writes `yaml` as the model of a new directory `name`; returns the directory. */
const modelDir = (name: string, yaml: string): string => {
  const path = join(dir, name);
  mkdirSync(path);
  writeFileSync(join(path, 'model.yaml'), yaml);
  return path;
};

/**
 * No team declared. billing runs on app (restored in 36 h, so back after 1 d 12 h against an RTO of
 * 2 d); payroll on pay, a SaaS its provider brings back.
 */
const BASE = `
sites: [{ id: s1, name: Main site }, { id: s2 }]
zones: [{ id: z, kind: server, site: s1 }]
assets:
  - { id: app, name: Billing server, kind: server, zone: z, recovery: { method: restore, duration: 36h } }
  - { id: pay, name: Payroll SaaS, kind: saas }
processes:
  - { id: billing, name: Billing, rto: 2d, assets: [app] }
  - { id: payroll, name: Payroll, rto: 3d, assets: [pay] }
`;
const plain = modelDir('plain', `organisation: { name: Plain }\n${BASE}`);
const teamed = modelDir(
  'teamed',
  `organisation:
  name: Teamed
  continuity:
    teams:
      - { id: it, name: IT, parallel: 2 }
      - { id: ot, name: OT }
${BASE}`,
);
const french = modelDir('french', `organisation: { name: Français, locale: fr }\n${BASE}`);
const empty = modelDir(
  'empty',
  `organisation: { name: Empty }
sites: [{ id: s1 }]
zones: [{ id: z, kind: server, site: s1 }]
assets:
  - { id: fw, kind: firewall, zone: z }
`,
);
/** Runs vigie with English as the environment's language and no --lang added. */
const bare = (args: string[]): ReturnType<typeof vigie> => vigie(args, { LANG: 'en_GB.UTF-8' });

const demo = join(root, 'examples', 'forges-de-l-est');
const today = ['--today', '2026-12-07'];

interface Plan {
  teams: number;
  makespan: number;
  processes: { process: string; achievable: number; status: string }[];
}

describe('vigie pra', () => {
  it('analyses the demo: business impact, backups and the recovery schedule, as JSON', async () => {
    const out = await vigie(['pra', 'analyze', demo, '--format', 'json', ...today]);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as {
      bia: { processes: { process: string }[]; flags: unknown[] };
      backups: { entities: unknown[]; flags: { code: string }[] };
      schedule: Plan;
    };
    expect(json.bia.processes.map((p) => p.process)).toContain('proc-production');
    expect(json.backups.entities.length).toBeGreaterThan(0);
    expect(json.backups.flags.map((f) => f.code)).toContain('backup-exposed-to-ransomware');
    expect(json.schedule.processes.length).toBeGreaterThan(0);
  });

  it('prints the schedule per process in the language asked for, and re-plans with more teams', async () => {
    const en = await vigie(['pra', 'schedule', demo, '--teams', '1', ...today]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(
      'Recovery schedule, under the hypothesis that every asset is lost at once: 1 team(s) in parallel (--teams)',
    );
    expect(en.stdout).toMatch(/RTO (met|missed)/);
    const fr = await vigie(['pra', 'schedule', demo, '--lang', 'fr', ...today]);
    expect(fr.stdout).toContain('Ordonnancement de la reprise');
    const plan = async (teams: string): Promise<Plan> =>
      JSON.parse(
        (await vigie(['pra', 'schedule', demo, '--teams', teams, '--format', 'json', ...today]))
          .stdout,
      ) as Plan;
    const one = await plan('1');
    const five = await plan('5');
    expect(one.teams).toBe(1);
    expect(five.teams).toBe(5);
    expect(five.makespan).toBeLessThan(one.makespan);
  });

  it('refuses an unknown action, a bad number of teams and a missing model with exit 2', async () => {
    const action = await vigie(['pra', 'simulate-everything', demo]);
    expect(action.code).toBe(2);
    expect(action.stderr).toContain('is not a pra action');
    const teams = await vigie(['pra', 'schedule', demo, '--teams', '0']);
    expect(teams.code).toBe(2);
    expect(teams.stderr).toContain('is not a number of teams');
    const missing = await vigie(['pra', 'analyze', join(root, 'no-such-model')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['pra', 'analyze', demo, '--today', '2027-13-45']],
    [['pra', 'schedule', demo, '--today', '2027-02-30']],
    [['pra', 'simulate', demo, '--scenario', 'directory', '--today', '2027-13-45']],
    [['pra', demo, '--format', 'md', '--today', '2027-13-45']],
  ])('refuses a --today that is no calendar day: %j', async (args) => {
    const out = await vigie(args);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/"2027-(13-45|02-30)" is not a date \(YYYY-MM-DD\)/);
    expect(out.stdout).toBe('');
  });

  it('says the action comes first when it follows the model', async () => {
    const out = await vigie(['pra', plain, 'analyze']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`the action comes first: "vigie pra analyze ${plain}"`);
  });
});

describe('vigie pra schedule: the whole-system hypothesis', () => {
  it('says every asset is lost at once and how many teams, assumed, declared or forced', async () => {
    const assumed = await vigie(['pra', 'schedule', plain]);
    expect(assumed.code).toBe(0);
    expect(assumed.stdout).toContain(
      'Recovery schedule, under the hypothesis that every asset is lost at once: 1 team (assumed: the model declares none), everything back after 1d 12h',
    );
    const declared = await vigie(['pra', 'schedule', teamed]);
    expect(declared.stdout).toContain(
      'every asset is lost at once: 3 team slot(s) as declared (it ×2, ot), everything back after',
    );
    const forced = await vigie(['pra', 'schedule', teamed, '--teams', '2']);
    expect(forced.stdout).toContain('every asset is lost at once: 2 team(s) in parallel (--teams)');
  });

  it('names processes with their ids, and says the SaaS is brought back by its provider', async () => {
    const out = await vigie(['pra', 'schedule', plain]);
    expect(out.stdout).toMatch(/Billing \(billing\)\s+2d\s+1d 12h\s+RTO met/);
    expect(out.stdout).toContain(
      'Brought back by their provider or supplier, not by your teams: Payroll SaaS (pay).',
    );
    expect(out.stdout).not.toMatch(/provider or supplier[^\n]*Billing server/);
  });

  it('writes durations the French way in French', async () => {
    const out = await vigie(['pra', 'schedule', plain, '--lang', 'fr']);
    expect(out.stdout).toMatch(/Billing \(billing\)\s+2 j\s+1 j 12 h\s+RTO tenu/);
    expect(out.stdout).toContain('tout est rétabli après 1 j 12 h');
    expect(out.stdout).not.toMatch(/\d+d /);
  });

  it('says there is nothing to schedule when the model declares no process', async () => {
    for (const format of ['table', 'markdown']) {
      const out = await vigie([
        'pra',
        'schedule',
        empty,
        ...(format === 'table' ? [] : ['--format', format]),
      ]);
      expect(out.code).toBe(0);
      expect(out.stdout).toContain(
        'No process declared: nothing to schedule (declare business processes with an RTO).',
      );
      expect(out.stdout).not.toContain('Achievable');
    }
  });
});

describe('vigie pra speaks the model’s language throughout', () => {
  it.each([
    [['simulate', '--scenario', 'meteor:x'], /Type de scénario inconnu « meteor »/],
    [
      ['simulate', '--scenario', 'site-loss:s1', '--teams', '0'],
      /« 0 » n’est pas un nombre d’équipes/,
    ],
    [['analyze', '--today', '2027-13-45'], /« 2027-13-45 » n’est pas une date/],
    [['schedule', '-o', 'x.pdf'], /pra n’écrit pas|\.pdf/],
  ])('refuses %j in the model’s French', async (args, message) => {
    const [action = '', ...rest] = args;
    const out = await bare(['pra', action, french, ...rest]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^erreur/);
    expect(out.stderr).toMatch(message);
  });

  it('keeps --lang over the model’s language', async () => {
    const out = await bare(['pra', 'simulate', french, '--scenario', 'meteor:x', '--lang', 'en']);
    expect(out.stderr).toContain('Unknown scenario kind "meteor"');
  });

  it.each([
    ['site-loss:nope', 'Valid targets: s1, s2.'],
    ['link:nope', 'Valid targets: s1, s2.'],
    ['provider:amazon', 'Valid targets: pay.'],
  ])('lists the valid targets of an unknown %s', async (scenario, list) => {
    const out = await vigie(['pra', 'simulate', plain, '--scenario', scenario]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(list);
  });
});
