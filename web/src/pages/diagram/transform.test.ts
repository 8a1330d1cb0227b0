import { describe, expect, it } from 'vitest';
import {
  MAX_SCALE,
  MIN_SCALE,
  clampScale,
  clampView,
  fitView,
  fitWidth,
  panBy,
  revealShift,
  transformCss,
  wheelFactor,
  zoomAt,
} from './transform';

describe('diagram transform', () => {
  it('zooms around a point: the content under it stays under it', () => {
    const view = { x: 10, y: 20, scale: 1 };
    const at = { x: 110, y: 70 };
    const contentX = (at.x - view.x) / view.scale;
    const contentY = (at.y - view.y) / view.scale;
    const zoomed = zoomAt(view, 2, at);
    expect(zoomed.scale).toBe(2);
    expect(zoomed.x + contentX * zoomed.scale).toBeCloseTo(at.x);
    expect(zoomed.y + contentY * zoomed.scale).toBeCloseTo(at.y);
    const back = zoomAt(zoomed, 0.5, at);
    expect(back.x).toBeCloseTo(view.x);
    expect(back.y).toBeCloseTo(view.y);
  });

  it('clamps the scale, also when zooming', () => {
    expect(clampScale(100)).toBe(MAX_SCALE);
    expect(clampScale(0)).toBe(MIN_SCALE);
    expect(clampScale(Number.NaN)).toBe(1);
    const view = zoomAt({ x: 0, y: 0, scale: MAX_SCALE }, 2, { x: 50, y: 50 });
    expect(view).toEqual({ x: 0, y: 0, scale: MAX_SCALE });
  });

  it('pans and keeps a strip of the content visible', () => {
    const content = { width: 1000, height: 500 };
    const viewport = { width: 400, height: 300 };
    expect(panBy({ x: 0, y: 0, scale: 1 }, 5, -5)).toEqual({ x: 5, y: -5, scale: 1 });
    expect(clampView({ x: 5000, y: 5000, scale: 1 }, content, viewport)).toEqual({
      x: 352,
      y: 252,
      scale: 1,
    });
    expect(clampView({ x: -5000, y: -5000, scale: 1 }, content, viewport)).toEqual({
      x: -952,
      y: -452,
      scale: 1,
    });
    const inside = { x: -100, y: -50, scale: 1 };
    expect(clampView(inside, content, viewport)).toEqual(inside);
  });

  it('fits the content centred, never enlarging it', () => {
    expect(fitView({ width: 800, height: 400 }, { width: 400, height: 400 })).toEqual({
      x: 0,
      y: 100,
      scale: 0.5,
    });
    expect(fitView({ width: 100, height: 100 }, { width: 300, height: 200 })).toEqual({
      x: 100,
      y: 50,
      scale: 1,
    });
    expect(fitView({ width: 0, height: 0 }, { width: 300, height: 200 })).toEqual({
      x: 0,
      y: 0,
      scale: 1,
    });
  });

  it('fits the width of tall content, from its top', () => {
    expect(fitWidth({ width: 800, height: 4000 }, { width: 400, height: 300 })).toEqual({
      x: 0,
      y: 0,
      scale: 0.5,
    });
    expect(fitWidth({ width: 200, height: 100 }, { width: 400, height: 300 })).toEqual({
      x: 100,
      y: 100,
      scale: 1,
    });
  });

  it('brings a focused element into view', () => {
    const area = { left: 100, top: 100, width: 400, height: 300 };
    expect(revealShift({ left: 150, top: 150, width: 50, height: 50 }, area)).toEqual({
      x: 0,
      y: 0,
    });
    // outside to the right: centred horizontally, vertical already fine
    expect(revealShift({ left: 700, top: 150, width: 40, height: 20 }, area)).toEqual({
      x: 300 - 720,
      y: 0,
    });
    // larger than the area: its top-left corner shown with a margin
    expect(revealShift({ left: -500, top: -50, width: 2000, height: 1000 }, area)).toEqual({
      x: 616,
      y: 166,
    });
  });

  it('turns wheel deltas into bounded zoom factors and CSS', () => {
    expect(wheelFactor(-100)).toBeGreaterThan(1);
    expect(wheelFactor(100)).toBeLessThan(1);
    expect(wheelFactor(10_000)).toBe(wheelFactor(200));
    expect(transformCss({ x: 1, y: 2, scale: 3 })).toBe('translate(1px, 2px) scale(3)');
  });
});
