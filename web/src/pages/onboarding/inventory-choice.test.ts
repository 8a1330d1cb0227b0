import { describe, expect, it } from 'vitest';
import type { InventoryChoiceView } from '../../../../src/platform/api/types';
import { chooseAssetsTable, chooseFlowsTable } from './inventory-choice';

const detected: InventoryChoiceView = {
  assets: { table: 'inventaire.csv', headerRow: 0, columns: { name: 0, zone: 2, kind: 1 } },
  flows: { table: 'flux.csv', layout: 'matrix', headerRow: 0 },
};

describe('choosing the tables of the inventory mapping', () => {
  it('keeps the detected columns when the same assets table is chosen again', () => {
    const next = chooseAssetsTable(detected, detected, 'inventaire.csv');
    expect(next.assets?.columns).toEqual({ name: 0, zone: 2, kind: 1 });
    expect(next.flows).toEqual(detected.flows);
  });

  it('keeps columns the user changed when the same table is chosen again', () => {
    const edited: InventoryChoiceView = {
      ...detected,
      assets: { table: 'inventaire.csv', headerRow: 1, columns: { name: 3 } },
    };
    expect(chooseAssetsTable(edited, detected, 'inventaire.csv')).toEqual(edited);
  });

  it('restores the detected columns after another table was chosen', () => {
    const other = chooseAssetsTable(detected, detected, 'flux.csv');
    expect(other.assets).toEqual({ table: 'flux.csv', headerRow: 0, columns: {} });
    const back = chooseAssetsTable(other, detected, 'inventaire.csv');
    expect(back.assets).toEqual(detected.assets);
    expect(back.flows).toEqual(detected.flows);
  });

  it('removes the assets table when none is chosen, keeping the flows', () => {
    expect(chooseAssetsTable(detected, detected, '')).toEqual({ flows: detected.flows });
  });

  it('does the same for the flows table', () => {
    const list: InventoryChoiceView = {
      ...detected,
      flows: { table: 'flux.csv', layout: 'list', headerRow: 0, columns: { source: 0 } },
    };
    expect(chooseFlowsTable(list, detected, 'flux.csv')).toEqual(list);
    const other = chooseFlowsTable(list, detected, 'inventaire.csv');
    expect(other.flows).toEqual({ table: 'inventaire.csv', layout: 'matrix', headerRow: 0 });
    expect(chooseFlowsTable(other, detected, 'flux.csv').flows).toEqual(detected.flows);
    expect(chooseFlowsTable(list, detected, '')).toEqual({ assets: detected.assets });
  });
});
