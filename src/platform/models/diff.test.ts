import { describe, expect, it } from 'vitest';
import { diffFiles, diffLines, diffText, formatHunks, splitLines } from './diff.js';

const lines = (text: string): string[] => splitLines(text);

describe('diffLines', () => {
  it('keeps equal texts as context only', () => {
    const out = diffLines(lines('a\nb\nc\n'), lines('a\nb\nc\n'));
    expect(out?.every((l) => l.op === ' ')).toBe(true);
  });

  it('finds a changed line in the middle', () => {
    const out = diffLines(lines('a\nb\nc'), lines('a\nB\nc'));
    expect(out).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: '+', text: 'B' },
      { op: ' ', text: 'c' },
    ]);
  });

  it('handles insertions and deletions at both ends and empty texts', () => {
    expect(diffLines([], ['x'])).toEqual([{ op: '+', text: 'x' }]);
    expect(diffLines(['x'], [])).toEqual([{ op: '-', text: 'x' }]);
    const out = diffLines(['a', 'b', 'c', 'd'], ['b', 'c', 'e']);
    expect(out?.filter((l) => l.op !== ' ')).toEqual([
      { op: '-', text: 'a' },
      { op: '-', text: 'd' },
      { op: '+', text: 'e' },
    ]);
    // A longest common subsequence: b and c kept.
    expect(out?.filter((l) => l.op === ' ').map((l) => l.text)).toEqual(['b', 'c']);
  });

  it('gives up (null) above the line limit, but trims a common prefix first', () => {
    const big = Array.from({ length: 20_001 }, (_, i) => `line ${String(i)}`);
    expect(diffLines(big, [])).toBeNull();
    const changed = [...big.slice(0, -1), 'last'];
    const out = diffLines(big, changed);
    expect(out?.filter((l) => l.op !== ' ')).toEqual([
      { op: '-', text: 'line 20000' },
      { op: '+', text: 'last' },
    ]);
  });
});

describe('diffText', () => {
  it('produces unified hunks with line numbers and context', () => {
    const old = Array.from({ length: 20 }, (_, i) => `l${String(i + 1)}`).join('\n');
    const next = old.replace('l10', 'ten');
    const diff = diffText(old, next);
    expect(diff.computed).toBe(true);
    expect(diff.hunks).toHaveLength(1);
    expect(formatHunks(diff.hunks)).toBe(
      ['@@ -7,7 +7,7 @@', ' l7', ' l8', ' l9', '-l10', '+ten', ' l11', ' l12', ' l13'].join('\n'),
    );
  });

  it('splits distant changes into separate hunks and merges close ones', () => {
    const old = Array.from({ length: 40 }, (_, i) => `l${String(i + 1)}`);
    const far = [...old];
    far[1] = 'x';
    far[35] = 'y';
    expect(diffText(old.join('\n'), far.join('\n')).hunks).toHaveLength(2);
    const near = [...old];
    near[1] = 'x';
    near[6] = 'y';
    expect(diffText(old.join('\n'), near.join('\n')).hunks).toHaveLength(1);
  });

  it('numbers an empty side as line 0', () => {
    expect(diffText('', 'a\nb\n').hunks[0]).toMatchObject({
      oldStart: 0,
      oldLines: 0,
      newStart: 1,
      newLines: 2,
    });
  });

  it('reports huge files as not computed', () => {
    const big = Array.from({ length: 20_001 }, (_, i) => String(i)).join('\n');
    expect(diffText('', big)).toEqual({ computed: false, hunks: [] });
  });
});

describe('diffFiles', () => {
  it('lists added, removed and changed files, sorted, omitting unchanged ones', () => {
    const changes = diffFiles(
      { 'a.yaml': 'same', 'b.yaml': 'old', 'c.yaml': 'gone' },
      { 'a.yaml': 'same', 'b.yaml': 'new', 'd.yaml': 'fresh' },
    );
    expect(changes.map((c) => [c.file, c.status])).toEqual([
      ['b.yaml', 'changed'],
      ['c.yaml', 'removed'],
      ['d.yaml', 'added'],
    ]);
    expect(formatHunks(changes[0]?.diff.hunks ?? [])).toBe('@@ -1,1 +1,1 @@\n-old\n+new');
  });
});
