import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECOVERY_MINUTES, recoveryOf } from '../src/continuity/recovery-time.js';
import type { Asset } from '../src/domain/model/index.js';
import { root } from './support/cli.js';

const doc = readFileSync(join(root, 'docs', 'continuity.md'), 'utf8');

describe('docs/continuity.md', () => {
  it('lists the default recovery duration and method of every asset kind, exactly', () => {
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| ([\d.]+) (min|h|d) \| (\d+) \| (\w+) \|$/gm)];
    const table = Object.fromEntries(
      rows.map(([, kind = '', value = '', unit = '', minutes = '', method = '']) => {
        const perUnit = unit === 'd' ? 1440 : unit === 'h' ? 60 : 1;
        expect(Number(value) * perUnit, kind).toBe(Number(minutes));
        return [kind, { minutes: Number(minutes), method }];
      }),
    );
    const expected = Object.fromEntries(
      Object.entries(DEFAULT_RECOVERY_MINUTES).map(([kind, minutes]) => [
        kind,
        { minutes, method: recoveryOf({ id: 'x', kind } as Asset).method },
      ]),
    );
    expect(table).toEqual(expected);
  });
});
