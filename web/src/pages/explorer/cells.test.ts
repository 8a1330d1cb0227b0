import { describe, expect, it } from 'vitest';
import type { ColumnView } from '../../../../src/platform/api/types';
import { format } from '../../i18n';
import type { Translate } from '../../i18n';
import { renderCell, sortKey } from './cells';

const t: Translate = (key, params) => format(key, params);
const env = {
  t,
  lang: 'en' as const,
  toHref: (path: string) => path,
  formatNumber: (n: number) => new Intl.NumberFormat('en-GB').format(n),
};
const number = (key: string): ColumnView => ({ key, type: 'number' });

describe('explorer cells', () => {
  it('formats numbers by kind: counts grouped, ports and ids never', () => {
    expect(renderCell(number('users'), 12345, env)).toBe('12,345');
    expect(renderCell(number('port'), 10443, env)).toBe('10443');
    expect(renderCell(number('vlanId'), 1200, env)).toBe('1200');
    expect(renderCell(number('users'), 'many', env)).toBe('many');
  });

  it('sorts numbers as numbers', () => {
    expect(sortKey(number('port'), 8443)).toBe(8443);
    expect(sortKey(number('port'), null)).toBe(-Infinity);
  });
});
