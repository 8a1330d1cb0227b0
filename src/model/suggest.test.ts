import { describe, expect, it } from 'vitest';
import { closest, editDistance, nearest, normalise } from './suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['abc', 'abc', 0],
    ['abc', 'abd', 1],
    ['abc', 'ab', 1],
    ['ab', 'abc', 1],
    ['abc', 'bc', 1],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['srv-erp', 'srv-epr', 2],
    ['intercontinental', 'incontinentally', 5],
  ])('%j → %j: %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('stops at limit + 1 once the distance exceeds the limit', () => {
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 0)).toBe(1);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });
});

describe('closest', () => {
  const ids = ['srv-erp', 'srv-web', 'srv-mail', 'fw-main', 'lan'];

  it('suggests the nearest candidate within a third of the word length', () => {
    expect(closest('srv-erq', ids)).toBe('srv-erp');
    expect(closest('srv-wbe', ids)).toBe('srv-web');
    expect(closest('srv-mial', ids)).toBe('srv-mail');
    expect(closest('lna', ids)).toBeUndefined(); // distance 2 > max(1, floor(3 / 3))
    expect(closest('lam', ids)).toBe('lan');
    expect(closest('fw', ids)).toBeUndefined();
  });

  it('returns an exact match', () => {
    expect(closest('lan', ids)).toBe('lan');
  });

  it('suggests nothing when every candidate is too far', () => {
    expect(closest('database', ids)).toBeUndefined();
    expect(closest('srv-erp', [])).toBeUndefined();
    expect(closest('', ids)).toBeUndefined();
  });

  it('breaks ties by picking the candidate that sorts first, whatever the order', () => {
    expect(closest('srv-x', ['srv-b', 'srv-a', 'srv-c'])).toBe('srv-a');
    expect(closest('srv-x', ['srv-c', 'srv-b', 'srv-a'])).toBe('srv-a');
    expect(closest('srv-x', ['srv-a', 'srv-c', 'srv-b'])).toBe('srv-a');
  });

  it('prefers a nearer candidate over one that sorts first', () => {
    expect(closest('zone-abcd', ['zone-abxx', 'zone-abcx'])).toBe('zone-abcx');
    expect(closest('zone-abcd', ['zone-abcx', 'zone-abxx'])).toBe('zone-abcx');
  });

  it('accepts any iterable', () => {
    expect(closest('srv-erq', new Set(ids))).toBe('srv-erp');
  });
});

describe('normalise', () => {
  it.each([
    ['TLS 1.3', 'tls13'],
    ['Active-Passive', 'activepassive'],
    ['wpa2 psk', 'wpa2psk'],
    ['WPA2_PSK', 'wpa2psk'],
    ['  a . b  ', 'ab'],
  ])('%j → %j', (word, form) => {
    expect(normalise(word)).toBe(form);
  });
});

describe('closest, whatever the spelling', () => {
  it.each([
    ['TLS 1.3', ['tls', 'tls1.2', 'tls1.3', 'ssh'], 'tls1.3'],
    ['Active-Passive', ['active-active', 'active-passive'], 'active-passive'],
    ['wpa2 psk', ['wpa2-enterprise', 'wpa2-psk', 'wpa3-sae'], 'wpa2-psk'],
    // far by edit distance, equal once normalised
    ['S_R_V.E_R_P', ['srv-erp', 'srv-web'], 'srv-erp'],
  ])('%j → %j', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});

describe('nearest', () => {
  const kinds = ['windows-security', 'windows-system', 'dns', 'dhcp', 'syslog', 'sysmon'];

  it('puts the values that contain the word first, then the nearest', () => {
    expect(nearest('Windows', kinds, 3)).toStrictEqual([
      'windows-system',
      'windows-security',
      'dns',
    ]);
    expect(nearest('syslg', kinds, 2)).toStrictEqual(['syslog', 'sysmon']);
  });

  it('returns at most count values, all of them candidates', () => {
    expect(nearest('x', kinds, 10)).toHaveLength(kinds.length);
    expect(nearest('x', [], 3)).toStrictEqual([]);
  });
});
