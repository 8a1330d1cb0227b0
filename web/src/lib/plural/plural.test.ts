import { describe, expect, it } from 'vitest';
import { expandPlurals, pluralCategory } from './index';

describe('plural rules', () => {
  it('French counts 0 and 1 as one, English only 1', () => {
    expect(pluralCategory('fr', 0)).toBe('one');
    expect(pluralCategory('fr', 1)).toBe('one');
    expect(pluralCategory('fr', 2)).toBe('other');
    expect(pluralCategory('en', 0)).toBe('other');
    expect(pluralCategory('en', 1)).toBe('one');
    expect(pluralCategory('en', 2)).toBe('other');
  });

  it('chooses the branch by language and formats #', () => {
    const fr = '{n, plural, one {# chemin trouvé} other {# chemins trouvés}}';
    const en = '{n, plural, one {# path found} other {# paths found}}';
    expect(expandPlurals(fr, { n: 0 }, 'fr')).toBe('0 chemin trouvé');
    expect(expandPlurals(fr, { n: 1 }, 'fr')).toBe('1 chemin trouvé');
    expect(expandPlurals(fr, { n: 1234 }, 'fr')).toBe('1\u202f234 chemins trouvés');
    expect(expandPlurals(en, { n: 0 }, 'en')).toBe('0 paths found');
    expect(expandPlurals(en, { n: 1 }, 'en')).toBe('1 path found');
    expect(expandPlurals(en, { n: 1234 }, 'en')).toBe('1,234 paths found');
  });

  it('prefers exact =N branches and keeps the text around and other placeholders', () => {
    const text = 'To {target}: {n, plural, =0 {no path} one {one path} other {# paths}} ({x})';
    expect(expandPlurals(text, { n: 0, target: 'db' }, 'en')).toBe('To {target}: no path ({x})');
    expect(expandPlurals(text, { n: 3 }, 'en')).toBe('To {target}: 3 paths ({x})');
  });

  it('accepts numbers given as text, nested blocks, and leaves malformed blocks alone', () => {
    expect(expandPlurals('{n, plural, one {# a} other {# b}}', { n: '2' }, 'en')).toBe('2 b');
    const fr = '{n, plural, one {# constat} other {# constats}}';
    expect(expandPlurals(fr, { n: '1\u202f234' }, 'fr')).toBe('1\u202f234 constats');
    expect(expandPlurals(fr, { n: '1' }, 'fr')).toBe('1 constat');
    expect(expandPlurals(fr, { n: 'beaucoup' }, 'fr')).toBe(fr);
    const nested = '{a, plural, one {{b, plural, one {x} other {y}}} other {z}}';
    expect(expandPlurals(nested, { a: 1, b: 5 }, 'en')).toBe('y');
    expect(expandPlurals('{n, plural, one {# a}', { n: 1 }, 'en')).toBe('{n, plural, one {# a}');
    expect(expandPlurals('{n, plural, one {a} other {b}}', {}, 'en')).toBe(
      '{n, plural, one {a} other {b}}',
    );
    expect(expandPlurals('plain {n}', { n: 1 }, 'fr')).toBe('plain {n}');
    expect(expandPlurals(undefined, { n: 1 }, 'fr')).toBe('');
  });
});
