import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../../../src/platform/api/types';
import { collectTargets, explorerKind, flowIds, targetOf } from './targets';

describe('diagram targets', () => {
  it('maps the engine kinds to explorer kinds', () => {
    expect(explorerKind('asset')).toBe('assets');
    expect(explorerKind('outside-asset')).toBe('assets');
    expect(explorerKind('zone')).toBe('zones');
    expect(explorerKind('outside-zone')).toBe('zones');
    expect(explorerKind('site')).toBe('sites');
    expect(explorerKind('legend')).toBeNull();
    expect(explorerKind('edge')).toBeNull();
    expect(explorerKind('unzoned')).toBeNull();
  });

  it('opens the element itself, else its first flow', () => {
    expect(targetOf({ kind: 'asset', id: 'srv', flows: null })).toEqual({
      kind: 'assets',
      id: 'srv',
    });
    expect(targetOf({ kind: null, id: null, flows: ' f1  f2 ' })).toEqual({
      kind: 'flows',
      id: 'f1',
    });
    expect(targetOf({ kind: 'outside-all', id: null, flows: null })).toBeNull();
    expect(targetOf({ kind: 'asset', id: '', flows: '' })).toBeNull();
    expect(flowIds('a b\tc')).toEqual(['a', 'b', 'c']);
  });

  it('lists each entity once, grouped by kind then label', () => {
    const list = collectTargets(
      [
        { kind: 'asset', id: 'web', label: 'Web server', flows: null },
        { kind: 'zone', id: 'dmz', label: 'DMZ', flows: null },
        { kind: 'outside-asset', id: 'web', label: 'Other label', flows: null },
        { kind: 'asset', id: 'db', label: '  ', flows: null },
        { kind: null, id: null, label: null, flows: 'f2 f1' },
        { kind: 'legend', id: null, label: 'Legend', flows: null },
      ],
      ENTITY_KINDS,
    );
    expect(list.map((t) => `${t.kind}:${t.id}:${t.label}`)).toEqual([
      'zones:dmz:DMZ',
      'assets:db:db',
      'assets:web:Web server',
      'flows:f1:f1',
      'flows:f2:f2',
    ]);
  });
});
