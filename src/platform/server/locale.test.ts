import { describe, expect, it } from 'vitest';
import { localeOf } from './locale.js';

const of = (value?: string) =>
  localeOf({ headers: value === undefined ? {} : { 'accept-language': value } });

describe('localeOf', () => {
  it('takes the preferred of French and English, English otherwise', () => {
    expect(of()).toBe('en');
    expect(of('fr')).toBe('fr');
    expect(of('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(of('de-DE,en;q=0.5,fr;q=0.4')).toBe('en');
    expect(of('en;q=0.2, fr;q=0.7')).toBe('fr');
    expect(of('fr;q=0, en')).toBe('en');
    expect(of('de, es')).toBe('en');
    expect(of('x'.repeat(600))).toBe('en');
  });
});
