import { describe, expect, it } from 'vitest';
import { parseTimespan } from './timespan.js';

describe('parseTimespan', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['90m', 5_400_000],
    ['1h', 3_600_000],
    ['24h', 86_400_000],
    ['1d', 86_400_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseTimespan(text)).toBe(ms);
  });

  it.each(['', 'h', '0m', '-5m', '5', '5M', '5 m', '1.5h', '5w', 'abcm', 12, null, '12345678901s'])(
    'rejects %j',
    (text) => {
      expect(parseTimespan(text)).toBeUndefined();
    },
  );
});
