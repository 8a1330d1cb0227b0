import { describe, expect, it } from 'vitest';
import {
  chartLayout,
  durationMinutes,
  exercisesFromFiles,
  processSeries,
  serverFieldErrors,
  validateDraft,
} from './exercises-logic';
import type { Exercise, ExerciseDraft } from './exercises-logic';

const ORGANISATION = `
organisation:
  id: acme
  name: Acme
  continuity:
    teams:
      - { id: it, name: IT }
    exercises:
      - date: 2025-03-10
        kind: restore-test
        scenario: ransomware:pc-1
        measured:
          - { process: billing, time: 6h }
          - { process: payroll, time: 2d }
        problems: [Tapes unreadable]
      - date: 2026-02-01
        kind: full-scale
        scenario: site-loss:hq
        measured:
          - { process: billing, time: 3h }
      - { date: 2024-01-01, kind: picnic, scenario: x }
sites:
  - { id: hq, name: HQ }
`;

describe('exercisesFromFiles', () => {
  it('reads organisation.continuity.exercises, newest first, skipping unusable entries', () => {
    const exercises = exercisesFromFiles({
      'organisation.yaml': ORGANISATION,
      'assets.yaml': 'assets: []\n',
      'notes.txt': 'exercises',
    });
    expect(exercises.map((e) => [e.date, e.kind, e.scenario])).toEqual([
      ['2026-02-01', 'full-scale', 'site-loss:hq'],
      ['2025-03-10', 'restore-test', 'ransomware:pc-1'],
    ]);
    expect(exercises[1]?.measured).toEqual([
      { process: 'billing', time: '6h' },
      { process: 'payroll', time: '2d' },
    ]);
    expect(exercises[1]?.problems).toEqual(['Tapes unreadable']);
    expect(exercises[0]?.problems).toBeUndefined();
  });
  it('skips files that do not parse and models without exercises', () => {
    expect(
      exercisesFromFiles({ 'a.yaml': 'exercises: [', 'b.yaml': 'organisation: {id: x}' }),
    ).toEqual([]);
  });
});

describe('durationMinutes', () => {
  it.each([
    ['90min', 90],
    ['4h', 240],
    ['1.5d', 2160],
    ['1w', 10_080],
    ['0', 0],
  ])('%s → %d minutes', (text, minutes) => {
    expect(durationMinutes(text)).toBe(minutes);
  });
  it.each(['4', '4 h', 'h', '-1h', '4hours', ''])('%s is not a duration', (text) => {
    expect(durationMinutes(text)).toBeNull();
  });
});

const exercise = (date: string, measured: [string, string][]): Exercise => ({
  date,
  kind: 'restore-test',
  scenario: 's',
  measured: measured.map(([process, time]) => ({ process, time })),
});

describe('processSeries', () => {
  it('gives each measured process its times oldest first, each against its RTO', () => {
    const rtos: Record<string, number> = { billing: 240 };
    const series = processSeries(
      [
        exercise('2026-02-01', [['billing', '3h']]),
        exercise('2025-03-10', [
          ['billing', '6h'],
          ['payroll', '2d'],
          ['billing', 'soon'],
        ]),
      ],
      (p) => rtos[p],
    );
    expect(series.map((s) => s.process)).toEqual(['billing', 'payroll']);
    const [billing, payroll] = series;
    expect(billing?.rto).toBe(240);
    expect(billing?.points.map((p) => [p.date, p.minutes, p.met])).toEqual([
      ['2025-03-10', 360, false],
      ['2026-02-01', 180, true],
    ]);
    expect(payroll?.rto).toBeUndefined();
    expect(payroll?.points.map((p) => p.met)).toEqual([null]);
  });
});

describe('chartLayout', () => {
  it('scales dates on x and minutes on y up to a round maximum above the RTO', () => {
    // highest 360 min × 1.1 = 396 → axis to 480 min; plot y from 140 (0) to 12 (480)
    const layout = chartLayout(
      {
        process: 'billing',
        rto: 240,
        points: [
          { date: '2025-01-01', minutes: 360, met: false, kind: 'tabletop', scenario: 's' },
          { date: '2025-01-11', minutes: 120, met: true, kind: 'tabletop', scenario: 's' },
          { date: '2025-01-06', minutes: 240, met: true, kind: 'tabletop', scenario: 's' },
        ],
      },
      { width: 480, height: 168 },
    );
    expect(layout.max).toBe(480);
    expect(layout.bottom).toBe(140);
    expect(layout.rtoY).toBeCloseTo(140 - 0.5 * 128);
    expect(layout.points[0]?.x).toBeCloseTo(64);
    expect(layout.points[1]?.x).toBeCloseTo(464);
    expect(layout.points[2]?.x).toBeCloseTo(264);
    expect(layout.points[0]?.y).toBeCloseTo(140 - 0.75 * 128);
    expect(layout.yTicks.map((t) => t.minutes)).toEqual([0, 240, 480]);
  });
  it('puts a single exercise in the middle and has no RTO line without an RTO', () => {
    const layout = chartLayout(
      {
        process: 'p',
        points: [{ date: '2025-01-01', minutes: 30, met: null, kind: 'failover', scenario: 's' }],
      },
      { width: 480, height: 168 },
    );
    expect(layout.points[0]?.x).toBe((64 + 464) / 2);
    expect(layout.rtoY).toBeNull();
    expect(layout.max).toBe(60);
  });
});

const draft = (change: Partial<ExerciseDraft> = {}): ExerciseDraft => ({
  date: '2026-11-02',
  kind: 'tabletop',
  scenario: ' ransomware:pc-1 ',
  measured: { billing: ' 4h ', payroll: '' },
  problems: 'Runbook out of date\n\n  No spare disk  \n',
  ...change,
});

describe('validateDraft', () => {
  it('builds the exercise: trimmed, empty times and blank lines left out', () => {
    expect(validateDraft(draft(), '2026-12-07')).toEqual({
      exercise: {
        date: '2026-11-02',
        kind: 'tabletop',
        scenario: 'ransomware:pc-1',
        measured: [{ process: 'billing', time: '4h' }],
        problems: ['Runbook out of date', 'No spare disk'],
      },
    });
    const bare = validateDraft(draft({ measured: {}, problems: ' ' }), '2026-12-07');
    expect(bare).toEqual({
      exercise: { date: '2026-11-02', kind: 'tabletop', scenario: 'ransomware:pc-1' },
    });
  });
  it('reports each wrong field', () => {
    expect(
      validateDraft(
        draft({
          date: '2026-02-30',
          scenario: '   ',
          measured: { billing: '4 hours', payroll: '2d' },
          problems: 'x'.repeat(1001),
        }),
        '2026-12-07',
      ),
    ).toEqual({
      errors: {
        date: 'dateInvalid',
        scenario: 'scenarioMissing',
        'measured.billing': 'timeInvalid',
        problems: 'problemTooLong',
      },
    });
    expect(validateDraft(draft({ date: '2026-12-08' }), '2026-12-07')).toEqual({
      errors: { date: 'dateFuture' },
    });
    expect(validateDraft(draft({ date: '' }), '2026-12-07')).toEqual({
      errors: { date: 'dateInvalid' },
    });
    expect(validateDraft(draft({ scenario: 's'.repeat(501) }), '2026-12-07')).toEqual({
      errors: { scenario: 'scenarioTooLong' },
    });
  });
});

describe('serverFieldErrors', () => {
  const sent: Exercise = {
    date: '2026-11-02',
    kind: 'tabletop',
    scenario: 's',
    measured: [
      { process: 'billing', time: '4h' },
      { process: 'ghost', time: '1h' },
    ],
  };
  it('maps the server’s field paths to the form’s fields with its messages', () => {
    expect(
      serverFieldErrors(
        [
          { in: 'body', path: ['exercise', 'measured', 1, 'process'], message: 'Unknown process' },
          { in: 'body', path: ['exercise', 'date'], message: 'Bad date' },
          { in: 'body', path: ['baseVersion'], message: 'ignored' },
          'junk',
        ],
        sent,
      ),
    ).toEqual({ 'measured.ghost': 'Unknown process', date: 'Bad date' });
  });
  it('gives nothing for details it cannot read', () => {
    expect(serverFieldErrors(null, sent)).toEqual({});
    expect(serverFieldErrors({ errors: [] }, sent)).toEqual({});
  });
});
