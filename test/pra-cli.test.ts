import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, vigie } from './support/cli.js';

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
    expect(en.stdout).toContain('Recovery schedule: 1 task(s) in parallel');
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
});
