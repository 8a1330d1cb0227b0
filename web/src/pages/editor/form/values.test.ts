import { describe, expect, it } from 'vitest';
import { entityDescriptor } from './descriptor';
import { placeDiagnostics } from './failure';
import {
  changedTopLevel,
  checkDraft,
  entityOf,
  formPathOf,
  formPaths,
  placeOf,
  slugOf,
  uniqueId,
} from './values';

const assets = entityDescriptor('assets').fields;
const flows = entityDescriptor('flows').fields;

describe('checkDraft', () => {
  it('reports required fields, numbers and ranges on their path', () => {
    expect(checkDraft(flows, { from: 'a', protocol: 'https', port: 'eighty' })).toEqual([
      { path: 'to', code: 'required' },
      { path: 'port', code: 'number' },
    ]);
    expect(
      checkDraft(assets, { kind: 'server', services: [{ port: '70000' }, {}], count: '1.5' }),
    ).toEqual([
      { path: 'services[0].port', code: 'range', min: 0, max: 65535 },
      { path: 'count', code: 'integer' },
    ]);
  });

  it('checks required fields of a nested object only when it is set', () => {
    expect(checkDraft(assets, { kind: 'server', wifi: {} })).toEqual([]);
    expect(checkDraft(assets, { kind: 'server', wifi: { ssid: 'x' } })).toEqual([
      { path: 'wifi.security', code: 'required' },
    ]);
  });
});

describe('entityOf and changedTopLevel', () => {
  it('drops blanks, trims and types numbers, in the schema order', () => {
    expect(
      entityOf(assets, {
        zone: 'lan',
        kind: 'server',
        name: ' ERP ',
        hostname: '',
        addresses: ['10.0.0.1', ''],
        services: [{ port: '443', protocol: 'https' }, {}],
        redundancy: { with: [] },
      }),
    ).toEqual({
      name: 'ERP',
      kind: 'server',
      zone: 'lan',
      addresses: ['10.0.0.1'],
      services: [{ port: 443, protocol: 'https' }],
    });
  });

  it('sends changed fields only, null for a removed one', () => {
    expect(
      changedTopLevel(
        assets,
        { kind: 'server', zone: 'lan', os: { name: 'Linux' } },
        { kind: 'server', os: { name: 'Linux' }, hostname: 'erp' },
      ),
    ).toEqual({ zone: null, hostname: 'erp' });
  });
});

describe('placing server diagnostics', () => {
  it('maps a model path to the form path of this entity only', () => {
    expect(formPathOf('assets[srv-erp].services[0].port', 'assets', 'srv-erp')).toBe(
      'services[0].port',
    );
    expect(formPathOf('assets[srv-erp]', 'assets', 'srv-erp')).toBe('');
    expect(formPathOf('assets[srv-erp2].zone', 'assets', 'srv-erp')).toBeNull();
    expect(formPathOf('flows[f1].to', 'assets', 'f1')).toBeNull();
  });

  it('puts an error on the nearest field shown', () => {
    const shown = formPaths(assets, { services: [{ port: 1 }] });
    expect(shown.has('services[0].port')).toBe(true);
    expect(placeOf('services[0].port', shown)).toBe('services[0].port');
    expect(placeOf('services[3].port', shown)).toBe('services');
    expect(placeOf('nothing.here', shown)).toBe('');
    const placed = placeDiagnostics(
      [
        {
          file: 'a.yaml',
          line: 3,
          column: 5,
          severity: 'error',
          code: 'unknown-reference',
          message: 'Unknown zone',
          path: 'assets[x].zone',
        },
        {
          file: 'b.yaml',
          line: 1,
          column: 1,
          severity: 'error',
          code: 'other',
          message: 'Elsewhere',
          path: 'flows[f].to',
        },
        {
          file: 'a.yaml',
          line: 1,
          column: 1,
          severity: 'warning',
          code: 'w',
          message: 'Warning',
          path: 'assets[x].name',
        },
      ],
      'assets',
      'x',
      formPaths(assets, {}),
    );
    expect([...placed.byPath]).toEqual([['zone', ['Unknown zone']]]);
    expect(placed.elsewhere.map((d) => d.message)).toEqual(['Elsewhere']);
  });
});

describe('ids from names', () => {
  it('proposes a kebab-case id, unique in the model', () => {
    expect(slugOf('Serveur ERP (Nancy) – n°2')).toBe('serveur-erp-nancy-n-2');
    expect(slugOf('  ')).toBe('');
    expect(uniqueId('srv', new Set(['srv', 'srv-2']))).toBe('srv-3');
    expect(uniqueId('srv', new Set())).toBe('srv');
  });
});
