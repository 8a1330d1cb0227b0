import { describe, expect, it } from 'vitest';
import { parsePortSpec } from './spec.js';
import { TOP_1000_PORTS } from './top-1000.js';

describe('parsePortSpec', () => {
  it.each([
    ['22,80,8000-8003', [22, 80, 8000, 8001, 8002, 8003]],
    [' 443 , 22 ,22', [22, 443]],
    ['65535', [65_535]],
    ['1-3,2-4', [1, 2, 3, 4]],
  ])('reads %j', (spec, ports) => {
    expect(parsePortSpec(spec)).toEqual({ ok: true, ports });
  });

  it('knows all and top1000', () => {
    const all = parsePortSpec('all');
    expect(all.ok && all.ports.length).toBe(65_535);
    const top = parsePortSpec('top1000,65000');
    expect(top.ok && top.ports.length).toBe(1001);
  });

  it.each([
    ['0', '0'],
    ['65536', '65536'],
    ['80-22', '80-22'],
    ['22,,80', ''],
    ['ssh', 'ssh'],
    ['22-', '22-'],
    ['', ''],
  ])('refuses %j, naming the bad item', (spec, item) => {
    expect(parsePortSpec(spec)).toEqual({ ok: false, error: { code: 'bad-port-spec', item } });
  });
});

describe('TOP_1000_PORTS', () => {
  it('holds 1,000 distinct TCP ports, ascending', () => {
    expect(TOP_1000_PORTS).toHaveLength(1000);
    expect(new Set(TOP_1000_PORTS).size).toBe(1000);
    expect([...TOP_1000_PORTS].sort((a, b) => a - b)).toEqual(TOP_1000_PORTS);
    expect(TOP_1000_PORTS.every((p) => Number.isInteger(p) && p >= 1 && p <= 65_535)).toBe(true);
  });

  it('holds the usual services', () => {
    for (const port of [21, 22, 23, 25, 53, 80, 110, 143, 443, 445, 3306, 3389, 5432, 6379, 8080])
      expect(TOP_1000_PORTS).toContain(port);
  });
});
