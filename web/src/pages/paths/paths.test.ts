import { describe, expect, it } from 'vitest';
import { niceMax } from '../dashboard/TrendChart';
import { techniqueUrl } from './AttackPathsPage';

describe('attack paths helpers', () => {
  it('links ATT&CK technique ids only', () => {
    expect(techniqueUrl('T1021.001')).toBe('https://attack.mitre.org/techniques/T1021/001/');
    expect(techniqueUrl('T1190')).toBe('https://attack.mitre.org/techniques/T1190/');
    expect(techniqueUrl('T1133 External Remote Services')).toBe(
      'https://attack.mitre.org/techniques/T1133/',
    );
    expect(techniqueUrl('lateral movement')).toBeNull();
    expect(techniqueUrl('T11334')).toBeNull();
    expect(techniqueUrl('T1190"><script>')).toBeNull();
  });

  it('rounds the trend axis up', () => {
    expect(niceMax(0)).toBe(4);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(11)).toBe(20);
    expect(niceMax(230)).toBe(250);
    expect(niceMax(1000)).toBe(1000);
  });
});
