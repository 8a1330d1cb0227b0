import { describe, expect, it } from 'vitest';
import {
  formatMinutes,
  ganttLayout,
  groupByZone,
  missedCount,
  nextRow,
  parseScenarioText,
  parseTeams,
  scenarioText,
  sortProcesses,
  statusBadge,
  targetOptions,
  targetRequired,
  tickStep,
} from './simulator-logic';
import type { RtoStatus, SimTask, TargetEntity } from './simulator-logic';

const sites: TargetEntity[] = [
  { id: 'site-b', name: 'Usine' },
  { id: 'site-a', name: 'Siège' },
];
const assets: TargetEntity[] = [
  { id: 'srv-erp', name: 'ERP', kind: 'server', zone: 'z-srv' },
  { id: 'm365', name: 'Microsoft 365', kind: 'saas' },
  { id: 'ad', name: 'Active Directory', kind: 'directory', zone: 'z-srv' },
  { id: 'pc-2', name: 'Postes B', kind: 'workstation', zone: 'z-lan' },
  { id: 'pc-1', name: 'Postes A', kind: 'laptop', zone: 'z-lan' },
  { id: 'edr', name: 'Console EDR', kind: 'cloud-service' },
  { id: 'sw', name: 'Switch', kind: 'switch' },
];
const ids = (options: readonly { id: string }[]): string[] => options.map((o) => o.id);

describe('scenario text', () => {
  it('writes kind:target, or the kind alone without a target', () => {
    expect(scenarioText('ransomware', 'pc-1')).toBe('ransomware:pc-1');
    expect(scenarioText('directory', '')).toBe('directory');
    expect(scenarioText('site-loss', '  site-a ')).toBe('site-loss:site-a');
  });
  it('reads it back, targets with colons included', () => {
    expect(parseScenarioText('ransomware:pc-1')).toEqual({ kind: 'ransomware', target: 'pc-1' });
    expect(parseScenarioText('directory')).toEqual({ kind: 'directory', target: '' });
    expect(parseScenarioText('supplier:a:b')).toEqual({ kind: 'supplier', target: 'a:b' });
    expect(parseScenarioText('meteor:site-a')).toBeNull();
    expect(parseScenarioText('')).toBeNull();
  });
  it('only the directory loss may go without a target', () => {
    expect(targetRequired('directory')).toBe(false);
    expect(targetRequired('ransomware')).toBe(true);
    expect(targetRequired('link')).toBe(true);
  });
});

describe('targetOptions', () => {
  it('offers sites, by name, for a site loss and an Internet link loss', () => {
    expect(ids(targetOptions('site-loss', sites, assets))).toEqual(['site-a', 'site-b']);
    expect(ids(targetOptions('link', sites, assets))).toEqual(['site-a', 'site-b']);
  });
  it('offers every asset for ransomware, workstations first, then servers', () => {
    expect(ids(targetOptions('ransomware', sites, assets))).toEqual([
      'pc-1',
      'pc-2',
      'srv-erp',
      'ad',
      'edr',
      'm365',
      'sw',
    ]);
  });
  it('offers cloud and SaaS services for a provider loss, directories for a directory loss', () => {
    expect(ids(targetOptions('provider', sites, assets))).toEqual(['edr', 'm365']);
    expect(ids(targetOptions('directory', sites, assets))).toEqual(['ad']);
  });
  it('offers cloud services first for a supplier loss', () => {
    expect(ids(targetOptions('supplier', sites, assets)).slice(0, 3)).toEqual([
      'edr',
      'm365',
      'ad',
    ]);
  });
  it('labels an asset with its name, kind and id', () => {
    expect(targetOptions('provider', sites, assets)[1]?.label).toBe('Microsoft 365 — saas (m365)');
    expect(targetOptions('link', sites, assets)[0]?.label).toBe('Siège (site-a)');
  });
});

describe('statuses', () => {
  it('gives each status a tone and a symbol', () => {
    expect(statusBadge('met')).toEqual({ tone: 'ok', icon: '✓' });
    expect(statusBadge('missed').tone).toBe('warn');
    expect(statusBadge('unrecoverable').tone).toBe('bad');
    expect(statusBadge('lost').tone).toBe('bad');
    expect(statusBadge('no-rpo').tone).toBe('none');
  });
  const p = (process: string, rtoStatus: RtoStatus, impacted = true) => ({
    process,
    rtoStatus,
    impacted,
  });
  it('sorts impacted processes worst first, then by id', () => {
    const sorted = sortProcesses([
      p('a', 'met'),
      p('b', 'no-rto'),
      p('c', 'missed'),
      p('d', 'unrecoverable'),
      p('e', 'missed', false),
      p('f', 'missed'),
    ]);
    expect(sorted.map((x) => x.process)).toEqual(['d', 'c', 'f', 'a', 'b', 'e']);
  });
  it('counts impacted processes missing their RTO, unrecoverable ones included', () => {
    const result = {
      processes: [
        { ...p('a', 'missed'), achievable: 1, chain: [], rpoStatus: 'met' as const },
        { ...p('b', 'unrecoverable'), achievable: null, chain: [], rpoStatus: 'lost' as const },
        { ...p('c', 'missed', false), achievable: 5, chain: [], rpoStatus: 'met' as const },
        { ...p('d', 'met'), achievable: 5, chain: [], rpoStatus: 'met' as const },
      ],
    };
    expect(missedCount(result)).toBe(2);
  });
});

describe('groupByZone', () => {
  it('groups lost assets by zone, zones by name, assets without a zone last', () => {
    const zones: Record<string, string> = { x: 'z-srv', y: 'z-lan', z: 'z-srv' };
    const groups = groupByZone(
      [{ asset: 'x' }, { asset: 'w' }, { asset: 'y' }, { asset: 'z' }],
      (id) => zones[id],
    );
    expect(groups.map((g) => [g.zone, g.items.map((i) => i.asset)])).toEqual([
      ['z-lan', ['y']],
      ['z-srv', ['x', 'z']],
      ['', ['w']],
    ]);
  });
});

describe('durations and teams', () => {
  it('formats minutes in days, hours and minutes', () => {
    expect(formatMinutes(0, 'en')).toBe('0\u00a0min');
    expect(formatMinutes(45, 'en')).toBe('45\u00a0min');
    expect(formatMinutes(90, 'en')).toBe('1\u00a0h 30\u00a0min');
    expect(formatMinutes(2 * 1440 + 4 * 60, 'fr')).toBe('2\u00a0j 4\u00a0h');
    expect(formatMinutes(1440, 'en')).toBe('1\u00a0d');
  });
  it('accepts a whole number of teams from 1 to 100', () => {
    expect(parseTeams('3')).toBe(3);
    expect(parseTeams(' 100 ')).toBe(100);
    expect(parseTeams('0')).toBeNull();
    expect(parseTeams('101')).toBeNull();
    expect(parseTeams('2.5')).toBeNull();
    expect(parseTeams('')).toBeNull();
    expect(parseTeams('-1')).toBeNull();
  });
});

describe('Gantt layout', () => {
  const task = (asset: string, start: number, end: number, team: number): SimTask => ({
    asset,
    start,
    end,
    duration: end - start,
    team,
  });
  it('picks the smallest axis step giving at most the wanted intervals', () => {
    expect(tickStep(600, 8)).toBe(120); // 75 min wanted → 2 h
    expect(tickStep(240, 8)).toBe(30);
    expect(tickStep(3 * 1440, 6)).toBe(720);
    expect(tickStep(0, 8)).toBe(15);
  });
  it('orders rows by start then team, scales bars and marks the critical path', () => {
    // makespan 600 min, step 120 → axis 0..600; plot 1000 - 200 - 16 = 784 px
    const layout = ganttLayout(
      [task('b', 120, 600, 1), task('a', 0, 120, 1), task('c', 0, 300, 2)],
      ['a', 'b'],
      { width: 1000, labelWidth: 200, rowHeight: 20, top: 30, rtos: [{ process: 'p', rto: 240 }] },
    );
    expect(layout.span).toBe(600);
    expect(layout.rows.map((r) => r.task.asset)).toEqual(['a', 'c', 'b']);
    expect(layout.rows.map((r) => r.critical)).toEqual([true, false, true]);
    expect(layout.rows.map((r) => r.y)).toEqual([30, 50, 70]);
    const b = layout.rows[2];
    expect(b?.x).toBeCloseTo(200 + (120 / 600) * 784);
    expect(b?.width).toBeCloseTo((480 / 600) * 784);
    expect(layout.ticks.map((t) => t.minutes)).toEqual([0, 120, 240, 360, 480, 600]);
    expect(layout.markers).toEqual([{ process: 'p', rto: 240, x: 200 + 0.4 * 784 }]);
    expect(layout.height).toBe(30 + 3 * 20 + 8);
  });
  it('rounds the axis up to a whole step, keeps instant tasks visible, drops far RTOs', () => {
    const layout = ganttLayout([task('a', 0, 100, 1), task('b', 100, 100, 1)], [], {
      width: 500,
      labelWidth: 100,
      maxTicks: 4,
      rtos: [{ process: 'far', rto: 10_000 }],
    });
    // 100 min / 4 → 25 wanted → 30 min step; axis to 120
    expect(layout.span).toBe(120);
    expect(layout.rows[1]?.width).toBe(2);
    expect(layout.markers).toEqual([]);
  });
  it('moves the focused row with the arrow keys, Home and End, within bounds', () => {
    expect(nextRow(-1, 'ArrowDown', 3)).toBe(0);
    expect(nextRow(0, 'ArrowDown', 3)).toBe(1);
    expect(nextRow(2, 'ArrowDown', 3)).toBe(2);
    expect(nextRow(0, 'ArrowUp', 3)).toBe(0);
    expect(nextRow(1, 'Home', 3)).toBe(0);
    expect(nextRow(0, 'End', 3)).toBe(2);
    expect(nextRow(0, 'Enter', 3)).toBeNull();
    expect(nextRow(0, 'ArrowDown', 0)).toBeNull();
  });
});
