import { describe, expect, it } from 'vitest';
import { AREAS, MESSAGES, format } from './index';

/** Parameter names: `{name}` and ICU plural blocks `{name, plural, …}`, each once. */
const placeholders = (text: string): string[] =>
  [
    ...new Set([...text.matchAll(/\{(\w+)(?:\}|\s*,\s*plural\s*,)/g)].map((m) => m[1] ?? '')),
  ].sort();

describe('UI messages', () => {
  for (const [name, area] of Object.entries(AREAS)) {
    it(`${name}: French has exactly the English keys, with the same placeholders`, () => {
      expect(Object.keys(area.fr).sort()).toEqual(Object.keys(area.en).sort());
      for (const [key, en] of Object.entries(area.en)) {
        const fr = (area.fr as Record<string, string>)[key] ?? '';
        expect(en.trim(), key).not.toBe('');
        expect(fr.trim(), key).not.toBe('');
        expect(placeholders(fr), key).toEqual(placeholders(en));
      }
    });
    if (name !== 'common') {
      it(`${name}: keys are namespaced by the area`, () => {
        for (const key of Object.keys(area.en)) expect(key.startsWith(`${name}.`), key).toBe(true);
      });
    }
  }

  it('no key is defined by two areas', () => {
    const seen = new Map<string, string>();
    for (const [name, area] of Object.entries(AREAS)) {
      for (const key of Object.keys(area.en)) {
        expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    }
    expect(Object.keys(MESSAGES.fr).length).toBe(seen.size);
  });

  it('formats placeholders and leaves unknown ones', () => {
    expect(format('{shown} of {total}', { shown: 3, total: 10 })).toBe('3 of 10');
    expect(format('a {x} b', {})).toBe('a {x} b');
  });
});
