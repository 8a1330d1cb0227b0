import { describe, expect, it } from 'vitest';
import {
  COLLAPSE_BELOW,
  pathPoints,
  shouldCollapse,
  summaryFontSize,
  zoneSummaries,
} from './collapse';
import type { Box, Piece } from './collapse';

const box = (
  kind: string,
  id: string,
  x: number,
  y: number,
  width: number,
  height: number,
): Box => ({
  kind,
  id,
  x,
  y,
  width,
  height,
});

describe('zones collapsing to summaries', () => {
  it('collapses only below the threshold', () => {
    expect(shouldCollapse(1)).toBe(false);
    expect(shouldCollapse(COLLAPSE_BELOW)).toBe(false);
    expect(shouldCollapse(COLLAPSE_BELOW - 0.01)).toBe(true);
    expect(shouldCollapse(0.1)).toBe(true);
  });

  it('summarises the outermost zones and hides what lies wholly inside them', () => {
    const boxes = [
      box('site', 's', 0, 0, 1000, 1000),
      box('zone', 'lan', 10, 10, 500, 500),
      box('zone', 'admin', 20, 40, 200, 200),
      box('asset', 'a1', 30, 60, 50, 30),
      box('asset', 'a2', 300, 300, 50, 30),
      box('zone', 'dmz', 600, 10, 300, 200),
      box('asset', 'w', 620, 40, 50, 30),
    ];
    const pieces: Piece[] = [
      {
        index: 0,
        points: [
          { x: 30, y: 60 },
          { x: 80, y: 90 },
        ],
      },
      { index: 1, points: pathPoints('M55 75 L325 315') },
      { index: 2, points: pathPoints('M325 315 L645 55') },
      { index: 3, points: [] },
      { index: 6, points: pathPoints('M55 75 L55 700 L325 700 L325 315') },
      {
        index: 4,
        points: [
          { x: 600, y: 10 },
          { x: 900, y: 210 },
        ],
        box: { kind: 'zone', id: 'dmz' },
      },
      {
        index: 5,
        points: [
          { x: 20, y: 40 },
          { x: 220, y: 240 },
        ],
        box: { kind: 'zone', id: 'admin' },
      },
    ];
    const summaries = zoneSummaries(boxes, pieces);
    expect(summaries.map((s) => [s.id, s.assets, s.zones, s.hidden])).toEqual([
      ['lan', 2, 1, [0, 1, 6, 5]],
      ['dmz', 1, 0, []],
    ]);
  });

  it('reads path points and sizes the summary text to the zone', () => {
    expect(pathPoints('M10 20 L30.5 -4 L 7,8')).toEqual([
      { x: 10, y: 20 },
      { x: 30.5, y: -4 },
      { x: 7, y: 8 },
    ]);
    const big = summaryFontSize({ x: 0, y: 0, width: 2000, height: 2000 }, 0.25, [
      'LAN',
      '3 assets',
    ]);
    expect(big).toBeCloseTo(52);
    const narrow = summaryFontSize({ x: 0, y: 0, width: 100, height: 2000 }, 0.25, [
      'A long zone name',
    ]);
    expect(narrow).toBeLessThan(52);
    expect(narrow).toBeGreaterThanOrEqual(4);
  });
});
