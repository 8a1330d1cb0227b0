import { describe, expect, it } from 'vitest';
import type { EntityListResponse } from '../../../../src/platform/api/types';
import { entriesOf } from './use-entity-catalog';

const list = (rows: EntityListResponse['rows']): EntityListResponse => ({
  version: 1,
  kind: 'assets',
  columns: [],
  rows,
  total: rows.length,
});

describe('entriesOf', () => {
  it('keeps an asset’s kind and zone from the explorer’s cells', () => {
    const entries = entriesOf(
      'assets',
      list([
        {
          id: 'pc-1',
          name: 'Postes',
          cells: { kind: 'workstation', zone: { kind: 'zones', id: 'lan', name: 'LAN' } },
          worst: null,
        },
        { id: 'm365', name: '', cells: { kind: 'saas', zone: null }, worst: null },
      ]),
    );
    expect(entries).toEqual([
      {
        id: 'pc-1',
        name: 'Postes',
        listKind: 'assets',
        kind: 'workstation',
        zone: 'lan',
        zoneName: 'LAN',
      },
      { id: 'm365', name: 'm365', listKind: 'assets', kind: 'saas' },
    ]);
  });
  it('gives other kinds no asset kind, and nothing before the list loads', () => {
    expect(
      entriesOf('sites', list([{ id: 's', name: 'Site', cells: { kind: 'plant' }, worst: null }])),
    ).toEqual([{ id: 's', name: 'Site', listKind: 'sites' }]);
    expect(entriesOf('processes', null)).toEqual([]);
  });
});
