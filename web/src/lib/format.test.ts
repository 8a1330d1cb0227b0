import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatNumberOf,
  formatRatio,
  numberKindOfField,
} from './format';

describe('numbers by kind', () => {
  it('groups counts in the language but never ports or ids', () => {
    expect(formatCount('en', 12345)).toBe('12,345');
    expect(formatCount('fr', 12345)).toBe('12\u202f345');
    expect(formatNumberOf('port', 'en', 8443)).toBe('8443');
    expect(formatNumberOf('port', 'fr', 10001)).toBe('10001');
    expect(formatNumberOf('id', 'en', 2026)).toBe('2026');
    expect(formatNumberOf('count', 'en', 8443)).toBe('8,443');
  });

  it('formats ratios, bytes and durations', () => {
    expect(formatRatio('en', 0.425)).toBe('43%');
    expect(formatRatio('fr', 0.425, 1)).toBe('42,5\u00a0%');
    expect(formatNumberOf('percent', 'en', 1)).toBe('100%');
    expect(formatBytes('en', 512)).toBe('512\u00a0B');
    expect(formatBytes('en', 1536)).toBe('1.5\u00a0KB');
    expect(formatBytes('fr', 3 * 1024 ** 3)).toBe('3\u00a0Go');
    expect(formatDuration('en', 45)).toBe('45s');
    expect(formatDuration('en', 3900)).toBe('1h 5m');
    expect(formatDuration('en', 3600)).toBe('1h');
    expect(formatDuration('en', 0)).toBe('0s');
    expect(formatNumberOf('duration', 'fr', 90_000)).toBe('1j 1h');
    expect(formatNumberOf('count', 'en', Number.NaN)).toBe('NaN');
  });

  it('tells port and id fields from counts by their name', () => {
    expect(numberKindOfField('port')).toBe('port');
    expect(numberKindOfField('listenPort')).toBe('port');
    expect(numberKindOfField('vlan')).toBe('id');
    expect(numberKindOfField('vlanId')).toBe('id');
    expect(numberKindOfField('users')).toBe('count');
    expect(numberKindOfField('rto')).toBe('count');
    expect(numberKindOfField('support')).toBe('count');
  });
});
