import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DURATION_PATTERN,
  DURATION_UNITS,
  durationMinutes,
  formatDuration,
  formatDurationFr,
  formatDurationText,
  parseDuration,
} from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['0', 0],
    ['0h', 0],
    ['30min', 30],
    ['4h', 240],
    ['1.5h', 90],
    ['2d', 2880],
    ['0.5d', 720],
    ['1w', 10_080],
    ['3mo', 129_600],
    ['1y', 525_600],
    ['01h', 60],
  ])('reads %s as %d minutes', (text, minutes) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: minutes });
  });

  it.each([
    '',
    ' ',
    '1',
    '1.5',
    '00',
    'h',
    '1m',
    '1s',
    '1ms',
    '1H',
    '1Y',
    '-1h',
    '+1h',
    '1 h',
    ' 1h',
    '1h ',
    '.5h',
    '1.h',
    '1hh',
    '1d2h',
    '1e3h',
    '1,5h',
    'P1D',
  ])('rejects %j', (text) => {
    expect(parseDuration(text)).toEqual({ ok: false, error: { code: 'invalid-duration' } });
    expect(DURATION_PATTERN.test(text)).toBe(false);
  });
});

describe('durationMinutes', () => {
  it('gives minutes, or NaN for text the schema would have rejected', () => {
    expect(durationMinutes('3d')).toBe(4320);
    expect(durationMinutes('3 days')).toBeNaN();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0'],
    [1, '1min'],
    [30, '30min'],
    [90, '90min'],
    [60, '1h'],
    [120, '2h'],
    [1440, '1d'],
    [1441, '1441min'],
    [2880, '2d'],
    [4320, '3d'],
    [10_080, '1w'],
    [20_160, '2w'],
    [43_200, '1mo'],
    [86_400, '2mo'],
    [518_400, '12mo'],
    [525_600, '1y'],
    [1_051_200, '2y'],
    [0.5, '0.5min'],
  ])('writes %d minutes as %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it.each([
    ['60min', '1h'],
    ['24h', '1d'],
    ['7d', '1w'],
    ['30d', '1mo'],
    ['365d', '1y'],
    ['1.5h', '90min'],
    ['0.5w', '84h'],
    ['4h', '4h'],
    ['0h', '0'],
  ])('normalises %s to %s', (text, normal) => {
    expect(formatDuration(durationMinutes(text))).toBe(normal);
  });

  it('round-trips every whole number of minutes through the largest exact unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (minutes) => {
        const text = formatDuration(minutes);
        expect(text).toMatch(DURATION_PATTERN);
        expect(parseDuration(text)).toEqual({ ok: true, value: minutes });
        const [, amount, unit] = /^(\d+)([a-z]+)$/.exec(text) ?? [];
        if (unit !== undefined) {
          const size = DURATION_UNITS[unit as keyof typeof DURATION_UNITS];
          const larger = Object.values(DURATION_UNITS).filter((s) => s > size);
          expect(larger.some((s) => minutes % s === 0)).toBe(false);
          expect(Number(amount) * size).toBe(minutes);
        }
      }),
    );
  });

  it('round-trips every written duration to the same number of minutes', () => {
    const units = Object.keys(DURATION_UNITS);
    fc.assert(
      fc.property(fc.nat(10_000), fc.constantFrom(...units), (amount, unit) => {
        const minutes = durationMinutes(`${amount}${unit}`);
        expect(durationMinutes(formatDuration(minutes))).toBe(minutes);
      }),
    );
  });
});

describe('formatDurationText', () => {
  it.each([
    [0, '0min', '0 min'],
    [30, '30min', '30 min'],
    [60, '1h', '1 h'],
    [1440, '1d', '1 j'],
    // 4 × 1440 + 16 × 60 + 30 = 6750
    [6750, '4d 16h 30min', '4 j 16 h 30 min'],
    [10_080, '7d', '7 j'],
    [1441, '1d 1min', '1 j 1 min'],
    [89.6, '1h 30min', '1 h 30 min'],
  ])('writes %d minutes as %s / %s', (minutes, en, fr) => {
    expect(formatDurationText(minutes)).toBe(en);
    expect(formatDurationText(minutes, 'fr')).toBe(fr);
    expect(formatDurationFr(minutes)).toBe(fr);
  });
});
