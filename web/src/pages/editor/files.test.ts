import { describe, expect, it } from 'vitest';
import { bundleFiles, fileChanges, fileNameProblem, hasFileChanges, unbundleFiles } from './files';

describe('fileNameProblem', () => {
  it.each([
    ['', 'empty'],
    ['assets.yaml', null],
    ['_x.yml', null],
    ['sites.yaml', 'exists'],
    ['dir/a.yaml', 'invalid'],
    ['.hidden.yaml', 'invalid'],
    ['a..b.yaml', 'invalid'],
    ['a.json', 'invalid'],
    [`${'a'.repeat(101)}.yaml`, 'invalid'],
  ])('%s → %s', (name, expected) => {
    expect(fileNameProblem(name, ['sites.yaml'])).toBe(expected);
  });
});

describe('fileChanges', () => {
  it('lists added, removed and changed files', () => {
    const changes = fileChanges({ a: '1', b: '2', c: '3' }, { a: '1', b: '22', d: '4' });
    expect(changes).toEqual({ added: ['d'], removed: ['c'], changed: ['b'] });
    expect(hasFileChanges(changes)).toBe(true);
    expect(hasFileChanges(fileChanges({ a: '1' }, { a: '1' }))).toBe(false);
  });
});

describe('bundleFiles', () => {
  it('round-trips through unbundleFiles', () => {
    const files = { 'b.yaml': 'x: 1\n', 'a.yaml': 'y: 2', 'c.yaml': '' };
    const bundle = bundleFiles(files);
    expect(bundle.startsWith('# ===== file: a.yaml =====\ny: 2\n')).toBe(true);
    expect(unbundleFiles(bundle)).toEqual({ 'a.yaml': 'y: 2\n', 'b.yaml': 'x: 1\n', 'c.yaml': '' });
  });
});
