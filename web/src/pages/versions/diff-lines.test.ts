import { describe, expect, it } from 'vitest';
import { diffLines, summarise } from './diff-lines';

describe('diffLines', () => {
  it('classifies hunk headers, additions, deletions and context', () => {
    expect(diffLines('@@ -1,2 +1,2 @@\n a\n-b\n+c')).toEqual([
      { kind: 'hunk', text: '@@ -1,2 +1,2 @@' },
      { kind: 'context', text: ' a' },
      { kind: 'del', text: '-b' },
      { kind: 'add', text: '+c' },
    ]);
  });
  it('gives nothing for an empty diff', () => {
    expect(diffLines('')).toEqual([]);
  });
});

describe('summarise', () => {
  it('counts files by status and lines added and removed', () => {
    const summary = summarise([
      { file: 'a.yaml', status: 'added', computed: true, unified: '@@ -0,0 +1,2 @@\n+x\n+y' },
      { file: 'b.yaml', status: 'changed', computed: true, unified: '@@ -1 +1 @@\n-x\n+z' },
      { file: 'c.yaml', status: 'removed', computed: false, unified: '' },
    ]);
    expect(summary).toEqual({ added: 1, removed: 1, changed: 1, linesAdded: 3, linesRemoved: 1 });
  });
});
