/**
 * The mapping step's choice of tables, as pure functions: choosing the table that already holds
 * the assets (or the flows) keeps its columns, choosing the table the server detected brings back
 * the detected columns, and any other table starts with no column mapped.
 */
import type { InventoryChoiceView } from '../../../../src/platform/api/types';

/** The choice after the assets table is set to `key` ('' for none). */
export function chooseAssetsTable(
  choice: InventoryChoiceView,
  detected: InventoryChoiceView,
  key: string,
): InventoryChoiceView {
  const rest: InventoryChoiceView = choice.flows === undefined ? {} : { flows: choice.flows };
  if (key === '') return rest;
  if (choice.assets?.table === key) return choice;
  const assets =
    detected.assets?.table === key ? detected.assets : { table: key, headerRow: 0, columns: {} };
  return { ...rest, assets };
}

/** The choice after the flows table is set to `key` ('' for none). */
export function chooseFlowsTable(
  choice: InventoryChoiceView,
  detected: InventoryChoiceView,
  key: string,
): InventoryChoiceView {
  const rest: InventoryChoiceView = choice.assets === undefined ? {} : { assets: choice.assets };
  if (key === '') return rest;
  if (choice.flows?.table === key) return choice;
  const flows =
    detected.flows?.table === key
      ? detected.flows
      : { table: key, layout: 'matrix' as const, headerRow: 0 };
  return { ...rest, flows };
}
