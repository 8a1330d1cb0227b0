import { describe, expect, it } from 'vitest';
import { diagramViewOf, entityPath, listStateParams, readListState, withQuery } from './links';

describe('explorer links', () => {
  it('builds entity paths for listed kinds only, with the id encoded', () => {
    expect(entityPath('assets', 'srv-01')).toBe('/explore/assets/srv-01');
    expect(entityPath('flows', 'a/b c')).toBe('/explore/flows/a%2Fb%20c');
    expect(entityPath('organisation', 'acme')).toBeNull();
  });

  it('adds, replaces and removes query parameters, keeping ?v=', () => {
    expect(withQuery('/w/1/diagram', { view: 'zone:dmz' })).toBe('/w/1/diagram?view=zone%3Admz');
    expect(withQuery('/w/1/diagram?v=3', { view: 'zones' })).toBe('/w/1/diagram?v=3&view=zones');
    expect(withQuery('/w/1/x?v=3&q=a', { q: '', sort: null })).toBe('/w/1/x?v=3');
    expect(withQuery('/w/1/x?q=a', { q: 'b' })).toBe('/w/1/x?q=b');
  });

  it('round-trips the list state through the URL', () => {
    const state = readListState(new URLSearchParams('q=web&zone=dmz&sort=name&dir=desc'));
    expect(state).toEqual({ q: 'web', zone: 'dmz', site: '', sort: { key: 'name', dir: 'desc' } });
    expect(withQuery('/l', listStateParams(state))).toBe('/l?q=web&zone=dmz&sort=name&dir=desc');
    expect(readListState(new URLSearchParams('sort=os')).sort).toEqual({ key: 'os', dir: 'asc' });
    expect(readListState(new URLSearchParams('dir=desc')).sort).toBeNull();
  });

  it('finds the diagram view showing an entity', () => {
    expect(diagramViewOf({ kind: 'zones', id: 'dmz', relations: [] })).toBe('zone:dmz');
    expect(diagramViewOf({ kind: 'sites', id: 'hq', relations: [] })).toBe('site:hq');
    const zone = { kind: 'zones' as const, id: 'lan', name: 'LAN' };
    const site = { kind: 'sites' as const, id: 'hq', name: 'HQ' };
    expect(
      diagramViewOf({
        kind: 'assets',
        id: 'srv',
        relations: [
          { role: 'site', items: [site] },
          { role: 'zone', items: [zone] },
        ],
      }),
    ).toBe('zone:lan');
    expect(
      diagramViewOf({ kind: 'data', id: 'd', relations: [{ role: 'site', items: [site] }] }),
    ).toBe('site:hq');
    expect(diagramViewOf({ kind: 'data', id: 'd', relations: [] })).toBeNull();
  });
});
