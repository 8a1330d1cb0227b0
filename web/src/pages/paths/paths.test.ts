import { describe, expect, it } from 'vitest';
import { niceMax } from '../dashboard/TrendChart';
import { techniqueUrl } from './AttackPathsPage';
import {
  GROUPS_PER_PAGE,
  pageCount,
  pageWindow,
  readPathsState,
  targetOfPathId,
} from './page-state';

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

describe('attack paths page state', () => {
  it('reads tab, target, page and path from the query, junk falling back', () => {
    expect(readPathsState(new URLSearchParams('tab=choke&target=db&page=3&path=db.2'))).toEqual({
      tab: 'choke',
      target: 'db',
      page: 3,
      path: 'db.2',
    });
    expect(readPathsState(new URLSearchParams('tab=x&page=-2'))).toEqual({
      tab: 'paths',
      target: '',
      page: 1,
      path: '',
    });
    expect(readPathsState(new URLSearchParams('page=2.5')).page).toBe(1);
  });

  it('turns pages into API windows and counts pages', () => {
    expect(pageWindow(1)).toEqual({ offset: 0, limit: GROUPS_PER_PAGE });
    expect(pageWindow(3, 10)).toEqual({ offset: 20, limit: 10 });
    expect(pageCount(0)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });

  it('finds the target of a path id', () => {
    expect(targetOfPathId('srv-erp.2')).toBe('srv-erp');
    expect(targetOfPathId('a.b.10')).toBe('a.b');
    expect(targetOfPathId('srv-erp')).toBeNull();
    expect(targetOfPathId('x.0')).toBeNull();
  });
});
