import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, vigie } from './support/cli.js';
import { assertWellFormedXml } from './support/xml.js';

const demo = join(root, 'examples', 'forges-de-l-est');
const today = ['--today', '2026-12-07'];
const dir = mkdtempSync(join(tmpdir(), 'vigie-pra-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Plan {
  teams: number;
  tasks: { asset: string }[];
  criticalPath: string[];
  processes: { process: string; status: string; rto?: number }[];
}

const planOf = async (teams: string): Promise<Plan> =>
  JSON.parse(
    (await vigie(['pra', 'schedule', demo, '--teams', teams, '--format', 'json', ...today])).stdout,
  ) as Plan;

describe('vigie pra schedule -o gantt.svg|png', () => {
  it('draws the schedule as an SVG Gantt chart: every task, the critical path, the RTOs', async () => {
    const file = join(dir, 'gantt.svg');
    const out = await vigie(['pra', 'schedule', demo, '--teams', '3', '-o', file, ...today]);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('gantt.svg');
    const svg = readFileSync(file, 'utf8');
    assertWellFormedXml(svg);
    const plan = await planOf('3');
    const ids = (word: string): string[] =>
      [...svg.matchAll(/<rect class="([^"]*)" data-id="([^"]*)"/g)]
        .filter((m) => (m[1] ?? '').split(' ').includes(word))
        .map((m) => m[2] ?? '')
        .sort();
    expect(ids('bar')).toEqual(plan.tasks.map((t) => t.asset).sort());
    expect(ids('critical')).toEqual([...plan.criticalPath].sort());
    const rtos = plan.processes.filter((p) => p.rto !== undefined).length;
    expect([...svg.matchAll(/class="rto"/g)].length).toBe(rtos);
    expect(svg).toContain('3 in parallel');
  });

  it('draws it as PNG, and in French', async () => {
    const file = join(dir, 'gantt.png');
    const out = await vigie(['pra', 'schedule', demo, '-o', file, '--lang', 'fr', ...today]);
    expect(out.code).toBe(0);
    const png = readFileSync(file);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svg = join(dir, 'gantt-fr.svg');
    await vigie(['pra', 'schedule', demo, '-o', svg, '--lang', 'fr', ...today]);
    expect(readFileSync(svg, 'utf8')).toContain('Planning de reprise');
  });

  it('keeps writing JSON to other files', async () => {
    const file = join(dir, 'plan.json');
    const out = await vigie(['pra', 'schedule', demo, '--format', 'json', '-o', file, ...today]);
    expect(out.code).toBe(0);
    const plan = JSON.parse(readFileSync(file, 'utf8')) as Plan;
    expect(plan.tasks.length).toBeGreaterThan(0);
  });

  it('refuses an output it cannot write with a clear message and exit 2', async () => {
    const pdf = join(dir, 'plan.pdf');
    const bad = await vigie(['pra', 'schedule', demo, '-o', pdf, ...today]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('pra does not write .pdf files');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(pdf)).toBe(false);
    const analyze = await vigie(['pra', 'analyze', demo, '-o', join(dir, 'a.svg'), ...today]);
    expect(analyze.code).toBe(2);
    expect(analyze.stderr).toContain('vigie pra schedule');
    const json = await vigie([
      'pra',
      'schedule',
      demo,
      '--format',
      'json',
      '-o',
      join(dir, 'b.png'),
      ...today,
    ]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('--format json writes text');
    expect(existsSync(join(dir, 'a.svg')) || existsSync(join(dir, 'b.png'))).toBe(false);
  });
});

interface Analysis {
  bia: {
    processes: { process: string; rto?: { text: { en: string } }; impact: { level: number }[] }[];
  };
  backups: {
    entities: { id: string; grid: { copies: number; met: boolean }; survivesRansomware: boolean }[];
  };
  schedule: Plan;
}

describe('vigie pra analyze --format markdown', () => {
  it('writes the BIA, the 3-2-1-1-0 grid, the schedule, flags and assumptions as tables', async () => {
    const out = await vigie(['pra', 'analyze', demo, '--format', 'markdown', ...today]);
    expect(out.code).toBe(0);
    const md = out.stdout;
    const json = JSON.parse(
      (await vigie(['pra', 'analyze', demo, '--format', 'json', ...today])).stdout,
    ) as Analysis;
    const lines = md.split('\n');
    const rowOf = (id: string, after: string): string[] => {
      const start = lines.indexOf(after);
      // the first cell is the id, or `Name (id)`
      const first = (l: string): string => (l.split(' | ')[0] ?? '').replace(/^\| ?/, '');
      const line =
        lines
          .slice(start)
          .find((l) => l.startsWith('| ') && (first(l) === id || first(l).endsWith(` (${id})`))) ??
        '';
      return line.split(' | ').map((c) => c.replace(/^\| ?| ?\|$/g, ''));
    };
    expect(md).toMatch(/^# Disaster recovery plan analysis: /);
    // BIA: one row per process, its RTO in words and its five impact levels
    const bia = '## Business impact analysis';
    expect(lines).toContain(bia);
    expect(lines).toContain(
      '| Process | RTO | RPO | MTPD | Depends on | Impact at 4h | Impact at 1 day | Impact at 3 days | Impact at 1 week | Impact at 1 month |',
    );
    for (const p of json.bia.processes) {
      const row = rowOf(p.process, bia);
      expect(row[1]).toBe(p.rto?.text.en ?? '—');
      expect(row.slice(5).map(Number)).toEqual(p.impact.map((i) => i.level));
    }
    // backups: one row per entity, copies and the verdicts
    const backups = '## Backups: the 3-2-1-1-0 rule';
    for (const e of json.backups.entities) {
      const row = rowOf(e.id, backups);
      expect(row[4]).toBe(String(e.grid.copies));
      expect(row[10]).toBe(e.grid.met ? '✓' : '✗');
      expect(row[11]).toBe(e.survivesRansomware ? '✓' : '✗');
    }
    // schedule: status per process
    const schedule = '## Recovery schedule';
    for (const p of json.schedule.processes) {
      expect(rowOf(p.process, schedule)[3]).toBe(
        p.status === 'met' ? 'RTO met' : p.status === 'missed' ? 'RTO missed' : 'no RTO',
      );
    }
    // processes read by name, with their id
    expect(lines).toContainEqual(
      expect.stringMatching(/^\| Paie et gestion du personnel \(proc-paie\) \| 3 days \|/),
    );
    expect(lines).toContain('## Points to address');
    expect(md).toContain('| critical |');
    expect(lines).toContain('## Assumptions');
    expect(lines).toContain('| Subject | Assumption |');
  });

  it('speaks French', async () => {
    const out = await vigie([
      'pra',
      'analyze',
      demo,
      '--format',
      'markdown',
      '--lang',
      'fr',
      ...today,
    ]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('## Analyse d’impact sur l’activité');
    expect(out.stdout).toContain('| Processus | RTO | RPO | DMIA |');
    expect(out.stdout).toContain('## Sauvegardes : la règle 3-2-1-1-0');
  });
});
