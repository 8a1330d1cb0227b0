import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, LEGACY_AUDIT_ACTIONS } from './audit-actions.js';

const SRC = join(import.meta.dirname, '..', '..');

/** The `action: 'a.b'` literals of the code that writes audit entries (tests excluded). */
function writtenActions(): Set<string> {
  const actions = new Set<string>();
  for (const folder of ['platform', 'cli']) {
    const files = readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' });
    for (const file of files) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const text = readFileSync(join(SRC, folder, file), 'utf8');
      for (const match of text.matchAll(/\baction: '([a-z_]+(?:\.[a-z_]+)+)'/g)) {
        if (match[1] !== undefined) actions.add(match[1]);
      }
    }
  }
  return actions;
}

describe('audit actions', () => {
  it('lists every action the platform and the CLI write, and only those', () => {
    expect([...writtenActions()].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it('has no duplicates and keeps legacy actions apart', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const legacy of LEGACY_AUDIT_ACTIONS) {
      expect(AUDIT_ACTIONS as readonly string[]).not.toContain(legacy);
    }
  });
});
