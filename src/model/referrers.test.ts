import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/index.js';
import { loadModel } from './load.js';
import { formatReferencePath, isRemovable, referrersOf } from './referrers.js';

const MODEL = `
organisation: {name: Test, securityReferent: alice}
zones:
  - {id: lan, kind: user}
  - {id: dmz, kind: dmz}
assets:
  - {id: fw, kind: firewall, zone: lan}
  - {id: hyper, kind: hypervisor, zone: lan, owner: alice}
  - id: erp
    name: ERP server
    kind: server
    zone: lan
    hostedOn: hyper
    redundancy: {mode: active-passive, with: [erp2]}
    adminInterfaces: [{protocol: ssh, from: [dmz, lan]}]
  - {id: erp2, kind: server, zone: dmz, redundancy: {mode: cluster, with: [erp]}}
data:
  - {id: invoices, storedOn: [erp]}
flows:
  - {id: f1, name: Users to ERP, from: lan, to: erp, protocol: https, data: [invoices]}
identities:
  - {id: alice, kind: person, rights: [{on: erp, level: admin}]}
`;

const { model, valid, diagnostics } = loadModel([{ file: 'm.yaml', text: MODEL }], {
  t: createTranslator('en'),
});

describe('referrersOf', () => {
  it('loads a valid model', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(valid).toBe(true);
  });

  it('finds every reference to an asset, with its path and whether it can be removed', () => {
    const found = referrersOf(model, 'erp').map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      path: formatReferencePath(r.path),
      required: r.required,
    }));
    expect(found).toEqual([
      {
        id: 'erp2',
        kind: 'asset',
        name: 'erp2',
        path: 'redundancy.with[0]',
        required: false,
      },
      { id: 'invoices', kind: 'data', name: 'invoices', path: 'storedOn[0]', required: false },
      { id: 'f1', kind: 'flow', name: 'Users to ERP', path: 'to', required: true },
      { id: 'alice', kind: 'identity', name: 'alice', path: 'rights[0].on', required: true },
    ]);
  });

  it('finds references in nested lists and in the organisation', () => {
    expect(referrersOf(model, 'dmz').map((r) => [r.id, formatReferencePath(r.path)])).toEqual([
      ['erp', 'adminInterfaces[0].from[0]'],
      ['erp2', 'zone'],
    ]);
    const alice = referrersOf(model, 'alice');
    expect(alice.map((r) => [r.kind, r.id, formatReferencePath(r.path), r.required])).toEqual([
      ['organisation', '$organisation', 'securityReferent', false],
      ['asset', 'hyper', 'owner', false],
    ]);
  });

  it('leaves out the entity itself and answers nothing for an unreferenced id', () => {
    expect(referrersOf(model, 'fw')).toEqual([]);
    expect(referrersOf(model, 'nobody')).toEqual([]);
  });

  it('works on the plain sections of a file', () => {
    const found = referrersOf({ assets: [{ id: 'a', kind: 'server', hostedOn: 'h' }] }, 'h');
    expect(found.map((r) => [r.id, r.path, r.required])).toEqual([['a', ['hostedOn'], false]]);
  });
});

describe('isRemovable', () => {
  it('reads optionality from the schema', () => {
    expect(isRemovable('flows', ['from'])).toBe(false);
    expect(isRemovable('flows', ['data', 0])).toBe(true);
    expect(isRemovable('assets', ['zone'])).toBe(true);
    expect(isRemovable('identities', ['remoteAccess', 'via'])).toBe(false);
    expect(isRemovable('organisation', ['regulatory', 'dpo'])).toBe(true);
    expect(isRemovable('assets', ['nothing', 'here'])).toBe(false);
  });
});
