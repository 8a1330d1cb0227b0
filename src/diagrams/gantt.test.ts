import { describe, expect, it } from 'vitest';
import { assertWellFormedXml } from '../../test/support/xml.js';
import type { PlannedTask, RecoveryPlan } from '../continuity/schedule/index.js';
import { ganttDuration, ganttSvg, ganttTicks } from './gantt.js';

/**
 * Two teams. Team 1: a (0–1h) then c (1h–5h, waits for a). Team 2: b (0–2h). Critical path a → c
 * (5h). Process sales (RTO 4h) needs c: back at 5h, missed; process docs (RTO 3h) needs b: back
 * at 2h, met.
 */
const plan: RecoveryPlan = {
  teams: 2,
  makespan: 300,
  tasks: [
    { asset: 'a', start: 0, end: 60, duration: 60, team: 1 },
    { asset: 'b', start: 0, end: 120, duration: 120, team: 2, teamId: 'apps' },
    {
      asset: 'c',
      start: 60,
      end: 300,
      duration: 240,
      team: 1,
      waitedFor: { task: 'a', reason: 'precedence' },
    },
  ],
  processes: [
    { process: 'docs', rto: 180, achievable: 120, status: 'met', chain: ['b'] },
    { process: 'sales', rto: 240, achievable: 300, status: 'missed', chain: ['a', 'c'] },
  ],
  criticalPath: ['a', 'c'],
  precedences: [{ before: 'a', after: 'c', reason: 'host', hard: true }],
  issues: [],
  assumptions: [],
};

/** The opening tags of the elements carrying `class` with the given word. */
const withClass = (svg: string, word: string): string[] =>
  [...svg.matchAll(/<[a-z]+ [^>]*class="([^"]*)"[^>]*>/g)]
    .filter((m) => (m[1] ?? '').split(' ').includes(word))
    .map((m) => m[0]);

const attr = (element: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];

describe('ganttDuration and ganttTicks', () => {
  it('writes minutes as days, hours and minutes in each language', () => {
    expect(ganttDuration(0, 'en')).toBe('0');
    expect(ganttDuration(45, 'en')).toBe('45min');
    expect(ganttDuration(2190, 'en')).toBe('1d 12h 30min');
    expect(ganttDuration(2190, 'fr')).toBe('1 j 12 h 30 min');
  });

  it('picks a round step giving at most ten intervals', () => {
    expect(ganttTicks(300)).toEqual({ step: 30, end: 300 });
    expect(ganttTicks(301)).toEqual({ step: 60, end: 360 });
    expect(ganttTicks(10 * 1440)).toEqual({ step: 1440, end: 10 * 1440 });
    expect(ganttTicks(0)).toEqual({ step: 5, end: 5 });
  });
});

describe('ganttSvg', () => {
  const svg = ganttSvg(plan, { locale: 'en', processes: true });

  it('is well-formed, standalone SVG', () => {
    assertWellFormedXml(svg);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/href=|<script|url\(/);
  });

  it('draws one bar per task, grouped by team, at its time', () => {
    const bars = withClass(svg, 'bar');
    expect(bars.map((b) => attr(b, 'data-id'))).toEqual(['a', 'c', 'b']);
    // axis: 300 min in 30-min steps over 640 px → 640/300 px per minute
    const c = bars[1] ?? '';
    expect(Number(attr(c, 'x')) - Number(attr(bars[0] ?? '', 'x'))).toBeCloseTo(
      (60 * 640) / 300,
      0,
    );
    expect(Number(attr(c, 'width'))).toBeCloseTo((240 * 640) / 300, 0);
    expect(withClass(svg, 'team').length).toBe(2);
    expect(svg).toContain('>apps<');
    expect(withClass(svg, 'tick').length).toBe(11);
  });

  it('marks exactly the critical path, in its own colour, and says so in the legend', () => {
    const critical = withClass(svg, 'critical').map((b) => attr(b, 'data-id'));
    expect(critical).toEqual(['a', 'c']);
    const colours = new Set(withClass(svg, 'critical').map((b) => attr(b, 'fill')));
    expect(colours.size).toBe(1);
    const plain = withClass(svg, 'bar').filter((b) => !b.includes('critical'));
    expect(plain.map((b) => attr(b, 'fill'))).not.toContain([...colours][0]);
    expect(svg).toContain('>Critical path<');
  });

  it('draws per process an RTO marker and the achievable time, met or missed', () => {
    const markers = withClass(svg, 'rto');
    expect(markers.map((m) => attr(m, 'data-minutes'))).toEqual(['180', '240']);
    expect(withClass(svg, 'missed').map((g) => attr(g, 'data-process'))).toEqual(['sales']);
    expect(withClass(svg, 'met').map((g) => attr(g, 'data-process'))).toEqual(['docs']);
    expect(svg).toContain('>5h / RTO 4h: missed<');
    expect(svg).toContain('>2h / RTO 3h: met<');
    expect(svg).toContain('>Process RTO<');
    expect(ganttSvg(plan, { locale: 'en' })).not.toContain('class="rto"');
  });

  it('lists in the legend only the teams whose colour is drawn', () => {
    // team 1's bars (a, c) are all on the critical path, drawn red: no team 1 swatch
    const legend = svg.slice(svg.indexOf('data-kind="legend"'));
    expect(legend).toContain('>apps<');
    expect(legend).not.toContain('>Team 1<');
    expect(svg).toContain('>Team 1<'); // still the heading of its rows
  });

  it('names the slots of a declared team in words, from the declared slots or the plan', () => {
    // ops declares 2 slots (plan slots 1 and 2), apps 1 (slot 3); only ops's 2nd slot and apps work
    const slotted: RecoveryPlan = {
      ...plan,
      teams: 3,
      tasks: [
        { asset: 'a', start: 0, end: 60, duration: 60, team: 2, teamId: 'ops' },
        { asset: 'b', start: 0, end: 120, duration: 120, team: 3, teamId: 'apps' },
        { asset: 'c', start: 60, end: 300, duration: 240, team: 2, teamId: 'ops' },
      ],
      criticalPath: [],
    };
    const declared = ganttSvg(slotted, { locale: 'en', slots: { ops: 2, apps: 1 } });
    expect(declared).toContain('>ops, slot 2/2<');
    expect(declared).toContain('>apps<');
    expect(declared).not.toContain('Team 2');
    const fr = ganttSvg(slotted, { locale: 'fr', slots: { ops: 2, apps: 1 } });
    expect(fr).toContain('>ops, créneau 2/2<');
    // without the declared slots: the plan's own (ops's two slots both working)
    const both = ganttSvg(
      {
        ...slotted,
        tasks: slotted.tasks.map((t) => (t.asset === 'c' ? { ...t, team: 1 } : t)),
      },
      { locale: 'en' },
    );
    expect(both).toContain('>ops, slot 1/2<');
    expect(both).toContain('>ops, slot 2/2<');
  });

  it('speaks French', () => {
    const fr = ganttSvg(plan, { locale: 'fr', processes: true, title: 'Plan' });
    expect(fr).toContain('<title>Plan</title>');
    expect(fr).toContain('>Chemin critique<');
    expect(fr).toContain('>5 h / RTO 4 h : dépassé<');
    expect(fr).toContain('>Équipe 1<');
    expect(fr).not.toContain('>Critical path<');
  });

  it('keeps hostile names as text', () => {
    const hostile = ganttSvg(
      { ...plan, tasks: plan.tasks.map((t) => (t.asset === 'c' ? { ...t, asset: '<x>&"' } : t)) },
      {
        locale: 'en',
        title: '<script>alert(1)</script>',
        names: { a: '<script>alert("a")</script>' },
      },
    );
    assertWellFormedXml(hostile);
    expect(hostile).not.toContain('<script');
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain('data-id="&lt;x&gt;&amp;&quot;"');
  });

  it('marks highlighted assets and colours by method when asked', () => {
    const marked = ganttSvg(plan, {
      locale: 'en',
      highlight: ['b'],
      methods: { a: 'failover', b: 'supplier', c: 'rebuild' },
    });
    expect(withClass(marked, 'highlight').map((g) => attr(g, 'data-id'))).toEqual(['b']);
    expect(marked).toContain('>Highlighted asset<');
    expect(marked).toContain('>Supplier<');
    const b = withClass(marked, 'bar').find((e) => attr(e, 'data-id') === 'b') ?? '';
    expect(attr(b, 'fill')).toBe('#b07aa1');
  });

  it('draws a bounded number of rows for 10,000 tasks, quickly, keeping the critical path', () => {
    const tasks: PlannedTask[] = Array.from({ length: 10_000 }, (_, i) => ({
      asset: `asset-${String(i).padStart(5, '0')}`,
      start: Math.floor(i / 5) * 30,
      end: Math.floor(i / 5) * 30 + 30,
      duration: 30,
      team: (i % 5) + 1,
    }));
    const path = ['asset-09999', 'asset-05000', 'asset-00004'];
    const big: RecoveryPlan = {
      ...plan,
      teams: 5,
      tasks,
      makespan: 2000 * 30,
      criticalPath: path,
      processes: [],
    };
    const started = performance.now();
    const out = ganttSvg(big, { locale: 'en', processes: true, maxRows: 60 });
    expect(performance.now() - started).toBeLessThan(1000);
    assertWellFormedXml(out);
    expect(out.length).toBeLessThan(100_000);
    const bars = withClass(out, 'bar');
    expect(bars.length).toBe(60);
    expect(
      withClass(out, 'critical')
        .map((b) => attr(b, 'data-id'))
        .sort(),
    ).toEqual([...path].sort());
    expect(out).toContain('… and 9,940 more tasks not drawn');
  });

  it('says when there is nothing to recover', () => {
    const empty = ganttSvg(
      { ...plan, tasks: [], processes: [], criticalPath: [], makespan: 0 },
      { locale: 'fr' },
    );
    assertWellFormedXml(empty);
    expect(empty).toContain('>Rien à reprendre<');
  });
});
