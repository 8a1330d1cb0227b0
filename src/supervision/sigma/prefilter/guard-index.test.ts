import { describe, expect, it } from 'vitest';
import type { Guard } from '../compile/guard.js';
import type { SigmaEvent } from '../types.js';
import { createGuardIndex } from './guard-index.js';

const guards: (Guard | undefined)[] = [
  [{ field: 'Image', kind: 'suffix', needles: ['\\cmd.exe', '\\pwsh.exe'] }],
  [{ field: 'Image', kind: 'prefix', needles: ['c:\\temp\\'] }],
  [{ field: 'CommandLine', kind: 'contains', needles: ['-enc', 'bypass'] }],
  [{ field: 'User', kind: 'exact', needles: ['system', '42'] }],
  undefined,
  [
    { field: 'Image', kind: 'suffix', needles: ['.scr'] },
    { field: 'ParentImage', kind: 'exact', needles: ['x'] },
  ],
  [{ field: 'Image', kind: 'prefix', needles: [''] }],
];
const all = guards.map((_, i) => i);

function marked(event: SigmaEvent): number[] {
  const index = createGuardIndex(guards);
  const stamps = new Int32Array(guards.length);
  index.mark(all, event, stamps, 7);
  return all.filter((i) => stamps[i] === 7);
}

describe('guard index', () => {
  it('stamps the rules whose clause holds, case-insensitively', () => {
    expect(marked({ Image: 'C:\\Windows\\System32\\CMD.EXE' })).toEqual([0, 6]);
    expect(marked({ Image: 'C:\\Temp\\a.scr' })).toEqual([1, 5, 6]);
    expect(marked({ CommandLine: 'powershell -EncodedCommand' })).toEqual([2]);
    expect(marked({ CommandLine: 'x -ep ByPass' })).toEqual([2]);
    expect(marked({ User: 'SYSTEM' })).toEqual([3]);
    expect(marked({ user: 'system' })).toEqual([3]);
    expect(marked({ ParentImage: 'X' })).toEqual([5]);
  });

  it('reads numbers and booleans as text, and lists as "may match"', () => {
    expect(marked({ User: 42 })).toEqual([3]);
    expect(marked({ Image: ['a', 'b'] })).toEqual([0, 1, 5, 6]);
  });

  it('stamps nothing for absent, null, object or non-matching values', () => {
    expect(marked({})).toEqual([]);
    expect(marked({ Image: null, User: { name: 'system' } })).toEqual([]);
    expect(marked({ CommandLine: 'enc bypas', User: 'systemd' })).toEqual([]);
  });

  it('knows which rules have a guard', () => {
    const index = createGuardIndex(guards);
    expect(all.filter((i) => index.guarded(i))).toEqual([0, 1, 2, 3, 5, 6]);
  });

  it('indexes only the rules of the routed list it is given', () => {
    const index = createGuardIndex(guards);
    const stamps = new Int32Array(guards.length);
    index.mark([2, 3], { Image: 'c:\\temp\\cmd.exe', User: 'system' }, stamps, 1);
    expect(all.filter((i) => stamps[i] === 1)).toEqual([3]);
  });
});
